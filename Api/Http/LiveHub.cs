using Mdm.Application;
using Mdm.Api.Http.Reading;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;

namespace Mdm.Api.Http;

/// <summary>
/// What one server process holds for its lifetime: the store's writer lock, the engine's live session over it (index,
/// model and term frequencies loaded once; real-time resolves and steward actions go through it, serialized where they
/// write) and the readers the look-ups use. The writer lock is held while the server runs because the live session's
/// in-memory state must see every write: a `mdm load` meanwhile waits for it and then exits with code 75, naming the server.
/// </summary>
public sealed class LiveHub : IDisposable
{
    public LiveHub(SourcesFile file, StoreTarget target, string? matchingPath, TimeSpan? wait)
    {
        // The search index is built from the store when missing or behind its last resolution (after every load: a load
        // does not pay for it), before the server takes requests; then kept current with every real-time and steward write.
        Session = EngineSession.OpenExisting(file, target, matchingPath, "serve", wait, withSearch: true);
        // A rebuild held every standardized record (3.7 GB at 1M): hand it back before serving, or the first collections
        // under load pause requests for hundreds of milliseconds (measured: p99 362 ms in the first minute, 12 ms after).
        if (Session.Search!.LastRebuildSeconds > 0) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Reader = new HubReader(target);
    }

    /// <summary>The same composition the command line's writers use: store, engine, value and search kept current.</summary>
    public EngineSession Session { get; }
    public SourcesFile File => Session.File;
    public StoreTarget Target => Session.Target;
    public IMdmStore Store => Session.Store;
    public MdmEngine Engine => Session.Engine;
    public HubReader Reader { get; }
    public global::Mdm.Engine.Search.CustomerSearchIndex Search => Session.Search!;

    /// <summary>
    /// The review queue over a reader of its own (the engine's connection belongs to its writes); ordered with the
    /// customers' 12-month value once the store has it.
    /// </summary>
    public IReadOnlyList<global::Mdm.Engine.Stewardship.ReviewQueueItem> ReadReviews(string status, int? limit)
    {
        using var reader = Target.OpenReader();
        return new global::Mdm.Engine.Stewardship.ReviewQueue(reader, Matching, Reader.RecentValues).Read(status, limit);
    }

    public global::Mdm.Engine.Scoring.MatchingConfiguration Matching => Session.Matching;

    /// <summary>The source of a system named in a request, or null when the sources file has no such system.</summary>
    public SourceDefinition? Source(string system) => File.Sources.FirstOrDefault(s => s.System == system);

    public void Dispose() => Session.Dispose();
}
