using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// The engine's one path, composed of small parts: <see cref="RecordIngest"/> stores what connectors read; a resolution
/// is full (<see cref="FullResolver"/>) or scoped to what changed (<see cref="IncrementalResolver"/>), and real-time
/// resolves (<see cref="RealtimeResolver"/>) and steward actions (<see cref="StewardActions"/>) take the same scoped
/// path (<see cref="ScopedResolver"/>) over the <see cref="LiveSession"/>; every one of them compares, scores and clusters
/// in the one <see cref="ResolutionPass"/> and writes through the one <see cref="EngineContext.WriteResolution"/>.
/// </summary>
public sealed class MdmEngine : IDisposable
{
    private readonly EngineContext _context;
    private readonly RecordIngest _ingest;
    private readonly LiveSession _session;
    private readonly FullResolver _full;
    private readonly IncrementalResolver _incremental;
    private readonly RealtimeResolver _realtime;
    private readonly StewardActions _steward;

    public MdmEngine(IMdmStore store, MatchingConfiguration matching, string indexPath, RecordStandardizer? standardizer = null)
    {
        _context = new EngineContext(store, matching, indexPath, standardizer ?? new RecordStandardizer());
        _ingest = new RecordIngest(_context);
        _session = new LiveSession(_context);
        var scoped = new ScopedResolver(_context);
        _full = new FullResolver(_context);
        _incremental = new IncrementalResolver(_context, _session, scoped);
        _realtime = new RealtimeResolver(_context, _session, scoped);
        _steward = new StewardActions(_context, _session, scoped);
    }

    public IProgress<ProgressUpdate>? Progress { get => _context.Progress; set => _context.Progress = value; }

    /// <summary>Retrain the model even if the store holds one (otherwise a stored model is reused so weights stay stable).</summary>
    public bool Retrain { get; set; }

    /// <summary>Resolve every record even if an incremental resolution would do.</summary>
    public bool FullResolution { get; set; }

    public IMdmStore Store => _context.Store;

    /// <summary>Parts kept current with every resolution this engine writes.</summary>
    public List<IResolutionSubscriber> Subscribers => _context.Subscribers;

    /// <summary>Where real-time resolves spent their time so far, by stage (milliseconds, summed over all resolves).</summary>
    public IReadOnlyDictionary<string, double> RealtimeStageMilliseconds => _realtime.StageMilliseconds;

    /// <summary>
    /// Stores one system's records and rejects. Unchanged records (same content hash) are not rewritten; with a full
    /// extract, keys the store has but the extract lacks are retired.
    /// </summary>
    /// <param name="guard">When a full extract may retire what it lacks (default: <see cref="RetirementGuard.Default"/>).</param>
    public SystemLoadSummary Ingest(long runId, SystemProfile profile, IEnumerable<IngestItem> items, CancellationToken cancellationToken = default,
        RetirementGuard? guard = null) =>
        _ingest.Ingest(runId, profile, items, cancellationToken, guard);

    /// <summary>Replaces a system's transactions (the file is a full extract); rejects are kept like record rejects.</summary>
    public (long Accepted, long Rejected) IngestTransactions(long runId, string system,
        IEnumerable<(SourceTransaction? Transaction, RejectedRow? Reject)> rows) =>
        _ingest.IngestTransactions(runId, system, rows);

    /// <summary>Whether the store has changes not yet resolved (or has never been resolved).</summary>
    public bool NeedsResolution => _context.Store.ResolutionPending;

    /// <summary>
    /// Resolves what changed since the last resolution. Only the records a change touches (and the customers they touch)
    /// are re-resolved, unless there is no usable earlier resolution (no model, no index, or a stale one), most records
    /// changed, or <see cref="FullResolution"/> / <see cref="Retrain"/> ask for a full one.
    /// </summary>
    public ResolutionSummary Resolve(long runId, CancellationToken cancellationToken = default)
    {
        lock (_context.Gate)
        {
            var store = _context.Store;
            var changed = store.ReadChangedSince(store.ResolvedRun);
            var reason = WhyFull(changed.Count);
            if (reason is null)
            {
                var incremental = _incremental.Resolve(runId, changed, cancellationToken);
                if (incremental is not null) return incremental;
                reason = "no incremental resolution: " + _session.WhyNot;
            }
            _session.Close();
            var summary = _full.Resolve(runId, Retrain, cancellationToken);
            summary.Mode = "full";
            summary.FullReason = reason;
            return summary;
        }
    }

    private string? WhyFull(int changed)
    {
        var store = _context.Store;
        if (Retrain) return "retrain requested";
        if (FullResolution) return "full resolution requested";
        if (store.ResolvedRun == 0 || store.IndexEpoch is null) return "first resolution";
        var active = store.CountActiveRecords();
        // When nearly everything changed, one pass over all records is cheaper than look-ups per touched record.
        if (changed > Math.Max(1000, active * 3L / 4)) return $"{changed:N0} of {active:N0} records changed";
        return null;
    }

    /// <summary>
    /// Resolves one source record as it arrives: standardize, candidates from the live index, score, link to an existing
    /// golden ID, open a review task, or mint a new ID. The record and its resolution are committed in one transaction
    /// and the index is updated (near-real-time reader) before this returns. Safe to call from several threads: resolves
    /// are serialized where they write, so two records of one person never get two golden IDs.
    /// </summary>
    /// <exception cref="ArgumentException">The record's system has never been loaded into the store.</exception>
    public RealtimeResolution ResolveRecord(SourceRecord record) => _realtime.Resolve(record);

    /// <summary>A steward joins two golden customers; the older ID survives and the other redirects to it.</summary>
    public StewardResult Merge(string goldenA, string goldenB, string steward, string? note = null) => _steward.Merge(goldenA, goldenB, steward, note);

    /// <summary>A steward takes records out of a golden customer: they get a new golden ID together, the rest keeps the old one.</summary>
    public StewardResult Split(string goldenId, IReadOnlyCollection<(string System, string Key)> leaving, string steward, string? note = null) =>
        _steward.Split(goldenId, leaving, steward, note);

    /// <summary>A steward's verdict on a review task: the same customer (forced link) or not (forced separation).</summary>
    public StewardResult DecideReview(long taskId, bool sameCustomer, string steward, string? note = null) =>
        _steward.DecideReview(taskId, sameCustomer, steward, note);

    /// <summary>Undoes the last steward action on a customer: its records go back to the customers they formed before it.</summary>
    public StewardResult Undo(string goldenId, string steward, string? note = null) => _steward.Undo(goldenId, steward, note);

    /// <summary>Forced link or separation between two source records.</summary>
    public StewardResult Decide((string System, string Key) a, (string System, string Key) b, bool sameCustomer, string steward, string? note = null) =>
        _steward.Decide(a, b, sameCustomer, steward, note);

    public void Dispose()
    {
        lock (_context.Gate)
        {
            _session.Close();
            _context.EarlyIndex?.Dispose();
            _context.EarlyIndex = null;
        }
    }
}
