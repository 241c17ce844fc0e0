using Microsoft.Data.Sqlite;

namespace Mdm.Engine.Storage;

/// <summary>The store's schema, versioned: each migration runs once, in order, in its own transaction.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE runs(run_id INTEGER PRIMARY KEY, command TEXT NOT NULL, configuration TEXT, started_at TEXT NOT NULL,
            finished_at TEXT, status TEXT NOT NULL, summary TEXT);
        CREATE TABLE source_records(record_id INTEGER PRIMARY KEY, system TEXT NOT NULL, source_key TEXT NOT NULL,
            kind INTEGER NOT NULL, content_hash TEXT NOT NULL, fields TEXT NOT NULL, trust INTEGER NOT NULL, line INTEGER,
            updated_at TEXT, first_run INTEGER NOT NULL, last_run INTEGER NOT NULL, retired_run INTEGER,
            UNIQUE(system, source_key));
        CREATE TABLE rejects(reject_id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, system TEXT NOT NULL, line INTEGER,
            field TEXT, reason TEXT NOT NULL, raw_text TEXT, source_key TEXT);
        CREATE INDEX ix_rejects_run ON rejects(run_id, system);
        CREATE TABLE transactions(txn_id INTEGER PRIMARY KEY, system TEXT NOT NULL, source_key TEXT NOT NULL,
            amount_cents INTEGER NOT NULL, txn_date TEXT, line INTEGER, run_id INTEGER NOT NULL);
        CREATE INDEX ix_transactions_key ON transactions(system, source_key);
        CREATE TABLE golden_ids(golden_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, kind INTEGER NOT NULL,
            status TEXT NOT NULL, redirect_to TEXT, created_run INTEGER NOT NULL, changed_run INTEGER NOT NULL);
        CREATE TABLE golden_records(golden_id TEXT PRIMARY KEY, kind INTEGER NOT NULL, fields TEXT NOT NULL,
            lineage TEXT NOT NULL, member_count INTEGER NOT NULL, systems TEXT NOT NULL, updated_run INTEGER NOT NULL);
        CREATE TABLE cross_reference(system TEXT NOT NULL, source_key TEXT NOT NULL, record_id INTEGER NOT NULL,
            golden_id TEXT NOT NULL, PRIMARY KEY(system, source_key)) WITHOUT ROWID;
        CREATE INDEX ix_xref_golden ON cross_reference(golden_id);
        CREATE INDEX ix_xref_record ON cross_reference(record_id);
        CREATE TABLE match_links(record_a INTEGER NOT NULL, record_b INTEGER NOT NULL, probability REAL NOT NULL,
            weight REAL NOT NULL, pattern INTEGER NOT NULL, decision TEXT NOT NULL, run_id INTEGER NOT NULL,
            PRIMARY KEY(record_a, record_b));
        CREATE TABLE review_tasks(task_id INTEGER PRIMARY KEY, record_a INTEGER NOT NULL, record_b INTEGER NOT NULL,
            golden_a TEXT NOT NULL, golden_b TEXT NOT NULL, probability REAL NOT NULL, reason TEXT NOT NULL,
            explanation TEXT NOT NULL, status TEXT NOT NULL, created_run INTEGER NOT NULL, decided_at TEXT, decided_by TEXT,
            UNIQUE(record_a, record_b));
        CREATE TABLE steward_decisions(record_a INTEGER NOT NULL, record_b INTEGER NOT NULL, decision TEXT NOT NULL,
            decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, note TEXT, PRIMARY KEY(record_a, record_b));
        CREATE TABLE golden_events(event_id INTEGER PRIMARY KEY, golden_id TEXT NOT NULL, at TEXT NOT NULL,
            run_id INTEGER, kind TEXT NOT NULL, cause TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE INDEX ix_events_golden ON golden_events(golden_id);
        CREATE TABLE quality_findings(record_id INTEGER NOT NULL, field TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL);
        CREATE INDEX ix_findings_record ON quality_findings(record_id);
        CREATE TABLE systems(system TEXT PRIMARY KEY, trust INTEGER NOT NULL, field_formats TEXT NOT NULL,
            full_extract INTEGER NOT NULL, updated_run INTEGER NOT NULL);
        """,
        // 2: incremental and real-time resolution, explained history.
        """
        ALTER TABLE golden_events ADD COLUMN probability REAL;
        ALTER TABLE golden_events ADD COLUMN explanation TEXT;
        ALTER TABLE golden_events ADD COLUMN before_state TEXT;
        ALTER TABLE golden_events ADD COLUMN after_state TEXT;
        CREATE INDEX ix_links_b ON match_links(record_b);
        CREATE INDEX ix_reviews_b ON review_tasks(record_b);
        CREATE INDEX ix_decisions_b ON steward_decisions(record_b);
        CREATE INDEX ix_golden_redirect ON golden_ids(redirect_to);
        CREATE TABLE blobs(key TEXT PRIMARY KEY, value BLOB NOT NULL);
        """,
        // 3: what a connector cleaned while reading a record (NUL, stray BOMs), re-reported whenever it is standardized.
        """
        ALTER TABLE source_records ADD COLUMN read_findings TEXT;
        """,
        // 4: customer value and tiers: one row per active golden customer, and the thresholds of the last full ranking (one row)
        // that real-time and steward writes place the customers they touch by.
        """
        CREATE TABLE customer_values(golden_id TEXT PRIMARY KEY, lifetime_cents INTEGER NOT NULL, recent_cents INTEGER NOT NULL,
            transaction_count INTEGER NOT NULL, recent_transactions INTEGER NOT NULL, first_transaction TEXT, last_transaction TEXT,
            tier TEXT NOT NULL, computed_run INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE value_ranking(id INTEGER PRIMARY KEY CHECK (id = 1), as_of TEXT NOT NULL, window_start TEXT NOT NULL,
            months INTEGER NOT NULL, ranked_customers INTEGER NOT NULL, super_cents INTEGER, large_cents INTEGER, medium_cents INTEGER,
            computed_run INTEGER NOT NULL);
        """,
        // 5: who looked up or changed what through the API, and when.
        """
        CREATE TABLE audit_log(audit_id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
            action TEXT NOT NULL, target TEXT, detail TEXT, status INTEGER NOT NULL);
        CREATE INDEX ix_audit_at ON audit_log(at);
        """,
    ];

    public static void Migrate(SqliteConnection connection)
    {
        using (var init = connection.CreateCommand())
        {
            init.CommandText = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)";
            init.ExecuteNonQuery();
        }
        long version;
        using (var get = connection.CreateCommand())
        {
            get.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            version = (long)get.ExecuteScalar()!;
        }
        for (var v = (int)version; v < Migrations.Length; v++)
        {
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[v] + $"; INSERT INTO schema_version(version) VALUES ({v + 1});";
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }
}
