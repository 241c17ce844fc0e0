using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>The SQLite side of <see cref="IDecisionStore"/>.</summary>
public sealed partial class SqliteMdmStore
{
    private const string DecisionColumns = "SELECT record_a, record_b, decision = 'link', decided_by, note FROM steward_decisions";

    public List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null)
    {
        static StewardDecision Decision((int A, int B, bool Link, string By, string? Note) d) => new(d.A, d.B, d.Link, d.By, d.Note);
        if (recordIds is null)
            return Query<(int, int, bool, string, string?)>(DecisionColumns + " ORDER BY record_a, record_b").Select(Decision).ToList();
        // A decision on two of the records is in two chunks' answers when they fall in different chunks: keep it once.
        var seen = new HashSet<(int, int)>();
        var result = new List<StewardDecision>();
        foreach (var d in QueryChunked<(int, int, bool, string, string?), int>(DecisionColumns + " WHERE record_a IN @ids OR record_b IN @ids", recordIds))
            if (seen.Add((d.Item1, d.Item2))) result.Add(Decision(d));
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
