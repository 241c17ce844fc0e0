using System.Globalization;
using Mdm.Engine.Value;
using Npgsql;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>
/// The PostgreSQL side of <see cref="ICustomerValueStore"/>: totals aggregated in SQL, tiers placed in C# by
/// <see cref="TierThresholds.TierOf"/> (the rule SQLite runs as a registered function) and written back by COPY.
/// </summary>
public sealed partial class PostgresMdmStore
{
    private const string DateFormat = "yyyy-MM-dd";

    private static string Day(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? Day(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), DateFormat, CultureInfo.InvariantCulture);

    // txn_date is yyyy-MM-dd text: text comparison is date order.
    private const string InWindow = "t.txn_date > @start AND t.txn_date <= @asof";

    private readonly record struct Totals(string GoldenId, long Lifetime, long Count, long Recent, long RecentCount, DateOnly? First, DateOnly? Last);

    public DateOnly? LatestTransactionDate() =>
        Scalar<string>("SELECT MAX(txn_date) FROM transactions") is { } s ? DateOnly.ParseExact(s, DateFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>Totals of every golden customer (<paramref name="goldenIds"/> null) or of the given ones, customers without transactions included.</summary>
    private List<Totals> ReadTotals(DateOnly windowStart, DateOnly asOf, string[]? goldenIds)
    {
        using var cmd = NewCommand($"""
            SELECT g.golden_id, COALESCE(SUM(t.amount_cents), 0)::bigint, COUNT(t.txn_id),
              COALESCE(SUM(CASE WHEN {InWindow} THEN t.amount_cents ELSE 0 END), 0)::bigint,
              COALESCE(SUM(CASE WHEN {InWindow} THEN 1 ELSE 0 END), 0)::bigint, MIN(t.txn_date), MAX(t.txn_date)
            FROM {(goldenIds is null ? "golden_records g" : "unnest(@ids) AS g(golden_id)")}
            LEFT JOIN cross_reference x ON x.golden_id = g.golden_id
            LEFT JOIN transactions t ON t.system = x.system AND t.source_key = x.source_key
            GROUP BY g.golden_id ORDER BY g.golden_id COLLATE "C"
            """);
        cmd.Parameters.AddWithValue("start", Day(windowStart));
        cmd.Parameters.AddWithValue("asof", Day(asOf));
        if (goldenIds is not null) cmd.Parameters.AddWithValue("ids", goldenIds);
        var result = new List<Totals>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add(new Totals(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), Day(r, 5), Day(r, 6)));
        return result;
    }

    private void CopyValues(IEnumerable<Totals> totals, TierThresholds thresholds, long runId) =>
        Copy("customer_values", "golden_id, lifetime_cents, recent_cents, transaction_count, recent_transactions, first_transaction, last_transaction, tier, computed_run",
            totals, (w, v) =>
            {
                Text(w, v.GoldenId); Long(w, v.Lifetime); Long(w, v.Recent); Long(w, v.Count); Long(w, v.RecentCount);
                Text(w, v.First is { } f ? Day(f) : null); Text(w, v.Last is { } l ? Day(l) : null);
                Text(w, thresholds.TierOf(v.Count, v.RecentCount, v.Recent)); Long(w, runId);
            });

    public TierThresholds RankCustomerValues(DateOnly windowStart, DateOnly asOf, Func<IReadOnlyCollection<long>, TierThresholds> rank, long runId)
    {
        using var tx = BeginWrite();
        var totals = ReadTotals(windowStart, asOf, null);
        var positive = totals.Where(t => t.RecentCount > 0 && t.Recent > 0).Select(t => t.Recent).ToList();
        var thresholds = rank(positive);
        Write("TRUNCATE customer_values");
        CopyValues(totals, thresholds, runId);
        Write("""
            INSERT INTO value_ranking(id, as_of, window_start, months, ranked_customers, super_cents, large_cents, medium_cents, computed_run)
            VALUES (1, @asof, @start, @Months, @RankedCustomers, @SuperCents, @LargeCents, @MediumCents, @ComputedRun)
            ON CONFLICT(id) DO UPDATE SET as_of=excluded.as_of, window_start=excluded.window_start, months=excluded.months,
              ranked_customers=excluded.ranked_customers, super_cents=excluded.super_cents, large_cents=excluded.large_cents,
              medium_cents=excluded.medium_cents, computed_run=excluded.computed_run
            """, new { asof = Day(thresholds.AsOf), start = Day(thresholds.WindowStart), thresholds.Months, thresholds.RankedCustomers,
                thresholds.SuperCents, thresholds.LargeCents, thresholds.MediumCents, thresholds.ComputedRun });
        tx.Commit();
        return thresholds;
    }

