using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A source record as the store keeps it: its store id, its raw fields and what the sources file said of its system.</summary>
public sealed record StoredSourceRecord(int RecordId, SourceRecord Record, int Trust, string ContentHash);

/// <summary>What the store knows of a source key before a load: to tell new, changed and unchanged records apart.</summary>
public readonly record struct RecordState(int RecordId, string ContentHash, bool Retired);

/// <summary>A link kept from a resolution run (compact: the pattern reproduces the explanation with the stored model).</summary>
public readonly record struct StoredLink(int RecordA, int RecordB, float Probability, float Weight, ulong Pattern, string Decision);

/// <summary>A pair a data steward should decide on.</summary>
public sealed record ReviewTask(long TaskId, int RecordA, int RecordB, string GoldenA, string GoldenB, double Probability,
    string Reason, string Explanation, string Status);

/// <summary>A change in a golden customer's life: created, merged, split, members changed.</summary>
/// <param name="Cause">What made the change: "load", "realtime" or "steward:&lt;name&gt;" (with the steward's note in <paramref name="Detail"/>).</param>
/// <param name="Probability">For a change the scorer caused: the match probability of the deciding pair.</param>
/// <param name="Explanation">For a change the scorer caused: that pair's <c>MatchExplanation</c> as JSON.</param>
/// <param name="Before">Members before the change as JSON ({"goldenId":…,"records":["system/key",…]}), when there were any.</param>
/// <param name="After">Members after the change, same form.</param>
public sealed record GoldenEvent(string GoldenId, string Kind, string Cause, string Detail, double? Probability = null,
    string? Explanation = null, string? Before = null, string? After = null);

/// <summary>A golden-ID event as read back from the store's history.</summary>
public sealed record GoldenEventRow(long EventId, string GoldenId, string At, long? RunId, string Kind, string Cause, string Detail,
    double? Probability, string? Explanation, string? Before, string? After);

/// <summary>A steward's decision on two source records: keep them together (link) or apart (separate), on every later run.</summary>
public sealed record StewardDecision(int RecordA, int RecordB, bool Link, string DecidedBy, string? Note);
