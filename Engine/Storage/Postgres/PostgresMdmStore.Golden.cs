using System.Globalization;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>
/// The PostgreSQL side of <see cref="IGoldenStore"/>. A full resolution empties the resolution's tables and COPYs them
/// back (secondary indexes dropped and rebuilt around it); a scoped one deletes its records' rows and upserts golden
/// records through a staging table, so a golden record whose content did not change keeps its row.
/// </summary>
public sealed partial class PostgresMdmStore
{
    private const string ResolutionIndexes =
        "CREATE INDEX ix_xref_golden ON cross_reference(golden_id); CREATE INDEX ix_xref_record ON cross_reference(record_id); " +
        "CREATE INDEX ix_findings_record ON quality_findings(record_id); CREATE INDEX ix_links_b ON match_links(record_b);";

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
            Write("DROP INDEX IF EXISTS ix_xref_golden, ix_xref_record, ix_findings_record, ix_links_b");
            Write("TRUNCATE cross_reference, golden_records, match_links, quality_findings; DELETE FROM review_tasks WHERE status='open';");
        }
        else
        {
            var ids = scope.RecordIds.ToArray();
            Write("""
                DELETE FROM cross_reference WHERE record_id = ANY(@ids);
                DELETE FROM match_links WHERE record_a = ANY(@ids) OR record_b = ANY(@ids);
                DELETE FROM quality_findings WHERE record_id = ANY(@ids);
                DELETE FROM review_tasks WHERE status='open' AND (record_a = ANY(@ids) OR record_b = ANY(@ids));
                """, new { ids });
            var kept = new HashSet<string>(write.GoldenRecords.Select(g => g.GoldenId), StringComparer.Ordinal);
            Write("DELETE FROM golden_records WHERE golden_id = ANY(@gone)", new { gone = scope.GoldenIds.Where(g => !kept.Contains(g)).ToArray() });
        }
        Lap("delete");

        var kinds = new Dictionary<string, PartyKind>(StringComparer.Ordinal);
        foreach (var g in write.GoldenRecords) kinds[g.GoldenId] = g.Kind;
        Copy("golden_ids", "golden_id, seq, kind, status, created_run, changed_run", write.MintedSequences, (w, x) =>
        {
            Text(w, x.Key); Long(w, x.Value); Int(w, (int)kinds.GetValueOrDefault(x.Key)); Text(w, "active"); Long(w, runId); Long(w, runId);
        });
        Lap("golden_ids");
        var merged = write.IdChanges.Where(c => c.Kind == GoldenIdChangeKind.MergedInto).ToList();
        if (merged.Count > 0)
            Write("""
                UPDATE golden_ids g SET status='merged', redirect_to=m.other, changed_run=@runId
                FROM unnest(@ids, @others) AS m(id, other) WHERE g.golden_id = m.id
                """, new { ids = merged.Select(c => c.GoldenId).ToArray(), others = merged.Select(c => c.Other!).ToArray(), runId });
        // A merged ID that a later run reinstates (records came back) is active again.
        Write("UPDATE golden_ids SET status='active', redirect_to=NULL, changed_run=@runId WHERE golden_id = ANY(@ids) AND status<>'active'",
            new { ids = write.GoldenRecords.Select(g => g.GoldenId).ToArray(), runId });
        const string goldenColumns = "golden_id, kind, fields, lineage, member_count, systems, updated_run";
        if (scope is null)
            Copy("golden_records", goldenColumns, write.GoldenRecords, (w, g) =>
            {
                Text(w, g.GoldenId); Int(w, (int)g.Kind); Text(w, g.FieldsJson); Text(w, g.LineageJson); Int(w, g.MemberCount); Text(w, g.Systems); Long(w, runId);
            });
        else
        {
            Write("CREATE TEMP TABLE staged_golden(golden_id text, kind integer, fields text, lineage text, member_count integer, systems text, updated_run bigint) ON COMMIT DROP");
            Copy("staged_golden", goldenColumns, write.GoldenRecords, (w, g) =>
            {
                Text(w, g.GoldenId); Int(w, (int)g.Kind); Text(w, g.FieldsJson); Text(w, g.LineageJson); Int(w, g.MemberCount); Text(w, g.Systems); Long(w, runId);
            });
            Write($"""
                INSERT INTO golden_records({goldenColumns}) SELECT {goldenColumns} FROM staged_golden
                ON CONFLICT(golden_id) DO UPDATE SET kind=excluded.kind, fields=excluded.fields, lineage=excluded.lineage,
                  member_count=excluded.member_count, systems=excluded.systems, updated_run=excluded.updated_run
                WHERE golden_records.fields IS DISTINCT FROM excluded.fields OR golden_records.lineage IS DISTINCT FROM excluded.lineage
                  OR golden_records.member_count IS DISTINCT FROM excluded.member_count OR golden_records.systems IS DISTINCT FROM excluded.systems
                  OR golden_records.kind IS DISTINCT FROM excluded.kind;
                DROP TABLE staged_golden;
                """);
        }
        Lap("golden_records");
        Copy("cross_reference", "system, source_key, record_id, golden_id", write.CrossReference, (w, x) =>
        {
            Text(w, x.System); Text(w, x.Key); Int(w, x.RecordId); Text(w, x.GoldenId);
        });
        Lap("cross_reference");
        // Links and review tasks through staging: the same pair may come twice, and a decided task keeps its decision.
        Write("""
            CREATE TEMP TABLE staged_links(record_a integer, record_b integer, probability double precision, weight double precision,
              pattern bigint, decision text) ON COMMIT DROP
            """);
        Copy("staged_links", "record_a, record_b, probability, weight, pattern, decision", write.Links, (w, l) =>
        {
            Int(w, l.RecordA); Int(w, l.RecordB); Real(w, l.Probability); Real(w, l.Weight); Long(w, unchecked((long)l.Pattern)); Text(w, l.Decision);
        });
        Write("""
            INSERT INTO match_links(record_a, record_b, probability, weight, pattern, decision, run_id)
            SELECT DISTINCT ON (record_a, record_b) record_a, record_b, probability, weight, pattern, decision, @runId FROM staged_links
            ON CONFLICT(record_a, record_b) DO UPDATE SET probability=excluded.probability, weight=excluded.weight, pattern=excluded.pattern,
              decision=excluded.decision, run_id=excluded.run_id;
            DROP TABLE staged_links;
            """, new { runId });
        Lap("links");
        Write("""
            CREATE TEMP TABLE staged_reviews(record_a integer, record_b integer, golden_a text, golden_b text, probability double precision,
              reason text, explanation text) ON COMMIT DROP
            """);
        Copy("staged_reviews", "record_a, record_b, golden_a, golden_b, probability, reason, explanation", write.Reviews, (w, t) =>
        {
            Int(w, t.RecordA); Int(w, t.RecordB); Text(w, t.GoldenA); Text(w, t.GoldenB); Real(w, t.Probability); Text(w, t.Reason); Text(w, t.Explanation);
        });
        Write("""
            INSERT INTO review_tasks(record_a, record_b, golden_a, golden_b, probability, reason, explanation, status, created_run)
            SELECT record_a, record_b, golden_a, golden_b, probability, reason, explanation, 'open', @runId FROM staged_reviews
            ON CONFLICT(record_a, record_b) DO NOTHING;
            DROP TABLE staged_reviews;
            """, new { runId });
        Copy("golden_events", "golden_id, at, run_id, kind, cause, detail, probability, explanation, before_state, after_state", write.Events, (w, e) =>
        {
            Text(w, e.GoldenId); Text(w, now); Long(w, runId); Text(w, e.Kind); Text(w, e.Cause); Text(w, e.Detail); Real(w, e.Probability);
            Text(w, e.Explanation); Text(w, e.Before); Text(w, e.After);
        });
        Lap("events");
        Copy("quality_findings", "record_id, field, code, message", write.Findings, (w, x) =>
        {
            Int(w, x.RecordId); Text(w, x.Finding.Field); Text(w, x.Finding.Code); Text(w, x.Finding.Message);
        });
        Lap("findings_reviews");
        if (scope is null)
        {
            Write(ResolutionIndexes);
            Lap("indexes");
        }
        if (write.IndexEpoch is { } epoch) SetMeta("index_epoch", epoch);
        if (write.TermFrequencies is { } tf) SaveBlob("term_frequencies", tf);
        SetMeta("resolution_pending", "0");
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

    public IReadOnlyDictionary<string, double> LastWriteSeconds { get; private set; } = new Dictionary<string, double>();

    public Dictionary<int, string> LoadCrossReferenceByRecord()
    {
        var result = new Dictionary<int, string>();
        using var cmd = NewCommand("SELECT record_id, golden_id FROM cross_reference");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt32(0)] = r.GetString(1);
        return result;
    }

    public Dictionary<int, string> LoadGoldenIdsOf(IReadOnlyCollection<int> recordIds)
    {
        var result = new Dictionary<int, string>(recordIds.Count);
        foreach (var (record, golden) in Query<(int, string)>("SELECT record_id, golden_id FROM cross_reference WHERE record_id = ANY(@ids)", new { ids = recordIds.ToArray() }))
            result[record] = golden;
        return result;
    }

    public Dictionary<string, List<int>> LoadMembers(IReadOnlyCollection<string> goldenIds)
    {
        var result = new Dictionary<string, List<int>>(goldenIds.Count, StringComparer.Ordinal);
        foreach (var (golden, record) in Query<(string, int)>("SELECT golden_id, record_id FROM cross_reference WHERE golden_id = ANY(@ids)", new { ids = goldenIds.ToArray() }))
        {
            if (!result.TryGetValue(golden, out var list)) result[golden] = list = [];
            list.Add(record);
        }
        foreach (var list in result.Values) list.Sort();
        return result;
    }

    public Dictionary<string, long> LoadGoldenIdAges()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = NewCommand("SELECT golden_id, seq FROM golden_ids");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetInt64(1);
        return result;
    }

    public Dictionary<string, long> LoadGoldenIdAges(IReadOnlyCollection<string> goldenIds)
    {
        var result = new Dictionary<string, long>(goldenIds.Count, StringComparer.Ordinal);
        foreach (var (golden, seq) in Query<(string, long)>("SELECT golden_id, seq FROM golden_ids WHERE golden_id = ANY(@ids)", new { ids = goldenIds.ToArray() }))
            result[golden] = seq;
        return result;
    }

    public long NextGoldenSequence() => Scalar<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM golden_ids");

    public string? ResolveGoldenId(string goldenId)
    {
        var current = goldenId;
        for (var hops = 0; hops < 64; hops++)
        {
            var found = Query<(string Status, string? RedirectTo)>("SELECT status, redirect_to FROM golden_ids WHERE golden_id=@current", new { current }).ToList();
            if (found.Count == 0) return null;
            if (found[0].Status == "active" || found[0].RedirectTo is null) return current;
            current = found[0].RedirectTo!;
        }
        throw new InvalidOperationException($"redirect loop from golden ID {goldenId}");
    }

    public string? LookupGoldenId(string system, string key) =>
        Scalar<string>("SELECT golden_id FROM cross_reference WHERE system=@system AND source_key=@key", new { system, key });

    public IEnumerable<CrossReference> ReadCrossReference()
    {
        using var cmd = NewCommand("SELECT system, source_key, golden_id FROM cross_reference ORDER BY system COLLATE \"C\", source_key COLLATE \"C\"");
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new CrossReference(r.GetString(0), r.GetString(1), r.GetString(2));
    }
}
