using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Scoring;
using Mdm.Engine.Search;
using Mdm.Engine.Storage;
using Mdm.Engine.Value;

namespace Mdm.Application;

/// <summary>
/// A writer's composition over one store, the same for every host: the store opened under its writer lock, the engine
/// over it, and the parts kept current with every resolution the engine writes — customer values and tiers always,
/// the call-center search index when the host serves look-ups. The command line's load, resolve and steward commands,
/// the HTTP server and the benchmarks all open one of these.
/// </summary>
public sealed class EngineSession : IDisposable
{
    private EngineSession(SourcesFile file, StoreTarget target, IMdmStore store, MatchingConfiguration matching, MdmEngine engine, CustomerValuation valuation)
    {
        File = file;
        Target = target;
        Store = store;
        Matching = matching;
        Engine = engine;
        Valuation = valuation;
    }

    public SourcesFile File { get; }
    public StoreTarget Target { get; }
    public IMdmStore Store { get; }
    public MatchingConfiguration Matching { get; }
    public MdmEngine Engine { get; }
    public CustomerValuation Valuation { get; }

    /// <summary>The call-center search index, when opened with it (null otherwise).</summary>
    public CustomerSearchIndex? Search { get; private set; }

    /// <param name="command">Named in the writer lock, so a process waiting for it can say who holds it.</param>
    /// <param name="wait">How long to wait for another writer (null: MDM_WRITER_WAIT or 120 s).</param>
    /// <param name="withSearch">
    /// Keep the search index current too. It is built from the store when missing or behind its last resolution, which
    /// takes a while on a large store: a load does not pay for it, the server does once at its start.
    /// </param>
    public static EngineSession Open(SourcesFile file, StoreTarget target, string? matchingPath, string command, TimeSpan? wait, bool withSearch)
    {
        var store = target.OpenWriter(command, wait);
        MdmEngine? engine = null;
        try
        {
            var matching = StoreLocation.Matching(matchingPath);
            engine = new MdmEngine(store, matching, target.IndexPath);
            var valuation = new CustomerValuation(file.Value);
            engine.Subscribers.Add(valuation);
            var session = new EngineSession(file, target, store, matching, engine, valuation);
            if (withSearch)
            {
                session.Search = CustomerSearchIndex.Open(CustomerSearchIndex.PathOf(target.FilesPath), store);
                engine.Subscribers.Add(session.Search);
            }
            return session;
        }
        catch
        {
            engine?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="Open"/>, for a store a load has created already.</summary>
    /// <exception cref="FileNotFoundException">There is no SQLite store at the target's path.</exception>
    public static EngineSession OpenExisting(SourcesFile file, StoreTarget target, string? matchingPath, string command, TimeSpan? wait, bool withSearch) =>
        Open(file, target.RequireExisting(), matchingPath, command, wait, withSearch);

    public void Dispose()
    {
        Engine.Dispose();
        Search?.Dispose();
        Store.Dispose();
    }
}
