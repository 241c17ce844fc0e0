using Microsoft.Data.Sqlite;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>The SQLite side of <see cref="IDecisionStore"/>.</summary>
public sealed partial class SqliteMdmStore
{
    private const string DecisionColumns = "SELECT record_a, record_b, decision, decided_by, note FROM steward_decisions";

    // By record on every real-time resolve: a raw reader (see Query).
    public List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null)
    {
        var result = new List<StewardDecision>();
        static StewardDecision Read(SqliteDataReader r) =>
            new(r.GetInt32(0), r.GetInt32(1), r.GetString(2) == "link", r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
        if (recordIds is null)
        {
            using var cmd = NewCommand();
            cmd.CommandText = DecisionColumns + " ORDER BY record_a, record_b";
            using var r = cmd.ExecuteReader();
            while (r.Read()) result.Add(Read(r));
            return result;
        }
        // A decision on two of the records is in two chunks' answers when they fall in different chunks: keep it once.
        var seen = new HashSet<(int, int)>();
        foreach (var r in ForIdChunks(DecisionColumns + " WHERE record_a IN ({ids}) OR record_b IN ({ids})", recordIds))
            while (r.Read())
            {
                var d = Read(r);
                if (seen.Add((d.RecordA, d.RecordB))) result.Add(d);
            }
        return result;
    }

    public void SaveStewardDecision(StewardDecision decision)
    {
        // One row per pair, smaller record first, whichever order the steward named them in.
        var (a, b) = decision.RecordA < decision.RecordB ? (decision.RecordA, decision.RecordB) : (decision.RecordB, decision.RecordA);
        Write("""
            INSERT INTO steward_decisions(record_a, record_b, decision, decided_by, decided_at, note) VALUES (@a, @b, @kind, @DecidedBy, @at, @Note)
            ON CONFLICT(record_a, record_b) DO UPDATE SET decision=excluded.decision, decided_by=excluded.decided_by,
              decided_at=excluded.decided_at, note=excluded.note
            """, new { a, b, kind = decision.Link ? "link" : "separate", decision.DecidedBy, at = Now(), decision.Note });
    }

    public ReviewTask? LoadReviewTask(long taskId) =>
        Query<(long, int, int, string, string, double, string, string, string)>(
            "SELECT task_id, record_a, record_b, golden_a, golden_b, probability, reason, explanation, status FROM review_tasks WHERE task_id=@taskId", new { taskId })
            .Select(t => new ReviewTask(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, t.Item9)).FirstOrDefault();

    public void CloseReviewTask(long taskId, string status, string steward) =>
        Write("UPDATE review_tasks SET status=@status, decided_by=@steward, decided_at=@at WHERE task_id=@taskId", new { status, steward, at = Now(), taskId });
}