    public TierThresholds? LoadTierThresholds() =>
        Query<(string, string, int, long, long?, long?, long?, long)>(
            "SELECT as_of, window_start, months, ranked_customers, super_cents, large_cents, medium_cents, computed_run FROM value_ranking WHERE id = 1")
            .Select(t => new TierThresholds(DateOnly.ParseExact(t.Item1, DateFormat, CultureInfo.InvariantCulture),
                DateOnly.ParseExact(t.Item2, DateFormat, CultureInfo.InvariantCulture), t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8))
            .Select(t => (TierThresholds?)t).FirstOrDefault();

    public void RevalueCustomers(IReadOnlyCollection<string> removed, IReadOnlyCollection<string> revalued, TierThresholds thresholds, long runId)
    {
        using var tx = BeginWrite();
        Write("DELETE FROM customer_values WHERE golden_id = ANY(@ids)", new { ids = removed.Concat(revalued).Distinct(StringComparer.Ordinal).ToArray() });
        CopyValues(ReadTotals(thresholds.WindowStart, thresholds.AsOf, revalued.Distinct(StringComparer.Ordinal).ToArray()), thresholds, runId);
        tx.Commit();
    }

    private const string ValueColumns = "golden_id, lifetime_cents, recent_cents, transaction_count, recent_transactions, first_transaction, last_transaction, tier, computed_run";

    private List<CustomerValue> ReadValues(string where, string[] ids)
    {
        using var cmd = NewCommand($"SELECT {ValueColumns} FROM customer_values WHERE {where} ORDER BY golden_id COLLATE \"C\"");
        cmd.Parameters.AddWithValue("ids", ids);
        using var r = cmd.ExecuteReader();
        var result = new List<CustomerValue>();
        while (r.Read())
            result.Add(new CustomerValue(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), Day(r, 5), Day(r, 6), r.GetString(7), r.GetInt64(8)));
        return result;
    }

    public CustomerValue? LoadCustomerValue(string goldenId) => ReadValues("golden_id = ANY(@ids)", [goldenId]).FirstOrDefault();

    public List<CustomerValue> LoadCustomerValues(IReadOnlyCollection<string> goldenIds) =>
        ReadValues("golden_id = ANY(@ids)", goldenIds.Distinct(StringComparer.Ordinal).ToArray());

    public IReadOnlyDictionary<string, long> CountTiers()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tier in CustomerTier.All) result[tier] = 0;
        foreach (var (tier, n) in Query<(string, long)>("SELECT tier, COUNT(*) FROM customer_values GROUP BY tier")) result[tier] = n;
        return result;
    }

    public List<CustomerTransaction> LoadRecentTransactions(string goldenId, int count)
    {
        if (count <= 0) return [];
        using var cmd = NewCommand("""
            SELECT t.system, t.source_key, t.amount_cents, t.txn_date FROM cross_reference x
            JOIN transactions t ON t.system = x.system AND t.source_key = x.source_key
            WHERE x.golden_id = @g ORDER BY t.txn_date IS NULL, t.txn_date DESC, t.txn_id DESC LIMIT @n
            """);
        cmd.Parameters.AddWithValue("g", goldenId);
        cmd.Parameters.AddWithValue("n", count);
        using var r = cmd.ExecuteReader();
        var result = new List<CustomerTransaction>();
        while (r.Read()) result.Add(new CustomerTransaction(r.GetString(0), r.GetString(1), r.GetInt64(2), Day(r, 3)));
        return result;
    }
}
