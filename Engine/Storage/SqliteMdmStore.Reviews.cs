using Mdm.Engine.Records;
using Microsoft.Data.Sqlite;

namespace Mdm.Engine.Storage;

/// <summary>The reader port for steward work (<see cref="IReviewStore"/>): plain queries, no writes.</summary>
public sealed partial class SqliteMdmStore
{
    public IReadOnlyList<ReviewTaskView> ReadReviewTasks(string? status)
    {
        using var cmd = NewCommand();
        // Open tasks are rewritten whenever their records are re-resolved, but a decided task keeps the golden IDs it had:
        // the cross-reference says where each record is now.
        cmd.CommandText = """
            SELECT t.task_id, t.status, t.probability, t.reason, t.explanation,
                   a.record_id, a.system, a.source_key, a.kind, a.fields,
                   b.record_id, b.system, b.source_key, b.kind, b.fields,
                   COALESCE(xa.golden_id, t.golden_a), COALESCE(xb.golden_id, t.golden_b), t.created_run, t.decided_at, t.decided_by
            FROM review_tasks t
            JOIN source_records a ON a.record_id = t.record_a
            JOIN source_records b ON b.record_id = t.record_b
            LEFT JOIN cross_reference xa ON xa.record_id = t.record_a
            LEFT JOIN cross_reference xb ON xb.record_id = t.record_b
            WHERE $status IS NULL OR t.status = $status
            ORDER BY t.task_id
            """;
        cmd.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        var result = new List<ReviewTaskView>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            result.Add(new ReviewTaskView(r.GetInt64(0), r.GetString(1), r.GetDouble(2), r.GetString(3), r.GetString(4),
                ReviewRecord.Read(r, 5), ReviewRecord.Read(r, 10), r.GetString(15), r.GetString(16), r.GetInt64(17),
                r.IsDBNull(18) ? null : r.GetString(18), r.IsDBNull(19) ? null : r.GetString(19)));
        return result;
    }

    public long? LastLoadRun() => Scalar<long?>("SELECT MAX(run_id) FROM runs WHERE command = 'load'");

    public IReadOnlyList<StoredReject> ReadRejects(long runId, string? system, int limit) =>
        Query<(long, string, long?, string?, string, string?, string?)>("""
            SELECT run_id, system, line, field, reason, raw_text, source_key FROM rejects
            WHERE run_id = @runId AND (@system IS NULL OR system = @system) ORDER BY system, line, reject_id LIMIT @limit
            """, new { runId, system, limit })
            .Select(r => new StoredReject(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7)).ToList();

    public GoldenRecordView? ReadGoldenRecord(string goldenId) =>
        Query<(string, int, string, string, int, string, long)>(
            "SELECT golden_id, kind, fields, lineage, member_count, systems, updated_run FROM golden_records WHERE golden_id = @goldenId", new { goldenId })
            .Select(g => new GoldenRecordView(g.Item1, (PartyKind)g.Item2, FieldsJson.Deserialize(g.Item3), g.Item4, g.Item5,
                g.Item6.Split(',', StringSplitOptions.RemoveEmptyEntries), g.Item7))
            .FirstOrDefault();

    public (string Status, string? RedirectTo)? ReadGoldenIdStatus(string goldenId) =>
        Query<(string, string?)>("SELECT status, redirect_to FROM golden_ids WHERE golden_id = @goldenId", new { goldenId })
            .Select(s => ((string, string?)?)s).FirstOrDefault();

    public IReadOnlyList<ReviewRecord> ReadMembers(string goldenId) =>
        Query<(int, string, string, int, string)>("""
            SELECT s.record_id, s.system, s.source_key, s.kind, s.fields FROM cross_reference x
            JOIN source_records s ON s.record_id = x.record_id
            WHERE x.golden_id = @goldenId AND s.retired_run IS NULL ORDER BY s.system, s.source_key
            """, new { goldenId })
            .Select(m => new ReviewRecord(m.Item1, m.Item2, m.Item3, (PartyKind)m.Item4, FieldsJson.Deserialize(m.Item5))).ToList();
}
