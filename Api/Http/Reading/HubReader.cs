using System.Data.Common;
using Dapper;
using Mdm.Application;

namespace Mdm.Api.Http.Reading;

/// <summary>
/// The API's reads of the store: plain parameterized queries on pooled connections of their own, so look-ups run in
/// parallel with each other and with the engine's writes, on SQLite and PostgreSQL alike (<see cref="StoreTarget.OpenConnection"/>:
/// each shows them the last committed resolution, never half of one). Request text only ever reaches SQL as a parameter.
/// Integer columns are read as BIGINT on every store (PostgreSQL's INTEGER is 32-bit; the rows' fields are long).
/// </summary>
public sealed class HubReader(StoreTarget store)
{
    private DbConnection Open() => store.OpenConnection();

    public string? GoldenIdOf(string system, string key)
    {
        using var c = Open();
        return c.QueryFirstOrDefault<string>("SELECT golden_id FROM cross_reference WHERE system = @system AND source_key = @key", new { system, key });
    }

    /// <summary>(system, key) → golden ID (null: unknown key), in request order, on one connection.</summary>
    public List<string?> GoldenIdsOf(IReadOnlyList<(string System, string Key)> keys)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT golden_id FROM cross_reference WHERE system = @s AND source_key = @k";
        var s = cmd.CreateParameter();
        s.ParameterName = "s";
        s.DbType = System.Data.DbType.String;
        var k = cmd.CreateParameter();
        k.ParameterName = "k";
        k.DbType = System.Data.DbType.String;
        cmd.Parameters.Add(s);
        cmd.Parameters.Add(k);
        s.Value = ""; k.Value = "";
        cmd.Prepare();
        var result = new List<string?>(keys.Count);
        foreach (var (system, key) in keys)
        {
            s.Value = system;
            k.Value = key;
            result.Add(cmd.ExecuteScalar() as string);
        }
        return result;
    }

    /// <summary>The active golden ID a (possibly merged-away) ID stands for, or null when the ID was never issued.</summary>
    public string? CurrentGoldenId(string goldenId)
    {
        using var c = Open();
        return CurrentGoldenId(c, goldenId);
    }

    private string? CurrentGoldenId(DbConnection c, string goldenId)
    {
        var id = goldenId;
        for (var hops = 0; hops < 64; hops++)
        {
            var row = c.QueryFirstOrDefault<(string Status, string? RedirectTo)?>("SELECT status, redirect_to FROM golden_ids WHERE golden_id = @id", new { id });
            if (row is null) return null;
            if (row.Value.RedirectTo is not { } next) return row.Value.Status == "active" ? id : null;
            id = next;
        }
        return null;
    }

    public List<GoldenRow> Goldens(IReadOnlyCollection<string> goldenIds)
    {
        using var c = Open();
        return Goldens(c, goldenIds);
    }

    private List<GoldenRow> Goldens(DbConnection c, IReadOnlyCollection<string> goldenIds) =>
        c.Query<GoldenRow>(
            $"SELECT golden_id AS GoldenId, CAST(kind AS BIGINT) AS Kind, fields AS Fields, lineage AS Lineage, CAST(member_count AS BIGINT) AS MemberCount, systems AS Systems FROM golden_records WHERE {store.InList("golden_id", "goldenIds")}",
            new { goldenIds }).ToList();

    /// <summary>
    /// Everything a customer view shows, on one connection: the ID it stands for now (following merges), its golden row,
    /// value and tier, and with <paramref name="withRecords"/> its records and last transactions. Null: no such customer.
    /// </summary>
    public CustomerRows? Customer(string goldenId, bool withRecords, int transactions)
    {
        using var c = Open();
        // Only an active ID has a golden record: ask for it (with its value) directly, and follow redirects only when
        // there is none — one query instead of three for the customer an agent usually asks for.
        var current = goldenId;
        var found = GoldenWithValue(c, current);
        if (found is null)
        {
            if (CurrentGoldenId(c, goldenId) is not { } redirected || redirected == goldenId) return null;
            current = redirected;
            found = GoldenWithValue(c, current);
            if (found is null) return null;
        }
        return new CustomerRows(current, found.Value.Golden, found.Value.Value,
            withRecords ? Members(c, current) : null, withRecords ? Transactions(c, current, transactions) : null);
    }

    private static (GoldenRow Golden, ValueRow? Value)? GoldenWithValue(DbConnection c, string goldenId)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT g.golden_id, CAST(g.kind AS BIGINT), g.fields, g.lineage, CAST(g.member_count AS BIGINT), g.systems,
                   v.lifetime_cents, v.recent_cents, v.transaction_count, v.first_transaction, v.last_transaction, v.tier
            FROM golden_records g LEFT JOIN customer_values v ON v.golden_id = g.golden_id WHERE g.golden_id = @id
            """;
        var id = cmd.CreateParameter();
        id.ParameterName = "id";
        id.Value = goldenId;
        cmd.Parameters.Add(id);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var golden = new GoldenRow(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5));
        var value = r.IsDBNull(11) ? null : new ValueRow(r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), Text(9), Text(10), r.GetString(11));
        return (golden, value);
    }

    /// <summary>Golden rows of the given customers with the tier of each that has one: a page of search hits on one connection.</summary>
    public (List<GoldenRow> Goldens, Dictionary<string, string> Tiers) GoldensWithTiers(IReadOnlyCollection<string> goldenIds)
    {
        using var c = Open();
        var goldens = Goldens(c, goldenIds);
        var tiers = c.Query<(string GoldenId, string Tier)>($"SELECT golden_id, tier FROM customer_values WHERE {store.InList("golden_id", "goldenIds")}", new { goldenIds })
            .ToDictionary(r => r.GoldenId, r => r.Tier);
        return (goldens, tiers);
    }

    private List<MemberRow> Members(DbConnection c, string goldenId) =>
        c.Query<MemberRow>(
            $"""
            SELECT CAST(r.record_id AS BIGINT) AS RecordId, x.system AS System, x.source_key AS Key, r.fields AS Fields, r.updated_at AS UpdatedAt, CAST(r.trust AS BIGINT) AS Trust
            FROM cross_reference x JOIN source_records r ON r.record_id = x.record_id
            WHERE x.golden_id = @goldenId ORDER BY x.system {store.BinaryCollation}, x.source_key {store.BinaryCollation}
            """, new { goldenId }).ToList();

    /// <summary>Golden-ID events after <paramref name="after"/> (an event id: the feed's cursor), oldest first.</summary>
    public List<ChangeRow> Changes(long after, int limit)
    {
        using var c = Open();
        return c.Query<ChangeRow>(
            """
            SELECT event_id AS EventId, golden_id AS GoldenId, at AS At, kind AS Kind, cause AS Cause, detail AS Detail,
                   (SELECT redirect_to FROM golden_ids g WHERE g.golden_id = e.golden_id) AS RedirectTo
            FROM golden_events e WHERE event_id > @after ORDER BY event_id LIMIT @limit
            """, new { after, limit }).ToList();
    }

    public List<AuditRow> Audit(long after, int limit, string? actor)
    {
        using var c = Open();
        return c.Query<AuditRow>(
            """
            SELECT audit_id AS AuditId, at AS At, actor AS Actor, role AS Role, action AS Action, target AS Target, detail AS Detail, CAST(status AS BIGINT) AS Status
            FROM audit_log WHERE audit_id > @after AND (CAST(@actor AS TEXT) IS NULL OR actor = @actor) ORDER BY audit_id LIMIT @limit
            """, new { after, limit, actor }).ToList();
    }

    /// <summary>The run whose resolution the store last committed, and how many records are active.</summary>
    public (long ResolvedRun, int ActiveRecords) Health()
    {
        using var c = Open();
        var run = c.QueryFirstOrDefault<string>("SELECT value FROM meta WHERE key = 'resolved_run'");
        var active = c.ExecuteScalar<int>("SELECT CAST(COUNT(*) AS INTEGER) FROM source_records WHERE retired_run IS NULL");
        return (long.TryParse(run, out var r) ? r : 0, active);
    }

    /// <summary>12-month value (cents) of each of the given customers that has one.</summary>
    public Dictionary<string, long> RecentValues(IReadOnlyCollection<string> goldenIds)
    {
        using var c = Open();
        return c.Query<(string GoldenId, long Cents)>($"SELECT golden_id, recent_cents FROM customer_values WHERE {store.InList("golden_id", "goldenIds")}", new { goldenIds })
            .ToDictionary(r => r.GoldenId, r => r.Cents);
    }

    /// <summary>The last transactions of a customer across its systems, newest first.</summary>
    private List<TransactionRow> Transactions(DbConnection c, string goldenId, int count) =>
        c.Query<TransactionRow>(
            """
            SELECT t.system AS System, t.source_key AS Key, t.amount_cents AS AmountCents, t.txn_date AS Date FROM cross_reference x
            JOIN transactions t ON t.system = x.system AND t.source_key = x.source_key
            WHERE x.golden_id = @goldenId ORDER BY t.txn_date IS NULL, t.txn_date DESC, t.txn_id DESC LIMIT @count
            """, new { goldenId, count }).ToList();
}
