namespace Mdm.Engine.Storage;

/// <summary>A review task with its two records.</summary>
/// <param name="GoldenA">The golden ID record A has now (the cross-reference), else the one stored with the task.</param>
/// <param name="Explanation">The stored <c>MatchExplanation</c> as JSON.</param>
public sealed record ReviewTaskView(long TaskId, string Status, double Probability, string Reason, string Explanation,
    ReviewRecord RecordA, ReviewRecord RecordB, string GoldenA, string GoldenB, long CreatedRun, string? DecidedAt, string? DecidedBy);
