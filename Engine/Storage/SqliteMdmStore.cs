using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>
/// The embedded default store: one SQLite file. Bulk writes use the provider's documented bulk-insert path — one
/// transaction, one prepared command re-executed with new parameter values — which inserts a few hundred thousand rows
/// a second. WAL mode lets readers (lookups) run during a load.
/// </summary>
public sealed partial class SqliteMdmStore : IMdmStore
{
    private readonly SqliteConnection _connection;

    /// <exception cref="StoreUnavailableException">The folder cannot be created, or the file opened, set up or migrated.</exception>
    private SqliteMdmStore(string path)
    {
        Location = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            _connection.Open();
            // A 64 MB page cache: bulk writes append in key order and need little; 200 MB only added to a 1M-record load's
            // peak memory (measured: no slower).
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF;");
            SqliteSchema.Migrate(_connection);
        }
        catch (Exception ex) when (StoreUnavailableException.Explains(ex))
        {
            _connection.Dispose();
            throw StoreUnavailableException.From(ex, path);
        }
    }

    /// <summary>Opens a store to read (export, history, evaluate): no lock, never blocks a writer or waits for one.</summary>
    public static SqliteMdmStore Open(string path) => new(path);

    /// <summary>
    /// Opens a store to write: first takes its cross-process writer lock (see <see cref="StoreWriterLock"/>), held until
    /// the store is disposed, so only one process at a time loads, resolves or applies steward decisions.
    /// </summary>
    /// <exception cref="StoreBusyException">Another process held the lock for longer than <paramref name="wait"/>.</exception>
    /// <exception cref="StoreUnavailableException">The store's folder or lock file cannot be created, or the store opened.</exception>
    public static SqliteMdmStore OpenWriter(string path, string command, TimeSpan? wait = null)
    {
        StoreWriterLock writerLock;
        try
        {
            writerLock = StoreWriterLock.Acquire(path, command, wait ?? StoreWriterLock.WaitFromEnvironment());
        }
        catch (Exception ex) when (StoreUnavailableException.Explains(ex))
        {
            // The lock file lives beside the store: failing to create it is the first sign of a folder that cannot be written.
            throw StoreUnavailableException.From(ex, path);
        }
        try
        {
            var store = new SqliteMdmStore(path) { _writerLock = writerLock };
            // Holding the lock, no other writer runs: a run still marked running was ended by a crash or a kill.
            store.Execute("UPDATE runs SET status='interrupted', finished_at=COALESCE(finished_at, '" + Now() + "') WHERE status='running'");
            return store;
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    private StoreWriterLock? _writerLock;

    public string Location { get; }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = NewCommand();
        cmd.CommandText = sql;
        if (tx is not null) cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The unit of work in progress, if any: every command joins it (the provider requires commands to name it).</summary>
    private SqliteTransaction? _ambient;

    private SqliteCommand NewCommand()
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _ambient;
        return cmd;
    }

    /// <summary>
    /// A write transaction of its own, or the unit of work's when one is open (then only the unit commits). While it is
    /// open it is the ambient transaction, so every command made meanwhile joins it.
    /// </summary>
    private WriteScope BeginWrite()
    {
        if (_ambient is { } tx) return new WriteScope(this, tx, owned: false);
        _ambient = _connection.BeginTransaction();
        return new WriteScope(this, _ambient, owned: true);
    }

    public IMdmUnitOfWork BeginUnitOfWork()
    {
        if (_ambient is not null) throw new InvalidOperationException("a unit of work is already open on this store");
        _ambient = _connection.BeginTransaction();
        return new UnitOfWork(this);
    }

    private sealed class WriteScope(SqliteMdmStore store, SqliteTransaction transaction, bool owned) : IDisposable
    {
        public SqliteTransaction Transaction { get; } = transaction;
        public void Commit() { if (owned) Transaction.Commit(); }
        public void Dispose()
        {
            if (!owned) return;
            Transaction.Dispose();
            store._ambient = null;
        }
        public static implicit operator SqliteTransaction(WriteScope scope) => scope.Transaction;
    }

    private sealed class UnitOfWork(SqliteMdmStore store) : IMdmUnitOfWork
    {
        private bool _done;
        public void Commit()
        {
            if (_done) throw new InvalidOperationException("the unit of work has ended");
            store._ambient!.Commit();
            End();
        }
        public void Dispose() { if (!_done) { store._ambient!.Rollback(); End(); } }
        private void End() { _done = true; store._ambient!.Dispose(); store._ambient = null; }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public long BeginRun(string command, string? configuration, bool bulk = true)
    {
        // A run writes hundreds of megabytes in batches; checkpointing the WAL after each batch rewrote the same index
        // pages again and again (measured: 1M inserts 17.0 s with the default, 9.7 s deferred). FinishRun folds it back once.
        if (bulk) Execute("PRAGMA wal_autocheckpoint=0;");
        using var cmd = NewCommand();
        cmd.CommandText = "INSERT INTO runs(command, configuration, started_at, status) VALUES ($c, $f, $t, 'running') RETURNING run_id";
        cmd.Parameters.AddWithValue("$c", command);
        cmd.Parameters.AddWithValue("$f", (object?)configuration ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$t", Now());
        return (long)cmd.ExecuteScalar()!;
    }

    public void FinishRun(long runId, string status, string summaryJson)
    {
        try
        {
            Execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint=1000;");
        }
        catch (SqliteException)
        {
            // A reader holding the WAL only delays the checkpoint; the data is committed either way.
        }
        using var cmd = NewCommand();
        cmd.CommandText = "UPDATE runs SET finished_at=$t, status=$s, summary=$j WHERE run_id=$r";
        cmd.Parameters.AddWithValue("$t", Now());
        cmd.Parameters.AddWithValue("$s", status);
        cmd.Parameters.AddWithValue("$j", summaryJson);
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.ExecuteNonQuery();
    }

    public void SaveSystemProfile(SystemProfile profile, long runId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = """
            INSERT INTO systems(system, trust, field_formats, full_extract, updated_run) VALUES ($s, $t, $f, $x, $run)
            ON CONFLICT(system) DO UPDATE SET trust=excluded.trust, field_formats=excluded.field_formats,
              full_extract=excluded.full_extract, updated_run=excluded.updated_run
            """;
        cmd.Parameters.AddWithValue("$s", profile.System);
        cmd.Parameters.AddWithValue("$t", profile.Trust);
        var formats = new Dictionary<string, string>(profile.FieldFormats, StringComparer.Ordinal);
        if (profile.KindDeclared) formats["$kind_declared"] = "1";
        // Kept beside the formats like $kind_declared: no schema change, and a profile stored before it reads as China.
        if (profile.Country != Standardization.Identifiers.PhoneNumber.DefaultCountry) formats["$country"] = profile.Country;
        cmd.Parameters.AddWithValue("$f", FieldsJson.Serialize(formats));
        cmd.Parameters.AddWithValue("$x", profile.FullExtract ? 1 : 0);
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyDictionary<string, SystemProfile> LoadSystemProfiles()
    {
        var result = new Dictionary<string, SystemProfile>(StringComparer.Ordinal);
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT system, trust, field_formats, full_extract FROM systems";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var formats = FieldsJson.Deserialize(r.GetString(2));
            var declared = formats.Remove("$kind_declared");
            var country = formats.Remove("$country", out var stored) ? stored : Standardization.Identifiers.PhoneNumber.DefaultCountry;
            result[r.GetString(0)] = new SystemProfile(r.GetString(0), r.GetInt32(1), formats, r.GetInt32(3) != 0, declared, country);
        }
        return result;
    }

    public Dictionary<string, RecordState> LoadRecordStates(string system)
    {
        var result = new Dictionary<string, RecordState>(StringComparer.Ordinal);
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT source_key, record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=$s";
        cmd.Parameters.AddWithValue("$s", system);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = new RecordState(r.GetInt32(1), r.GetString(2), r.GetBoolean(3));
        return result;
    }

    public int[] UpsertSourceRecords(IReadOnlyList<(SourceRecord Record, int Trust, int ExistingId)> records, long runId)
    {
        var ids = new int[records.Count];
        // Hashes and JSON on all cores; the loops below only bind values.
        var json = new string[records.Count];
        var readFindings = new string?[records.Count];
        void Prepare(int i)
        {
            json[i] = FieldsJson.Serialize(records[i].Record.Fields);
            var findings = records[i].Record.ReadFindings;
            readFindings[i] = findings.Count == 0 ? null : JsonSerializer.Serialize(findings, StoreJson.Options);
            _ = records[i].Record.ContentHash;
        }
        // A real-time resolve writes one record: not worth waking the thread pool for.
        if (records.Count < 64) for (var i = 0; i < records.Count; i++) Prepare(i);
        else Parallel.For(0, records.Count, Prepare);
        using var tx = BeginWrite();
        for (var i = 0; i < records.Count; i++) ids[i] = records[i].ExistingId;
        var next = 0;
        using (var max = NewCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT COALESCE(MAX(record_id), 0) FROM source_records";
            next = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var insert = NewCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO source_records(record_id, system, source_key, kind, content_hash, fields, trust, line, updated_at, first_run, last_run, retired_run, read_findings)
            VALUES ($id, $system, $key, $kind, $hash, $fields, $trust, $line, $updated, $run, $run, NULL, $findings)
            """;
        using var update = NewCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE source_records SET kind=$kind, content_hash=$hash, fields=$fields, trust=$trust, line=$line,
              updated_at=$updated, last_run=$run, retired_run=NULL, read_findings=$findings WHERE record_id=$id
            """;
        SqliteParameter[] Bind(SqliteCommand cmd)
        {
            var p = new[]
            {
                cmd.Parameters.Add("$id", SqliteType.Integer), cmd.Parameters.Add("$system", SqliteType.Text),
                cmd.Parameters.Add("$key", SqliteType.Text), cmd.Parameters.Add("$kind", SqliteType.Integer),
                cmd.Parameters.Add("$hash", SqliteType.Text), cmd.Parameters.Add("$fields", SqliteType.Text),
                cmd.Parameters.Add("$trust", SqliteType.Integer), cmd.Parameters.Add("$line", SqliteType.Integer),
                cmd.Parameters.Add("$updated", SqliteType.Text), cmd.Parameters.Add("$findings", SqliteType.Text),
            };
            cmd.Parameters.AddWithValue("$run", runId);
            return p;
        }
        var ins = Bind(insert);
        var upd = Bind(update);
        // UPDATE has no $system/$key: drop them so the prepared statement's parameters match its text.
        update.Parameters.Remove(upd[1]);
        update.Parameters.Remove(upd[2]);
        insert.Prepare();
        update.Prepare();
        for (var i = 0; i < records.Count; i++)
        {
            var (rec, trust, _) = records[i];
            var isNew = ids[i] < 0;
            if (isNew) ids[i] = ++next;
            var p = isNew ? ins : upd;
            p[0].Value = ids[i];
            p[1].Value = rec.System;
            p[2].Value = rec.Key;
            p[3].Value = (int)rec.Kind;
            p[4].Value = rec.ContentHash;
            p[5].Value = json[i];
            p[6].Value = trust;
            p[7].Value = rec.Line;
            p[8].Value = rec.UpdatedAt is { } u ? u.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
            p[9].Value = (object?)readFindings[i] ?? DBNull.Value;
            (isNew ? insert : update).ExecuteNonQuery();
        }
        SetMeta("resolution_pending", "1", tx);
        tx.Commit();
        return ids;
    }

    public void RetireRecords(IReadOnlyList<int> recordIds, long runId)
    {
        if (recordIds.Count == 0) return;
        using var tx = BeginWrite();
        Bulk(tx, "UPDATE source_records SET retired_run=$run WHERE record_id=$1 AND retired_run IS NULL", recordIds, (id, v) => v[0] = id, ("$run", runId));
        SetMeta("resolution_pending", "1", tx);
        tx.Commit();
    }

    public IEnumerable<StoredSourceRecord> ReadActiveRecords(Func<int, bool>? include = null)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, system, source_key, kind, fields, trust, line, updated_at, content_hash, read_findings FROM source_records WHERE retired_run IS NULL ORDER BY record_id";
        using var r = cmd.ExecuteReader();
        // The id is checked before the fields are parsed: a resolution reads back only what it has not standardized.
        while (r.Read())
            if (include is null || include(r.GetInt32(0))) yield return ReadStored(r);
    }

    public int CountActiveRecords() => Scalar<int>("SELECT COUNT(*) FROM source_records WHERE retired_run IS NULL");

    private T Scalar<T>(string sql)
    {
        using var cmd = NewCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    public void AddRejects(IReadOnlyList<RejectedRow> rejects, long runId)
    {
        if (rejects.Count == 0) return;
        using var tx = BeginWrite();
        Bulk(tx, "INSERT INTO rejects(run_id, system, line, field, reason, raw_text, source_key) VALUES ($run, $1, $2, $3, $4, $5, $6)",
            rejects, (r, v) => { v[0] = r.System; v[1] = r.Line; v[2] = r.Field; v[3] = r.Reason; v[4] = r.RawText; v[5] = r.Key; }, ("$run", runId));
        tx.Commit();
    }

    public void ReplaceTransactions(string system, IReadOnlyList<SourceTransaction> transactions, long runId)
    {
        using var tx = BeginWrite();
        Bulk(tx, "DELETE FROM transactions WHERE system=$1", [system], (s, v) => v[0] = s);
        Bulk(tx, "INSERT INTO transactions(system, source_key, amount_cents, txn_date, line, run_id) VALUES ($s, $1, $2, $3, $4, $run)",
            transactions, (t, v) =>
            {
                v[0] = t.CustomerKey;
                v[1] = (long)decimal.Round(t.Amount * 100m, MidpointRounding.AwayFromZero);
                v[2] = t.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                v[3] = t.Line;
            }, ("$s", system), ("$run", runId));
        tx.Commit();
    }

    public bool ResolutionPending
    {
        get => GetMeta("resolution_pending") == "1";
        set => SetMeta("resolution_pending", value ? "1" : "0", null);
    }

    private string? GetMeta(string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key=$k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    private void SetMeta(string key, string value, SqliteTransaction? tx)
    {
        using var cmd = NewCommand();
        if (tx is not null) cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value=excluded.value";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    public string? LoadModel() => GetMeta("model");

    public void SaveModel(string json, long runId)
    {
        using var tx = BeginWrite();
        SetMeta("model", json, tx);
        SetMeta("model_run", runId.ToString(CultureInfo.InvariantCulture), tx);
        tx.Commit();
    }

    public Dictionary<int, string> LoadCrossReferenceByRecord()
    {
        var result = new Dictionary<int, string>();
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, golden_id FROM cross_reference";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt32(0)] = r.GetString(1);
        return result;
    }

    public Dictionary<string, long> LoadGoldenIdAges()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT golden_id, seq FROM golden_ids";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public long NextGoldenSequence() => Scalar<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM golden_ids");

    public void WriteResolution(ResolutionWrite write, long runId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        void Lap(string name) { timings[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }
        using var tx = BeginWrite();
        var now = Now();
        var scope = write.Scope;
        if (scope is null)
        {
            // Secondary indexes are dropped and rebuilt around the bulk insert: building an index from sorted data beats
            // maintaining it row by row in random (golden ID) order.
            Execute("DROP INDEX IF EXISTS ix_xref_golden; DROP INDEX IF EXISTS ix_xref_record; DROP INDEX IF EXISTS ix_findings_record; DROP INDEX IF EXISTS ix_links_b;", tx);
            Execute("DELETE FROM cross_reference; DELETE FROM golden_records; DELETE FROM match_links; DELETE FROM quality_findings; DELETE FROM review_tasks WHERE status='open';", tx);
        }
        else
        {
            // Only the re-resolved part is replaced; golden records whose content did not change keep their row as it was.
            Execute("CREATE TEMP TABLE IF NOT EXISTS scope_records(record_id INTEGER PRIMARY KEY); DELETE FROM temp.scope_records;", tx);
            Bulk(tx, "INSERT OR IGNORE INTO temp.scope_records(record_id) VALUES ($1)", scope.RecordIds, (id, v) => v[0] = id);
            Execute("""
                DELETE FROM cross_reference WHERE record_id IN (SELECT record_id FROM temp.scope_records);
                DELETE FROM match_links WHERE record_a IN (SELECT record_id FROM temp.scope_records);
                DELETE FROM match_links WHERE record_b IN (SELECT record_id FROM temp.scope_records);
                DELETE FROM quality_findings WHERE record_id IN (SELECT record_id FROM temp.scope_records);
                DELETE FROM review_tasks WHERE status='open' AND (record_a IN (SELECT record_id FROM temp.scope_records)
                    OR record_b IN (SELECT record_id FROM temp.scope_records));
                """, tx);
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var g in write.GoldenRecords) kept.Add(g.GoldenId);
            Bulk(tx, "DELETE FROM golden_records WHERE golden_id=$1", scope.GoldenIds.Where(g => !kept.Contains(g)), (g, v) => v[0] = g);
        }
        Lap("delete");

        var kinds = new Dictionary<string, PartyKind>(StringComparer.Ordinal);
        foreach (var g in write.GoldenRecords) kinds[g.GoldenId] = g.Kind;
        Bulk(tx, "INSERT INTO golden_ids(golden_id, seq, kind, status, redirect_to, created_run, changed_run) VALUES ($1, $2, $3, 'active', NULL, $run, $run)",
            write.MintedSequences, (x, v) => { v[0] = x.Key; v[1] = x.Value; v[2] = (int)kinds.GetValueOrDefault(x.Key); }, ("$run", runId));
        Lap("golden_ids");
        Bulk(tx, "UPDATE golden_ids SET status='merged', redirect_to=$2, changed_run=$run WHERE golden_id=$1",
            write.IdChanges.Where(c => c.Kind == GoldenIdChangeKind.MergedInto), (c, v) => { v[0] = c.GoldenId; v[1] = c.Other; }, ("$run", runId));
        // A merged ID that a later run reinstates (records came back) is active again.
        Bulk(tx, "UPDATE golden_ids SET status='active', redirect_to=NULL, changed_run=$run WHERE golden_id=$1 AND status<>'active'",
            write.GoldenRecords, (g, v) => v[0] = g.GoldenId, ("$run", runId));
        Bulk(tx, """
            INSERT INTO golden_records(golden_id, kind, fields, lineage, member_count, systems, updated_run) VALUES ($1, $2, $3, $4, $5, $6, $run)
            ON CONFLICT(golden_id) DO UPDATE SET kind=excluded.kind, fields=excluded.fields, lineage=excluded.lineage,
              member_count=excluded.member_count, systems=excluded.systems, updated_run=excluded.updated_run
            WHERE golden_records.fields IS NOT excluded.fields OR golden_records.lineage IS NOT excluded.lineage
              OR golden_records.member_count IS NOT excluded.member_count OR golden_records.systems IS NOT excluded.systems
              OR golden_records.kind IS NOT excluded.kind
            """,
            write.GoldenRecords, (g, v) => { v[0] = g.GoldenId; v[1] = (int)g.Kind; v[2] = g.FieldsJson; v[3] = g.LineageJson; v[4] = g.MemberCount; v[5] = g.Systems; },
            ("$run", runId));
        Lap("golden_records");
        Bulk(tx, "INSERT INTO cross_reference(system, source_key, record_id, golden_id) VALUES ($1, $2, $3, $4)",
            write.CrossReference, (x, v) => { v[0] = x.System; v[1] = x.Key; v[2] = x.RecordId; v[3] = x.GoldenId; });
        Lap("cross_reference");
        Bulk(tx, "INSERT OR REPLACE INTO match_links(record_a, record_b, probability, weight, pattern, decision, run_id) VALUES ($1, $2, $3, $4, $5, $6, $run)",
            write.Links, (l, v) => { v[0] = l.RecordA; v[1] = l.RecordB; v[2] = l.Probability; v[3] = l.Weight; v[4] = unchecked((long)l.Pattern); v[5] = l.Decision; },
            ("$run", runId));
        Lap("links");
        // A pair a steward already decided keeps its decision; only open tasks are replaced.
        Bulk(tx, """
            INSERT INTO review_tasks(record_a, record_b, golden_a, golden_b, probability, reason, explanation, status, created_run)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $run) ON CONFLICT(record_a, record_b) DO NOTHING
            """,
            write.Reviews, (t, v) => { v[0] = t.RecordA; v[1] = t.RecordB; v[2] = t.GoldenA; v[3] = t.GoldenB; v[4] = t.Probability; v[5] = t.Reason; v[6] = t.Explanation; },
            ("$run", runId));
        Bulk(tx, """
            INSERT INTO golden_events(golden_id, at, run_id, kind, cause, detail, probability, explanation, before_state, after_state)
            VALUES ($1, $at, $run, $2, $3, $4, $5, $6, $7, $8)
            """,
            write.Events, (e, v) => { v[0] = e.GoldenId; v[1] = e.Kind; v[2] = e.Cause; v[3] = e.Detail; v[4] = e.Probability; v[5] = e.Explanation; v[6] = e.Before; v[7] = e.After; },
            ("$at", now), ("$run", runId));
        Lap("events");
        Bulk(tx, "INSERT INTO quality_findings(record_id, field, code, message) VALUES ($1, $2, $3, $4)",
            write.Findings, (x, v) => { v[0] = x.RecordId; v[1] = x.Finding.Field; v[2] = x.Finding.Code; v[3] = x.Finding.Message; });
        Lap("findings_reviews");
        if (scope is null)
        {
            Execute("CREATE INDEX ix_xref_golden ON cross_reference(golden_id); CREATE INDEX ix_xref_record ON cross_reference(record_id); CREATE INDEX ix_findings_record ON quality_findings(record_id); CREATE INDEX ix_links_b ON match_links(record_b);", tx);
            Lap("indexes");
        }
        if (write.IndexEpoch is { } epoch) SetMeta("index_epoch", epoch, tx);
        if (write.TermFrequencies is { } tf) SaveBlob("term_frequencies", tf, tx);
        SetMeta("resolution_pending", "0", tx);
        // Resolved through the latest run that wrote records: a real-time session's run stays open while it resolves.
        SetMeta("resolved_run", Math.Max(runId, ResolvedRun).ToString(CultureInfo.InvariantCulture), tx);
        if (write.BeforeCommit is { } beforeCommit)
        {
            Lap("meta");
            beforeCommit();
            Lap("index_wait");
        }
        tx.Commit();
        Lap("commit");
        LastWriteSeconds = timings;
    }

    public long ResolvedRun => long.TryParse(GetMeta("resolved_run"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;

    public string? IndexEpoch => GetMeta("index_epoch");

    public RecordState? LoadRecordState(string system, string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=$s AND source_key=$k";
        cmd.Parameters.AddWithValue("$s", system);
        cmd.Parameters.AddWithValue("$k", key);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new RecordState(r.GetInt32(0), r.GetString(1), r.GetBoolean(2)) : null;
    }

    public List<(int RecordId, bool Retired)> ReadChangedSince(long run)
    {
        var result = new List<(int, bool)>();
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, retired_run IS NOT NULL FROM source_records WHERE last_run > $r OR retired_run > $r ORDER BY record_id";
        cmd.Parameters.AddWithValue("$r", run);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add((r.GetInt32(0), r.GetBoolean(1)));
        return result;
    }

    /// <summary>Runs <paramref name="sql"/> (with "{ids}" standing for a list of integer literals) over chunks of ids.</summary>
    private IEnumerable<SqliteDataReader> ForIdChunks(string sql, IEnumerable<int> ids)
    {
        var chunk = new List<int>(500);
        var all = ids.ToList();
        for (var i = 0; i < all.Count; i += 500)
        {
            chunk.Clear();
            for (var j = i; j < Math.Min(all.Count, i + 500); j++) chunk.Add(all[j]);
            using var cmd = NewCommand();
            cmd.CommandText = sql.Replace("{ids}", string.Join(',', chunk), StringComparison.Ordinal);
            using var r = cmd.ExecuteReader();
            yield return r;
        }
    }

    /// <summary>Like <see cref="ForIdChunks"/> for golden IDs, bound as parameters.</summary>
    private IEnumerable<SqliteDataReader> ForGoldenIdChunks(string sql, IEnumerable<string> goldenIds)
    {
        var all = goldenIds.ToList();
        for (var i = 0; i < all.Count; i += 500)
        {
            using var cmd = NewCommand();
            var names = new List<string>();
            for (var j = i; j < Math.Min(all.Count, i + 500); j++)
            {
                var name = "$g" + (j - i).ToString(CultureInfo.InvariantCulture);
                names.Add(name);
                cmd.Parameters.AddWithValue(name, all[j]);
            }
            cmd.CommandText = sql.Replace("{ids}", string.Join(',', names), StringComparison.Ordinal);
            using var r = cmd.ExecuteReader();
            yield return r;
        }
    }

    public List<StoredSourceRecord> ReadRecords(IReadOnlyCollection<int> recordIds, bool includeRetired = false)
    {
        var result = new List<StoredSourceRecord>(recordIds.Count);
        var active = includeRetired ? "" : "retired_run IS NULL AND ";
        foreach (var r in ForIdChunks("SELECT record_id, system, source_key, kind, fields, trust, line, updated_at, content_hash, read_findings FROM source_records WHERE " + active + "record_id IN ({ids})", recordIds))
            while (r.Read()) result.Add(ReadStored(r));
        result.Sort((a, b) => a.RecordId.CompareTo(b.RecordId));
        return result;
    }

    private static StoredSourceRecord ReadStored(SqliteDataReader r)
    {
        var record = new SourceRecord(r.GetString(1), r.GetString(2), (PartyKind)r.GetInt32(3), FieldsJson.Deserialize(r.GetString(4)))
        {
            Line = r.IsDBNull(6) ? 0 : r.GetInt64(6),
            UpdatedAt = r.IsDBNull(7) ? null : DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture),
            ReadFindings = r.IsDBNull(9) ? [] : JsonSerializer.Deserialize<Quality.QualityFinding[]>(r.GetString(9), StoreJson.Options)!,
        };
        return new StoredSourceRecord(r.GetInt32(0), record, r.GetInt32(5), r.GetString(8));
    }

    public Dictionary<int, string> LoadGoldenIdsOf(IReadOnlyCollection<int> recordIds)
    {
        var result = new Dictionary<int, string>(recordIds.Count);
        foreach (var r in ForIdChunks("SELECT record_id, golden_id FROM cross_reference WHERE record_id IN ({ids})", recordIds))
            while (r.Read()) result[r.GetInt32(0)] = r.GetString(1);
        return result;
    }

    public Dictionary<string, List<int>> LoadMembers(IReadOnlyCollection<string> goldenIds)
    {
        var result = new Dictionary<string, List<int>>(goldenIds.Count, StringComparer.Ordinal);
        foreach (var r in ForGoldenIdChunks("SELECT golden_id, record_id FROM cross_reference WHERE golden_id IN ({ids})", goldenIds))
            while (r.Read())
            {
                var g = r.GetString(0);
                if (!result.TryGetValue(g, out var list)) result[g] = list = [];
                list.Add(r.GetInt32(1));
            }
        foreach (var list in result.Values) list.Sort();
        return result;
    }

    public Dictionary<string, long> LoadGoldenIdAges(IReadOnlyCollection<string> goldenIds)
    {
        var result = new Dictionary<string, long>(goldenIds.Count, StringComparer.Ordinal);
        foreach (var r in ForGoldenIdChunks("SELECT golden_id, seq FROM golden_ids WHERE golden_id IN ({ids})", goldenIds))
            while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null)
    {
        const string columns = "SELECT record_a, record_b, decision, decided_by, note FROM steward_decisions";
        var result = new List<StewardDecision>();
        static StewardDecision Read(SqliteDataReader r) =>
            new(r.GetInt32(0), r.GetInt32(1), r.GetString(2) == "link", r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
        if (recordIds is null)
        {
            using var cmd = NewCommand();
            cmd.CommandText = columns + " ORDER BY record_a, record_b";
            using var r = cmd.ExecuteReader();
            while (r.Read()) result.Add(Read(r));
            return result;
        }
        var seen = new HashSet<(int, int)>();
        foreach (var r in ForIdChunks(columns + " WHERE record_a IN ({ids}) OR record_b IN ({ids})", recordIds))
            while (r.Read())
            {
                var d = Read(r);
                if (seen.Add((d.RecordA, d.RecordB))) result.Add(d);
            }
        return result;
    }

    public void SaveStewardDecision(StewardDecision decision)
    {
        var (a, b) = decision.RecordA < decision.RecordB ? (decision.RecordA, decision.RecordB) : (decision.RecordB, decision.RecordA);
        using var tx = BeginWrite();
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO steward_decisions(record_a, record_b, decision, decided_by, decided_at, note) VALUES ($a, $b, $d, $by, $at, $n)
            ON CONFLICT(record_a, record_b) DO UPDATE SET decision=excluded.decision, decided_by=excluded.decided_by,
              decided_at=excluded.decided_at, note=excluded.note
            """;
        cmd.Parameters.AddWithValue("$a", a);
        cmd.Parameters.AddWithValue("$b", b);
        cmd.Parameters.AddWithValue("$d", decision.Link ? "link" : "separate");
        cmd.Parameters.AddWithValue("$by", decision.DecidedBy);
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$n", (object?)decision.Note ?? DBNull.Value);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    public byte[]? LoadBlob(string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT value FROM blobs WHERE key=$k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as byte[];
    }

    public void SaveBlob(string key, byte[] value)
    {
        using var tx = BeginWrite();
        SaveBlob(key, value, tx);
        tx.Commit();
    }

    public ReviewTask? LoadReviewTask(long taskId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT task_id, record_a, record_b, golden_a, golden_b, probability, reason, explanation, status FROM review_tasks WHERE task_id=$t";
        cmd.Parameters.AddWithValue("$t", taskId);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new ReviewTask(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetDouble(5), r.GetString(6), r.GetString(7), r.GetString(8))
            : null;
    }

    public void CloseReviewTask(long taskId, string status, string steward)
    {
        using var tx = BeginWrite();
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE review_tasks SET status=$s, decided_by=$by, decided_at=$at WHERE task_id=$t";
        cmd.Parameters.AddWithValue("$s", status);
        cmd.Parameters.AddWithValue("$by", steward);
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$t", taskId);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    private void SaveBlob(string key, byte[] value, SqliteTransaction tx)
    {
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO blobs(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value=excluded.value";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.Add("$v", SqliteType.Blob).Value = value;
        cmd.ExecuteNonQuery();
    }

    public string? LookupGoldenId(string system, string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT golden_id FROM cross_reference WHERE system=$s AND source_key=$k";
        cmd.Parameters.AddWithValue("$s", system);
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public List<GoldenEventRow> ReadHistory(string goldenId)
    {
        // The ID itself and every ID that (transitively) redirects to it.
        var ids = new List<string> { goldenId };
        var seen = new HashSet<string>(StringComparer.Ordinal) { goldenId };
        using (var cmd = NewCommand())
        {
            cmd.CommandText = "SELECT golden_id FROM golden_ids WHERE redirect_to=$g";
            var p = cmd.Parameters.Add("$g", SqliteType.Text);
            for (var i = 0; i < ids.Count; i++)
            {
                p.Value = ids[i];
                using var r = cmd.ExecuteReader();
                while (r.Read()) if (seen.Add(r.GetString(0))) ids.Add(r.GetString(0));
            }
        }
        var result = new List<GoldenEventRow>();
        foreach (var r in ForGoldenIdChunks("SELECT event_id, golden_id, at, run_id, kind, cause, detail, probability, explanation, before_state, after_state FROM golden_events WHERE golden_id IN ({ids}) ORDER BY event_id", ids))
            while (r.Read())
                result.Add(new GoldenEventRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4),
                    r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)));
        result.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        return result;
    }

    /// <summary>
    /// The provider's bulk path: one prepared statement executed per row inside the caller's transaction. The SQL names
    /// its row values $1..$n, filled by <paramref name="bind"/> into a reused buffer; <paramref name="constants"/> are
    /// bound once.
    /// </summary>
    private void Bulk<T>(SqliteTransaction tx, string sql, IEnumerable<T> rows, Action<T, object?[]> bind, params (string Name, object Value)[] constants)
    {
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var count = 0;
        while (sql.Contains("$" + (count + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) count++;
        var parameters = new SqliteParameter[count];
        for (var i = 0; i < count; i++) parameters[i] = cmd.Parameters.Add("$" + (i + 1).ToString(CultureInfo.InvariantCulture), SqliteType.Text);
        foreach (var (name, value) in constants) cmd.Parameters.AddWithValue(name, value);
        var values = new object?[count];
        var prepared = false;
        foreach (var row in rows)
        {
            Array.Clear(values);
            bind(row, values);
            for (var i = 0; i < count; i++)
            {
                var v = values[i];
                parameters[i].SqliteType = v switch { int or long => SqliteType.Integer, float or double => SqliteType.Real, _ => SqliteType.Text };
                parameters[i].Value = v ?? DBNull.Value;
            }
            if (!prepared) { cmd.Prepare(); prepared = true; }
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Where the last <see cref="WriteResolution"/> spent its time, by part.</summary>
    public IReadOnlyDictionary<string, double> LastWriteSeconds { get; private set; } = new Dictionary<string, double>();

    public string? ResolveGoldenId(string goldenId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT status, redirect_to FROM golden_ids WHERE golden_id=$g";
        var p = cmd.Parameters.Add("$g", SqliteType.Text);
        var current = goldenId;
        for (var hops = 0; hops < 64; hops++)
        {
            p.Value = current;
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            if (r.GetString(0) == "active" || r.IsDBNull(1)) return current;
            current = r.GetString(1);
        }
        throw new InvalidOperationException($"redirect loop from golden ID {goldenId}");
    }

    public IEnumerable<CrossReference> ReadCrossReference()
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT system, source_key, golden_id FROM cross_reference ORDER BY system, source_key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new CrossReference(r.GetString(0), r.GetString(1), r.GetString(2));
    }

    /// <summary>Runs a read-only query (reports, tests, the API's views).</summary>
    public SqliteCommand CreateQuery(string sql)
    {
        var cmd = NewCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private Thread? _checkpointer;
    private volatile bool _stopCheckpointer;

    public void StartBackgroundCheckpoints()
    {
        if (_checkpointer is not null) return;
        Execute("PRAGMA wal_autocheckpoint=0;");
        var path = Location;
        _checkpointer = new Thread(() =>
        {
            // Its own connection: a PASSIVE checkpoint copies committed pages back without blocking the writer.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            while (!_stopCheckpointer)
            {
                for (var i = 0; i < 10 && !_stopCheckpointer; i++) Thread.Sleep(100);
                try { cmd.ExecuteNonQuery(); }
                catch (SqliteException) { } // busy: the next round gets it
            }
        }) { IsBackground = true, Name = "mdm-wal-checkpoint" };
        _checkpointer.Start();
    }

    public void Dispose()
    {
        _stopCheckpointer = true;
        _checkpointer?.Join();
        // Fold the WAL back so the file is self-contained when the process ends.
        try { Execute("PRAGMA wal_checkpoint(TRUNCATE);"); } catch (SqliteException) { }
        _connection.Dispose();
        _writerLock?.Dispose();
    }
}

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}

/// <summary>Source fields as a JSON object; readable Chinese (not \u-escaped) so the store stays inspectable.</summary>
internal static class FieldsJson
{
    public static string Serialize(IReadOnlyDictionary<string, string> fields) => System.Text.Encoding.UTF8.GetString(SerializeUtf8(fields));

    public static byte[] SerializeUtf8(IReadOnlyDictionary<string, string> fields)
    {
        var keys = fields.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder }))
        {
            w.WriteStartObject();
            foreach (var k in keys) w.WriteString(k, fields[k]);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Lineage grouped by where values came from and why: [{"system": s, "key": k, "rule": r, "fields": [f, …]}, …], groups
    /// in the order of their first field. A million golden records' lineage was most of the bytes a full load wrote
    /// (one object per field repeated the same source and rule); grouped it is about half (1M records: 388 → 186 MB). <see cref="GoldenLineage.Parse"/>
    /// reads it back per field. Written by hand: the reflection serializer was the slowest part of a write.
    /// </summary>
    public static byte[] SerializeLineageUtf8(IReadOnlyDictionary<string, FieldLineage> lineage)
    {
        // Few fields (≤ 16) and fewer groups: a linear search per field beats hashing.
        var groups = new List<(FieldLineage Source, List<string> Fields)>(4);
        foreach (var (field, l) in lineage)
        {
            var g = 0;
            while (g < groups.Count && !SameSource(groups[g].Source, l)) g++;
            if (g == groups.Count) groups.Add((l, new List<string>(lineage.Count)));
            groups[g].Fields.Add(field);
        }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder }))
        {
            w.WriteStartArray();
            foreach (var (source, fields) in groups)
            {
                w.WriteStartObject();
                w.WriteString("system", source.System);
                w.WriteString("key", source.Key);
                w.WriteString("rule", source.Rule);
                w.WriteStartArray("fields");
                foreach (var f in fields) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static bool SameSource(FieldLineage a, FieldLineage b) =>
        string.Equals(a.Rule, b.Rule, StringComparison.Ordinal) && string.Equals(a.Key, b.Key, StringComparison.Ordinal)
        && string.Equals(a.System, b.System, StringComparison.Ordinal);

    public static Dictionary<string, string> Deserialize(string json)
    {
        var result = new Dictionary<string, string>(8, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName) name = reader.GetString();
            else if (reader.TokenType == JsonTokenType.String && name is not null) result[name] = reader.GetString()!;
        }
        return result;
    }
}
