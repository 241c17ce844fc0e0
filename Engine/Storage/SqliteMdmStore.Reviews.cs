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
                Record(r, 5), Record(r, 10), r.GetString(15), r.GetString(16), r.GetInt64(17),
                r.IsDBNull(18) ? null : r.GetString(18), r.IsDBNull(19) ? null : r.GetString(19)));
        return result;
    }

    private static ReviewRecord Record(SqliteDataReader r, int at) =>
        new(r.GetInt32(at), r.GetString(at + 1), r.GetString(at + 2), (PartyKind)r.GetInt32(at + 3), FieldsJson.Deserialize(r.GetString(at + 4)));

    public long? LastLoadRun()
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT MAX(run_id) FROM runs WHERE command = 'load'";
        return cmd.ExecuteScalar() is long run ? run : null;
    }

    public IReadOnlyList<StoredReject> ReadRejects(long runId, string? system, int limit)
    {
        using var cmd = NewCommand();
        cmd.CommandText = """
            SELECT run_id, system, line, field, reason, raw_text, source_key FROM rejects
            WHERE run_id = $run AND ($s IS NULL OR system = $s) ORDER BY system, line, reject_id LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$s", (object?)system ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        var result = new List<StoredReject>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            result.Add(new StoredReject(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return result;
    }

    public GoldenRecordView? ReadGoldenRecord(string goldenId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT golden_id, kind, fields, lineage, member_count, systems, updated_run FROM golden_records WHERE golden_id = $g";
        cmd.Parameters.AddWithValue("$g", goldenId);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new GoldenRecordView(r.GetString(0), (PartyKind)r.GetInt32(1), FieldsJson.Deserialize(r.GetString(2)), r.GetString(3), r.GetInt32(4),
                r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetInt64(6))
            : null;
    }

    public (string Status, string? RedirectTo)? ReadGoldenIdStatus(string goldenId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT status, redirect_to FROM golden_ids WHERE golden_id = $g";
        cmd.Parameters.AddWithValue("$g", goldenId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public IReadOnlyList<ReviewRecord> ReadMembers(string goldenId)
    {
        using var cmd = NewCommand();
        cmd.CommandText = """
            SELECT s.record_id, s.system, s.source_key, s.kind, s.fields FROM cross_reference x
            JOIN source_records s ON s.record_id = x.record_id
            WHERE x.golden_id = $g AND s.retired_run IS NULL ORDER BY s.system, s.source_key
            """;
        cmd.Parameters.AddWithValue("$g", goldenId);
        var result = new List<ReviewRecord>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add(Record(r, 0));
        return result;
    }
}
