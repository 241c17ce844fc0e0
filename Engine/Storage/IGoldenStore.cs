using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>
/// The resolution as stored: golden IDs (their ages and redirects), golden records, the cross-reference from source
/// keys to golden IDs, links, open review tasks and findings, all replaced together by <see cref="WriteResolution"/>.
/// </summary>
public interface IGoldenStore
{
    /// <summary>Writes a whole resolution, or the part its <see cref="ResolutionWrite.Scope"/> names, in one transaction; clears the pending resolution.</summary>
    void WriteResolution(ResolutionWrite write, long runId);

    /// <summary>Where the last <see cref="WriteResolution"/> spent its time, by part (seconds).</summary>
    IReadOnlyDictionary<string, double> LastWriteSeconds { get; }

    /// <summary>Record id → golden ID before this run.</summary>
    Dictionary<int, string> LoadCrossReferenceByRecord();

    /// <summary>Record id → current golden ID, for the records that have one.</summary>
    Dictionary<int, string> LoadGoldenIdsOf(IReadOnlyCollection<int> recordIds);

    /// <summary>Golden ID → its member record ids (ascending).</summary>
    Dictionary<string, List<int>> LoadMembers(IReadOnlyCollection<string> goldenIds);

    /// <summary>Golden ID → its sequence number (age).</summary>
    Dictionary<string, long> LoadGoldenIdAges();

    /// <summary>Golden ID → sequence number (age), for the given IDs.</summary>
    Dictionary<string, long> LoadGoldenIdAges(IReadOnlyCollection<string> goldenIds);

    long NextGoldenSequence();

    /// <summary>Follows redirects: the active golden ID a (possibly retired) ID now stands for.</summary>
    string? ResolveGoldenId(string goldenId);

    /// <summary>The golden ID of a source key (not following redirects: the cross-reference is always current).</summary>
    string? LookupGoldenId(string system, string key);

    /// <summary>The whole cross-reference, by system and key.</summary>
    IEnumerable<CrossReference> ReadCrossReference();
}
