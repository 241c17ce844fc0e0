using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>The PostgreSQL side of <see cref="IDecisionStore"/>.</summary>
public sealed partial class PostgresMdmStore
{
    private const string DecisionColumns = "SELECT record_a, record_b, decision = 'link', decided_by, note FROM steward_decisions";

    public List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null)
    {
        var rows = recordIds is null
            ? Query<(int, int, bool, string, string?)>(DecisionColumns + " ORDER BY record_a, record_b")
            : Query<(int, int, bool, string, string?)>(DecisionColumns + " WHERE record_a = ANY(@ids) OR record_b = ANY(@ids) ORDER BY record_a, record_b",
                new { ids = recordIds.ToArray() });
        return rows.Select(d => new StewardDecision(d.Item1, d.Item2, d.Item3, d.Item4, d.Item5)).ToList();
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
