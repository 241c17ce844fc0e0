using System.Text.Json;
using Mdm.Engine.Candidates;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Opens, keeps and closes the <see cref="LiveState"/> that incremental loads, real-time resolves and steward actions
/// share. Callers hold <see cref="EngineContext.Gate"/>.
/// </summary>
internal sealed class LiveSession(EngineContext context)
{
    /// <summary>A batch build leaves an index in many segments; a look-up visits each, so a live session merges them once.</summary>
    private const int LiveSegments = 8;

    private LiveState? _state;

    /// <summary>Why the last <see cref="TryOpen"/> found nothing to build on.</summary>
    public string WhyNot { get; private set; } = "";

    /// <summary>The live state, opened on first use; null (see <see cref="WhyNot"/>) when the store has no usable resolution.</summary>
    public LiveState? TryOpen() => _state ??= Open();

    public LiveState Require() =>
        TryOpen() ?? throw new InvalidOperationException($"the store at {context.Store.Location} cannot resolve in real time: {WhyNot}");

    private LiveState? Open()
    {
        var store = context.Store;
        var indexPath = context.IndexPath;
        var epoch = store.IndexEpoch;
        WhyNot = "it has not been resolved yet: run 'mdm load' first";
        if (epoch is null) return null;
        if (StoredScorer.Load(store, context.Matching, out var whyNot) is not var (scorer, tf)) { WhyNot = whyNot; return null; }
        WhyNot = $"its candidate index at {indexPath} is missing: run 'mdm load --full'";
        if (!CandidateIndex.Exists(indexPath)) return null;
        var keys = new BlockingKeyBuilder(context.Matching);
        var index = CandidateIndex.Open(indexPath, keys, create: false);
        var (indexEpoch, reflected) = index.CommittedState;
        if (indexEpoch != epoch)
        {
            WhyNot = $"its candidate index at {indexPath} was built for another resolution: run 'mdm load --full'";
            index.Dispose();
            return null;
        }
        WhyNot = "";
        if (index.SegmentCount > LiveSegments) index.Optimize(LiveSegments);
        var profiles = store.LoadSystemProfiles();
        // Catch up on records the index missed (a crash after the store committed, or a real-time session's last part).
        var missed = store.ReadChangedSince(reflected);
        if (missed.Count > 0)
        {
            foreach (var (id, retired) in missed) if (retired) index.Delete(id);
            var active = missed.Where(m => !m.Retired).Select(m => m.RecordId).ToList();
            foreach (var std in context.StandardizeStored(store.ReadRecords(active), profiles)) index.Upsert(std);
            index.Commit(epoch, store.ResolvedRun);
            reflected = store.ResolvedRun;
        }
        return new LiveState
        {
            Index = index, Scorer = scorer, TermFrequencies = tf, Keys = keys, Profiles = profiles, Epoch = epoch, ReflectedRun = reflected,
        };
    }

    /// <summary>Makes the session's index and term frequencies durable and lets go of them (a full resolution rebuilds both).</summary>
    public void Close()
    {
        if (_state is null) return;
        Flush(final: true);
        _state.Dispose();
        _state = null;
    }

    /// <summary>Makes a real-time session's index and term frequencies durable.</summary>
    public void Flush(bool final)
    {
        var live = _state!;
        if (live.RealtimeRun == 0) return;
        context.Store.SaveBlob(StoredScorer.TermFrequencyBlob, live.TermFrequencies.Serialize());
        // Until the session ends the index claims only what it had at open: after a crash its records are re-indexed.
        live.Index.Commit(live.Epoch, final ? live.RealtimeRun : live.ReflectedRun);
        live.SinceIndexCommit.Restart();
        if (final)
        {
            context.Store.FinishRun(live.RealtimeRun, "succeeded", JsonSerializer.Serialize(new { resolves = live.RealtimeResolves }));
            live.RealtimeRun = 0;
        }
    }
}
