using System.Globalization;
using Microsoft.Data.Sqlite;
using Mdm.Engine.Value;

namespace Mdm.Engine.Storage;

/// <summary>The SQLite side of <see cref="ICustomerValueStore"/>: aggregates in SQL, tiers through one registered function.</summary>
public sealed partial class SqliteMdmStore
{
    private const string DateFormat = "yyyy-MM-dd";

    private static string Day(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? Day(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// mdm_tier_of(transactions, recent transactions, recent cents) is <see cref="TierThresholds.TierOf"/>: the full ranking
    /// and the scoped revaluation place customers by the same C# rule, inside INSERT … SELECT.
    /// </summary>
    private void RegisterTierFunction(TierThresholds thresholds) =>
        _connection.CreateFunction<long, long, long, string>("mdm_tier_of", thresholds.TierOf, isDeterministic: true);

    // Transactions of a golden customer in the window: txn_date is yyyy-MM-dd text, so text comparison is date order.
    private const string InWindow = "t.txn_date > $start AND t.txn_date <= $asof";

    public DateOnly? LatestTransactionDate()
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT MAX(txn_date) FROM transactions";
        return cmd.ExecuteScalar() is string s ? DateOnly.ParseExact(s, DateFormat, CultureInfo.InvariantCulture) : null;
    }

    public TierThresholds RankCustomerValues(DateOnly windowStart, DateOnly asOf, Func<IReadOnlyCollection<long>, TierThresholds> rank, long runId)
    {
        using var tx = BeginWrite();
        Execute("DROP TABLE IF EXISTS temp.value_totals;", tx);
        using (var totals = NewCommand())
        {
            totals.Transaction = tx;
            totals.CommandText = $"""
                CREATE TEMP TABLE value_totals AS
                SELECT x.golden_id AS golden_id, SUM(t.amount_cents) AS lifetime, COUNT(*) AS n,
                  SUM(CASE WHEN {InWindow} THEN t.amount_cents ELSE 0 END) AS recent,
                  SUM(CASE WHEN {InWindow} THEN 1 ELSE 0 END) AS recent_n, MIN(t.txn_date) AS first, MAX(t.txn_date) AS last
                FROM transactions t JOIN cross_reference x ON x.system = t.system AND x.source_key = t.source_key
                GROUP BY x.golden_id;
                CREATE UNIQUE INDEX temp.ix_value_totals ON value_totals(golden_id);
                """;
            totals.Parameters.AddWithValue("$start", Day(windowStart));
            totals.Parameters.AddWithValue("$asof", Day(asOf));
            totals.ExecuteNonQuery();
        }
        var positive = new List<long>();
        using (var read = NewCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT recent FROM temp.value_totals WHERE recent_n > 0 AND recent > 0";
            using var r = read.ExecuteReader();
            while (r.Read()) positive.Add(r.GetInt64(0));
        }
        var thresholds = rank(positive);
        RegisterTierFunction(thresholds);
        using (var insert = NewCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                DELETE FROM customer_values;
                INSERT INTO customer_values(golden_id, lifetime_cents, recent_cents, transaction_count, recent_transactions,
                  first_transaction, last_transaction, tier, computed_run)
                SELECT g.golden_id, COALESCE(v.lifetime, 0), COALESCE(v.recent, 0), COALESCE(v.n, 0), COALESCE(v.recent_n, 0), v.first, v.last,
                  mdm_tier_of(COALESCE(v.n, 0), COALESCE(v.recent_n, 0), COALESCE(v.recent, 0)), $run
                FROM golden_records g LEFT JOIN temp.value_totals v ON v.golden_id = g.golden_id ORDER BY g.golden_id;
                DROP TABLE temp.value_totals;
                """;
            insert.Parameters.AddWithValue("$run", runId);
            insert.ExecuteNonQuery();
        }
        SaveThresholds(thresholds, tx);
        tx.Commit();
        return thresholds;
    }

    private void SaveThresholds(TierThresholds t, SqliteTransaction tx)
    {
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT OR REPLACE INTO value_ranking(id, as_of, window_start, months, ranked_customers, super_cents, large_cents, medium_cents, computed_run)
            VALUES (1, $asof, $start, $months, $n, $s, $l, $m, $run)
            """;
        cmd.Parameters.AddWithValue("$asof", Day(t.AsOf));
        cmd.Parameters.AddWithValue("$start", Day(t.WindowStart));
        cmd.Parameters.AddWithValue("$months", t.Months);
        cmd.Parameters.AddWithValue("$n", t.RankedCustomers);
        cmd.Parameters.AddWithValue("$s", (object?)t.SuperCents ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", (object?)t.LargeCents ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$m", (object?)t.MediumCents ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$run", t.ComputedRun);
        cmd.ExecuteNonQuery();
    }

    public TierThresholds? LoadTierThresholds()
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT as_of, window_start, months, ranked_customers, super_cents, large_cents, medium_cents, computed_run FROM value_ranking WHERE id = 1";
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        long? Cents(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        return new TierThresholds(Day(r, 0)!.Value, Day(r, 1)!.Value, r.GetInt32(2), r.GetInt64(3), Cents(4), Cents(5), Cents(6), r.GetInt64(7));
    }

    public void RevalueCustomers(IReadOnlyCollection<string> removed, IReadOnlyCollection<string> revalued, TierThresholds thresholds, long runId)
    {
        using var tx = BeginWrite();
        Execute("CREATE TEMP TABLE IF NOT EXISTS value_scope(golden_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.value_scope;", tx);
        Bulk(tx, "DELETE FROM customer_values WHERE golden_id = $1", removed.Concat(revalued).Distinct(StringComparer.Ordinal), (g, v) => v[0] = g);
        Bulk(tx, "INSERT OR IGNORE INTO temp.value_scope(golden_id) VALUES ($1)", revalued, (g, v) => v[0] = g);
        RegisterTierFunction(thresholds);
        using var insert = NewCommand();
        insert.Transaction = tx;
        // Through ix_xref_golden and ix_transactions_key: the members of each customer, then their transactions.
        insert.CommandText = $"""
            INSERT INTO customer_values(golden_id, lifetime_cents, recent_cents, transaction_count, recent_transactions,
              first_transaction, last_transaction, tier, computed_run)
            SELECT golden_id, lifetime, recent, n, recent_n, first, last, mdm_tier_of(n, recent_n, recent), $run FROM (
              SELECT s.golden_id AS golden_id, COALESCE(SUM(t.amount_cents), 0) AS lifetime, COUNT(t.txn_id) AS n,
                COALESCE(SUM(CASE WHEN {InWindow} THEN t.amount_cents ELSE 0 END), 0) AS recent,
                COALESCE(SUM(CASE WHEN {InWindow} THEN 1 ELSE 0 END), 0) AS recent_n, MIN(t.txn_date) AS first, MAX(t.txn_date) AS last
              FROM temp.value_scope s LEFT JOIN cross_reference x ON x.golden_id = s.golden_id
                LEFT JOIN transactions t ON t.system = x.system AND t.source_key = x.source_key
              GROUP BY s.golden_id)
            """;
        insert.Parameters.AddWithValue("$start", Day(thresholds.WindowStart));
        insert.Parameters.AddWithValue("$asof", Day(thresholds.AsOf));
        insert.Parameters.AddWithValue("$run", runId);
        insert.ExecuteNonQuery();
        tx.Commit();
    }

    private const string ValueColumns = "golden_id, lifetime_cents, recent_cents, transaction_count, recent_transactions, first_transaction, last_transaction, tier, computed_run";

    private static CustomerValue ReadValue(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), Day(r, 5), Day(r, 6), r.GetString(7), r.GetInt64(8));

    public CustomerValue? LoadCustomerValue(string goldenId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = $"SELECT {ValueColumns} FROM customer_values WHERE golden_id = $g";
        cmd.Parameters.AddWithValue("$g", goldenId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadValue(r) : null;
    }

    public List<CustomerValue> LoadCustomerValues(IReadOnlyCollection<string> goldenIds)
    {
        var result = new List<CustomerValue>(goldenIds.Count);
        foreach (var r in ForGoldenIdChunks($"SELECT {ValueColumns} FROM customer_values WHERE golden_id IN ({{ids}})", goldenIds.Distinct(StringComparer.Ordinal)))
            while (r.Read()) result.Add(ReadValue(r));
        result.Sort((a, b) => string.CompareOrdinal(a.GoldenId, b.GoldenId));
        return result;
    }

    public IReadOnlyDictionary<string, long> CountTiers()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tier in CustomerTier.All) result[tier] = 0;
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT tier, COUNT(*) FROM customer_values GROUP BY tier";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public List<CustomerTransaction> LoadRecentTransactions(string goldenId, int count)
    {
        var result = new List<CustomerTransaction>();
        if (count <= 0) return result;
        using var cmd = NewCommand();
        cmd.CommandText = """
            SELECT t.system, t.source_key, t.amount_cents, t.txn_date FROM cross_reference x
            JOIN transactions t ON t.system = x.system AND t.source_key = x.source_key
            WHERE x.golden_id = $g ORDER BY t.txn_date IS NULL, t.txn_date DESC, t.txn_id DESC LIMIT $n
            """;
        cmd.Parameters.AddWithValue("$g", goldenId);
        cmd.Parameters.AddWithValue("$n", count);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add(new CustomerTransaction(r.GetString(0), r.GetString(1), r.GetInt64(2), Day(r, 3)));
        return result;
    }
}
