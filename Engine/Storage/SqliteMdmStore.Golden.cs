using System.Globalization;
using Microsoft.Data.Sqlite;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>
/// The SQLite side of <see cref="IGoldenStore"/>. <see cref="WriteResolution"/> keeps its prepared bulk commands and
/// its index drop-and-rebuild: it is most of a 1M-record load's write time.
/// </summary>
public sealed partial class SqliteMdmStore
{
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
        if (write.IndexEpoch is { } epoch) SetMeta("index_epoch", epoch);
        if (write.TermFrequencies is { } tf) SaveBlob("term_frequencies", tf);
        SetMeta("resolution_pending", "0");
        // Resolved through the latest run that wrote records: a real-time session's run stays open while it resolves.
        SetMeta("resolved_run", Math.Max(runId, ResolvedRun).ToString(CultureInfo.InvariantCulture));
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

    /// <summary>Where the last <see cref="WriteResolution"/> spent its time, by part.</summary>
    public IReadOnlyDictionary<string, double> LastWriteSeconds { get; private set; } = new Dictionary<string, double>();

    // The whole cross-reference, every golden ID's age and the export are a million rows each: raw readers (see Query).
    public Dictionary<int, string> LoadCrossReferenceByRecord()
    {
        var result = new Dictionary<int, string>();
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, golden_id FROM cross_reference";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt32(0)] = r.GetString(1);
        return result;
    }

    // On every real-time resolve: a raw reader, as Dapper cost ~10 µs a call here (measured; see Query).
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

    public Dictionary<string, long> LoadGoldenIdAges()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT golden_id, seq FROM golden_ids";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public Dictionary<string, long> LoadGoldenIdAges(IReadOnlyCollection<string> goldenIds)
    {
        var result = new Dictionary<string, long>(goldenIds.Count, StringComparer.Ordinal);
        foreach (var r in ForGoldenIdChunks("SELECT golden_id, seq FROM golden_ids WHERE golden_id IN ({ids})", goldenIds))
            while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public long NextGoldenSequence() => Scalar<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM golden_ids");

    // Also every HTTP look-up by golden ID: one prepared command for all hops.
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

    public string? LookupGoldenId(string system, string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT golden_id FROM cross_reference WHERE system=$s AND source_key=$k";
        cmd.Parameters.AddWithValue("$s", system);
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    public IEnumerable<CrossReference> ReadCrossReference()
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT system, source_key, golden_id FROM cross_reference ORDER BY system, source_key";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new CrossReference(r.GetString(0), r.GetString(1), r.GetString(2));
    }
}
