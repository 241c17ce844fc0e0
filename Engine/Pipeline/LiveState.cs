using Mdm.Engine.Records;
using System.Diagnostics;
using Mdm.Engine.Candidates;
using Mdm.Engine.Scoring;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>What scoped resolutions work with: the index, model and term frequencies, loaded once and kept current.</summary>
internal sealed class LiveState : IDisposable
{
    public required CandidateIndex Index { get; init; }
    public required PairScorer Scorer { get; init; }
    public required TermFrequencies TermFrequencies { get; init; }
    public required BlockingKeyBuilder Keys { get; init; }
    public required IReadOnlyDictionary<string, SystemProfile> Profiles { get; set; }
    public required string Epoch { get; init; }
    /// <summary>The run the index reflected when it was opened.</summary>
    public required long ReflectedRun { get; init; }
    /// <summary>The run real-time resolves of this session write under (0: none yet).</summary>
    public long RealtimeRun { get; set; }
    public long RealtimeResolves { get; set; }
    public Stopwatch SinceIndexCommit { get; } = Stopwatch.StartNew();
    public void Dispose() => Index.Dispose();
}
