using System.Collections.Concurrent;
using System.Diagnostics;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Resolves one source record as it arrives: standardize (outside the gate, so resolves run it in parallel), then under
/// the gate store it and resolve its scope, commit both in one transaction, and update the live index.
/// </summary>
internal sealed class RealtimeResolver(EngineContext context, LiveSession session, ScopedResolver scoped)
{
    private readonly ConcurrentDictionary<string, double> _stages = new(StringComparer.Ordinal);

    /// <summary>Where resolves spent their time so far, by stage (milliseconds, summed over all resolves).</summary>
    public IReadOnlyDictionary<string, double> StageMilliseconds => _stages;

    private void Time(string stage, Stopwatch clock)
    {
        _stages.AddOrUpdate(stage, clock.Elapsed.TotalMilliseconds, (_, v) => v + clock.Elapsed.TotalMilliseconds);
        clock.Restart();
    }

    public RealtimeResolution Resolve(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var store = context.Store;
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, SystemProfile> profiles;
        lock (context.Gate) profiles = session.Require().Profiles;
        if (!profiles.TryGetValue(record.System, out var profile))
            throw new ArgumentException($"system '{record.System}' is not known to the store: load it once through the sources file first", nameof(record));
        // Standardization needs no lock: the expensive part of a resolve runs in parallel.
        var stage = Stopwatch.StartNew();
        var std = context.Standardizer.Standardize(record, profile);
        std.Trust = profile.Trust;
        Time("standardize", stage);
        lock (context.Gate)
        {
            Time("wait", stage);
            var live = session.Require();
            var state = store.LoadRecordState(record.System, record.Key);
            if (state is { Retired: false } s && s.ContentHash == record.ContentHash && store.LookupGoldenId(record.System, record.Key) is { } current)
                return new RealtimeResolution(record.System, record.Key, current, "unchanged", null, null, [], 0, current, clock.Elapsed.TotalMilliseconds);
            if (live.RealtimeRun == 0)
            {
                live.RealtimeRun = store.BeginRun("resolve", null, bulk: false);
                live.Index.StartBackgroundRefresh(TimeSpan.FromSeconds(1));
                store.StartBackgroundCheckpoints();
            }
            var runId = live.RealtimeRun;
            var old = state is { } known ? context.StandardizeStored(store.ReadRecords([known.RecordId], includeRetired: true), live.Profiles) : [];
            var previousGolden = state is not null ? store.LookupGoldenId(record.System, record.Key) : null;
            ScopedResolution resolved;
            var summary = new ResolutionSummary();
            Time("lookup", stage);
            using (var unit = store.BeginUnitOfWork())
            {
                std.Id = store.UpsertSourceRecords([(record, profile.Trust, state?.RecordId ?? -1)], runId)[0];
                Time("store_record", stage);
                var assembler = new ResolutionAssembler(store, context.Matching) { Cause = "realtime", MemberLists = true };
                resolved = scoped.Resolve(live, [std], [], assembler, summary, CancellationToken.None);
                foreach (var (name, seconds) in summary.StageSeconds) _stages.AddOrUpdate(name, seconds * 1000, (_, v) => v + seconds * 1000);
                stage.Restart();
                context.WriteResolution(resolved.Assembled.Write with { Records = resolved.Records }, runId);
                Time("write", stage);
                unit.Commit();
                Time("commit", stage);
            }
            foreach (var o in old) live.TermFrequencies.Remove(o);
            live.TermFrequencies.Add(std);
            live.Index.Upsert(std);
            Time("index_update", stage);
            live.RealtimeResolves++;
            if (live.SinceIndexCommit.Elapsed > TimeSpan.FromSeconds(60)) session.Flush(final: false);
            return Describe(live.Scorer, record, std, resolved, previousGolden, clock);
        }
    }

    private static RealtimeResolution Describe(PairScorer scorer, SourceRecord record, StandardizedRecord std, ScopedResolution scoped,
        string? previousGolden, Stopwatch clock)
    {
        var at = scoped.PositionOf[std.Id];
        var cluster = scoped.Assembled.ClusterIndexOf[at];
        var goldenId = scoped.Assembled.GoldenIds[cluster];
        var best = default(ScoredPair?);
        foreach (var p in scoped.Scored)
        {
            if (p.A != at && p.B != at) continue;
            var other = p.A == at ? p.B : p.A;
            if (scoped.Assembled.ClusterIndexOf[other] != cluster) continue;
            if (best is null || p.Probability > best.Value.Probability) best = p;
        }
        var write = scoped.Assembled.Write;
        var merged = write.IdChanges.Where(c => c.Kind == GoldenIdChangeKind.MergedInto && c.Other == goldenId).Select(c => c.GoldenId).ToList();
        var reviews = write.Reviews.Count(r => r.RecordA == std.Id || r.RecordB == std.Id);
        var minted = write.MintedSequences.ContainsKey(goldenId);
        var outcome = previousGolden is null
            ? (minted ? "created" : "linked")
            : previousGolden == goldenId ? "updated" : "moved";
        MatchExplanation? explanation = null;
        if (best is { } b) explanation = scorer.Explain(scoped.Records[b.A], scoped.Records[b.B]);
        return new RealtimeResolution(record.System, record.Key, goldenId, outcome, best is { } bp ? Math.Round(bp.Probability, 6) : null,
            explanation, merged, reviews, previousGolden, clock.Elapsed.TotalMilliseconds);
    }
}
