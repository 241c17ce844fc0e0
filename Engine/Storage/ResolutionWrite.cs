using Mdm.Engine.Resolution;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>The output of one resolution run.</summary>
public sealed record ResolutionWrite
{
    public required IReadOnlyList<GoldenRecordRow> GoldenRecords { get; init; }
    public required IReadOnlyList<(int RecordId, string System, string Key, string GoldenId)> CrossReference { get; init; }
    public required IReadOnlyList<StoredLink> Links { get; init; }
    public required IReadOnlyList<ReviewTask> Reviews { get; init; }
    public required IReadOnlyList<GoldenIdChange> IdChanges { get; init; }
    public required IReadOnlyList<GoldenEvent> Events { get; init; }
    public required IReadOnlyList<(int RecordId, Quality.QualityFinding Finding)> Findings { get; init; }
    /// <summary>Golden ID → sequence for IDs minted in this run.</summary>
    public required IReadOnlyDictionary<string, long> MintedSequences { get; init; }
    /// <summary>Null: the write replaces the whole resolution; otherwise only this part of it.</summary>
    public ResolutionScope? Scope { get; init; }
    /// <summary>Set by a full resolution: the epoch of the candidate index it built.</summary>
    public string? IndexEpoch { get; init; }
    /// <summary>Term-frequency snapshot to keep with the resolution, when it changed.</summary>
    public byte[]? TermFrequencies { get; init; }
    /// <summary>
    /// Runs inside the write, just before its commit: a full resolution finishes and commits the candidate index it has
    /// been building meanwhile (the index must be committed before the store names its epoch).
    /// </summary>
    public Action? BeforeCommit { get; init; }
    /// <summary>
    /// The standardized records this resolution clustered (all active ones for a full run, the scope's otherwise), so
    /// subscribers need not read and standardize them again; null when the writer did not keep them. Not stored.
    /// </summary>
    public IReadOnlyList<Standardization.StandardizedRecord>? Records { get; init; }
}
