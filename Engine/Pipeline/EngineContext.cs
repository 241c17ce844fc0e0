using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// What the engine's parts share: the store and configuration, the one writer gate, the records standardized during
/// ingest (so resolution need not read them back) and the one way a resolution reaches the store.
/// </summary>
internal sealed class EngineContext(IMdmStore store, MatchingConfiguration matching, string indexPath, RecordStandardizer standardizer)
{
    public IMdmStore Store { get; } = store;
    public MatchingConfiguration Matching { get; } = matching;
    public string IndexPath { get; } = indexPath;
    public RecordStandardizer Standardizer { get; } = standardizer;

    /// <summary>One writer at a time: concurrent resolves of the same person must see each other's results.</summary>
    public object Gate { get; } = new();

    public IProgress<ProgressUpdate>? Progress { get; set; }

    public List<IResolutionSubscriber> Subscribers { get; } = [];

    /// <summary>Records standardized while this engine ingested them (by store id); resolution reads the rest from the store.</summary>
    public Dictionary<int, StandardizedRecord> Fresh { get; } = [];

    /// <summary>
    /// On a store never resolved the next resolution is a full one: its candidate index is built from ingest on, fed the
    /// records as they are standardized (see <see cref="BackgroundIndexBuild"/>).
    /// </summary>
    public BackgroundIndexBuild? EarlyIndex { get; set; }

    /// <summary>The one way a resolution reaches the store: its subscribers hear of it at once.</summary>
    public void WriteResolution(ResolutionWrite write, long runId)
    {
        Store.WriteResolution(write, runId);
        foreach (var subscriber in Subscribers) subscriber.ResolutionWritten(Store, write, runId);
    }

    public StandardizedRecord[] StandardizeStored(List<StoredSourceRecord> stored, IReadOnlyDictionary<string, SystemProfile> profiles)
    {
        var result = new StandardizedRecord[stored.Count];
        void One(int i)
        {
            var s = stored[i];
            var std = Standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
            std.Id = s.RecordId;
            std.Trust = s.Trust;
            result[i] = std;
        }
        if (stored.Count < 256) for (var i = 0; i < stored.Count; i++) One(i);
        else Parallel.For(0, stored.Count, One);
        return result;
    }
}
