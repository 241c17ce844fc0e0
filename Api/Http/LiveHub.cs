using Mdm.Api.Cli;
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
    public LiveHub(SourcesFile file, string storePath, string? matchingPath, TimeSpan? wait)
    {
        File = file;
        StorePath = storePath;
        if (!System.IO.File.Exists(storePath)) throw new FileNotFoundException($"no store at {storePath}: run 'mdm load' first");
        Store = SqliteMdmStore.OpenWriter(storePath, "serve", wait);
        try
        {
            Matching = LoadJob.Matching(matchingPath);
            Engine = new MdmEngine(Store, Matching, LoadJob.IndexPathOf(storePath));
            // Real-time resolves and steward actions keep the values of the customers they touch current.
            Engine.Subscribers.Add(new global::Mdm.Engine.Value.CustomerValuation(file.Value));
            Reader = new HubReader(storePath);
            // Built from the store when missing or behind its last resolution (after every load: a load does not pay for it),
            // before the server takes requests; then kept current with every real-time and steward write.
            Search = global::Mdm.Engine.Search.CustomerSearchIndex.Open(global::Mdm.Engine.Search.CustomerSearchIndex.PathOf(storePath), Store);
            Engine.Subscribers.Add(Search);
        }
        catch
        {
            Store.Dispose();
            throw;
        }
    }

    public SourcesFile File { get; }
    public string StorePath { get; }
    public SqliteMdmStore Store { get; }
    public MdmEngine Engine { get; }
    public HubReader Reader { get; }
    public global::Mdm.Engine.Search.CustomerSearchIndex Search { get; }

    /// <summary>
    /// The review queue over a reader of its own (the engine's connection belongs to its writes); ordered with the
    /// customers' 12-month value once the store has it.
    /// </summary>
    public IReadOnlyList<global::Mdm.Engine.Stewardship.ReviewQueueItem> ReadReviews(string status, int? limit)
    {
        using var reader = SqliteMdmStore.Open(StorePath);
        return new global::Mdm.Engine.Stewardship.ReviewQueue(reader, Matching, Reader.RecentValues).Read(status, limit);
    }

    public global::Mdm.Engine.Scoring.MatchingConfiguration Matching { get; }

    /// <summary>The source of a system named in a request, or null when the sources file has no such system.</summary>
    public SourceDefinition? Source(string system) => File.Sources.FirstOrDefault(s => s.System == system);

    public void Dispose()
    {
        Engine.Dispose();
        Search?.Dispose();
        Store.Dispose();
    }
}
