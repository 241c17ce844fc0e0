using Mdm.Engine.Scoring;

namespace Mdm.Engine.Pipeline;

/// <summary>What a real-time resolve did with one record.</summary>
/// <param name="Outcome">"created" (a new golden ID), "linked" (joined an existing customer), "updated" (a known record changed and
/// stayed with its customer), "moved" (a changed record now belongs to another customer), "unchanged" (same content as stored).</param>
/// <param name="Probability">Match probability of the strongest link to its customer's other records (none when alone).</param>
/// <param name="Explanation">Why that link scored as it did, comparison by comparison.</param>
/// <param name="MergedGoldenIds">Golden IDs this record's arrival joined into <paramref name="GoldenId"/> (they now redirect to it).</param>
/// <param name="ReviewTasks">Review tasks opened for the record (an uncertain match a steward should decide).</param>
public sealed record RealtimeResolution(string System, string Key, string GoldenId, string Outcome, double? Probability,
    MatchExplanation? Explanation, IReadOnlyList<string> MergedGoldenIds, int ReviewTasks, string? PreviousGoldenId, double Milliseconds);
