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
public sealed record GoldenEvent(string GoldenId, string Kind, string Cause, string Detail);
