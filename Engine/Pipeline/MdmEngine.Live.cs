using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Mdm.Engine.Candidates;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// The live side of the engine: incremental loads, real-time resolves and steward decisions. All three take the records
/// a change touches through the same steps as a full run — candidates from the index (the same blocking keys and caps),
/// pair scoring with the stored model, clustering, golden-ID assignment, survivorship — but only for the customers those
/// records touch; everything else in the store stays as it is, byte for byte.
/// </summary>
public sealed partial class MdmEngine
{
    /// <summary>One writer at a time: concurrent resolves of the same person must see each other's results.</summary>
    private readonly object _gate = new();

    private LiveState? _live;

    private readonly ConcurrentDictionary<string, double> _realtimeStages = new(StringComparer.Ordinal);

    /// <summary>Where real-time resolves spent their time so far, by stage (milliseconds, summed over all resolves).</summary>
    public IReadOnlyDictionary<string, double> RealtimeStageMilliseconds => _realtimeStages;

    private void Time(string stage, Stopwatch clock)
    {
        _realtimeStages.AddOrUpdate(stage, clock.Elapsed.TotalMilliseconds, (_, v) => v + clock.Elapsed.TotalMilliseconds);
        clock.Restart();
    }

    /// <summary>A batch build leaves an index in many segments; a look-up visits each, so a live session merges them once.</summary>
    private const int LiveSegments = 8;

    /// <summary>Resolve every record even if an incremental resolution would do.</summary>
    public bool FullResolution { get; set; }

    /// <summary>Real-time: the index, model and term frequencies, loaded once and kept current.</summary>
    private sealed class LiveState : IDisposable
    {
        public required CandidateIndex Index { get; init; }
        public required PairScorer Scorer { get; init; }
        public required TermFrequencies TermFrequencies { get; init; }
        public required BlockingKeyBuilder Keys { get; init; }
        public required IReadOnlyDictionary<string, SystemProfile> Profiles { get; set; }
        public required string Epoch { get; init; }
        public required long ReflectedRun { get; init; }
        public long RealtimeRun { get; set; }
        public long RealtimeResolves { get; set; }
        public Stopwatch SinceIndexCommit { get; } = Stopwatch.StartNew();
        public void Dispose() => Index.Dispose();
    }

    /// <summary>Why the last <see cref="OpenLive"/> returned null.</summary>
    private string _whyNotLive = "";

    /// <summary>Opens the live state, or returns null when the store has no usable resolution to build on.</summary>
    private LiveState? OpenLive()
    {
        var epoch = _store.IndexEpoch;
        _whyNotLive = "it has not been resolved yet: run 'mdm load' first";
        if (epoch is null) return null;
        if (StoredScorer.Load(_store, _matching, out _whyNotLive) is not var (scorer, tf)) return null;
        _whyNotLive = $"its candidate index at {_indexPath} is missing: run 'mdm load --full'";
        if (!CandidateIndex.Exists(_indexPath)) return null;
        var keys = new BlockingKeyBuilder(_matching);
        var index = CandidateIndex.Open(_indexPath, keys, create: false);
        var (indexEpoch, reflected) = index.CommittedState;
        if (indexEpoch != epoch)
        {
            _whyNotLive = $"its candidate index at {_indexPath} was built for another resolution: run 'mdm load --full'";
            index.Dispose();
            return null;
        }
        if (index.SegmentCount > LiveSegments) index.Optimize(LiveSegments);
        var profiles = _store.LoadSystemProfiles();
        // Catch up on records the index missed (a crash after the store committed, or a real-time session's last part).
        var missed = _store.ReadChangedSince(reflected);
        if (missed.Count > 0)
        {
            foreach (var (id, retired) in missed) if (retired) index.Delete(id);
            var active = missed.Where(m => !m.Retired).Select(m => m.RecordId).ToList();
            foreach (var std in StandardizeStored(_store.ReadRecords(active), profiles)) index.Upsert(std);
            index.Commit(epoch, _store.ResolvedRun);
            reflected = _store.ResolvedRun;
        }
        return new LiveState
        {
            Index = index, Scorer = scorer, TermFrequencies = tf, Keys = keys, Profiles = profiles, Epoch = epoch, ReflectedRun = reflected,
        };
    }

    private LiveState RequireLive() =>
        _live ??= OpenLive() ?? throw new InvalidOperationException($"the store at {_store.Location} cannot resolve in real time: {_whyNotLive}");

    private void CloseLive()
    {
        if (_live is null) return;
        FlushLive(final: true);
        _live.Dispose();
        _live = null;
    }

    /// <summary>Makes a real-time session's index and term frequencies durable.</summary>
    private void FlushLive(bool final)
    {
        var live = _live!;
        if (live.RealtimeRun == 0) return;
        _store.SaveBlob(StoredScorer.TermFrequencyBlob, live.TermFrequencies.Serialize());
        // Until the session ends the index claims only what it had at open: after a crash its records are re-indexed.
        live.Index.Commit(live.Epoch, final ? live.RealtimeRun : live.ReflectedRun);
        live.SinceIndexCommit.Restart();
        if (final)
        {
            _store.FinishRun(live.RealtimeRun, "succeeded", JsonSerializer.Serialize(new { resolves = live.RealtimeResolves }));
            live.RealtimeRun = 0;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            CloseLive();
            _earlyIndex?.Dispose();
            _earlyIndex = null;
        }
    }

    private StandardizedRecord[] StandardizeStored(List<StoredSourceRecord> stored, IReadOnlyDictionary<string, SystemProfile> profiles)
    {
        var result = new StandardizedRecord[stored.Count];
        void One(int i)
        {
            var s = stored[i];
            var std = _standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
            std.Id = s.RecordId;
            std.Trust = s.Trust;
            result[i] = std;
        }
        if (stored.Count < 256) for (var i = 0; i < stored.Count; i++) One(i);
        else Parallel.For(0, stored.Count, One);
        return result;
    }

    // ---- Incremental load ----

    /// <summary>Re-resolves the records changed since the last resolution and what they touch; null when it cannot.</summary>
    private ResolutionSummary? ResolveChanges(long runId, List<(int RecordId, bool Retired)> changed, CancellationToken ct)
    {
        var live = _live ??= OpenLive();
        if (live is null) return null;
        live.Profiles = _store.LoadSystemProfiles();
        var summary = new ResolutionSummary { Ran = true, Mode = "incremental", TouchedRecords = changed.Count };
        Progress?.Report(new ProgressUpdate("re-resolve", 0, changed.Count));
        var clock = Stopwatch.StartNew();
        var activeIds = new List<int>();
        var retiredIds = new List<int>();
        foreach (var (id, retired) in changed) (retired ? retiredIds : activeIds).Add(id);

        var touched = new List<StandardizedRecord>(activeIds.Count);
        var unread = new List<int>();
        lock (_fresh)
            foreach (var id in activeIds)
                if (_fresh.TryGetValue(id, out var std)) touched.Add(std); else unread.Add(id);
        touched.AddRange(StandardizeStored(_store.ReadRecords(unread), live.Profiles));
        var retiredStd = StandardizeStored(_store.ReadRecords(retiredIds, includeRetired: true), live.Profiles);
        summary.StageSeconds["standardize"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        var assembler = new ResolutionAssembler(_store, _matching) { Cause = "load", MemberLists = true, OtherRecordNames = NamesOf(retiredStd) };
        var scoped = ResolveScope(live, touched.ToArray(), retiredIds, assembler, summary, ct);
        foreach (var r in retiredStd) live.TermFrequencies.Remove(r);
        foreach (var r in touched) live.TermFrequencies.Add(r);
        var write = scoped.Assembled.Write with { TermFrequencies = live.TermFrequencies.Serialize(), Records = scoped.Records };
        WriteResolution(write, runId);
        summary.StageSeconds["write"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        foreach (var id in retiredIds) live.Index.Delete(id);
        foreach (var r in touched) live.Index.Upsert(r);
        live.Index.Commit(live.Epoch, runId);
        summary.StageSeconds["index"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        Progress?.Report(new ProgressUpdate("re-resolve", changed.Count, changed.Count));
        return summary;
    }

    private static Dictionary<int, string> NamesOf(IEnumerable<StandardizedRecord> records)
    {
        var names = new Dictionary<int, string>();
        foreach (var r in records) names[r.Id] = r.System + "/" + r.Key;
        return names;
    }

    /// <summary>What <see cref="ResolveScope"/> resolved: the records (touched first found by id), and the result.</summary>
    private sealed record ScopedResolution(StandardizedRecord[] Records, Dictionary<int, int> PositionOf, ScoredPair[] Scored,
        AssembledResolution Assembled, IReadOnlyDictionary<int, string> Previous);

    /// <summary>
    /// The shared step: <paramref name="touched"/> records (already standardized, with store ids) and retired ones are
    /// re-resolved together with every record they could match (their blocking-key neighbours in the index) and every
    /// record of the customers involved, so a customer is always re-clustered whole.
    /// </summary>
    private ScopedResolution ResolveScope(LiveState live, StandardizedRecord[] touched, IReadOnlyCollection<int> retired,
        ResolutionAssembler assembler, ResolutionSummary summary, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // 1. Candidates from the live index, per touched record: the same keys and block caps as a batch.
        var found = new List<int>[touched.Length];
        void Lookup(int i) => live.Index.CandidatesByKeys(touched[i], found[i] = new List<int>(64));
        if (touched.Length < 64) for (var i = 0; i < touched.Length; i++) Lookup(i);
        else Parallel.For(0, touched.Length, new ParallelOptions { CancellationToken = ct }, Lookup);
        var touchedIds = new HashSet<int>();
        foreach (var r in touched) touchedIds.Add(r.Id);
        var retiredSet = new HashSet<int>(retired);
        var candidateIds = new HashSet<int>();
        foreach (var list in found) foreach (var id in list) if (!touchedIds.Contains(id) && !retiredSet.Contains(id)) candidateIds.Add(id);
        summary.StageSeconds["candidates.index"] = clock.Elapsed.TotalSeconds; clock.Restart();
        var standardized = new Dictionary<int, StandardizedRecord>(touched.Length + candidateIds.Count);
        foreach (var r in touched) standardized[r.Id] = r;
        var stored = _store.ReadRecords(candidateIds);
        summary.StageSeconds["candidates.read"] = clock.Elapsed.TotalSeconds; clock.Restart();
        foreach (var r in StandardizeStored(stored, live.Profiles)) standardized[r.Id] = r;
        summary.StageSeconds["candidates.standardize"] = clock.Elapsed.TotalSeconds;
        clock.Restart();

        // 2. Only candidates that could link matter: a pair below the review band changes no customer, so the customers
        //    of such candidates are left alone (and not rewritten).
        var relevant = new HashSet<int>();
        void Screen(int from, int to, HashSet<int> into)
        {
            for (var i = from; i < to; i++)
                foreach (var id in found[i])
                    if (id != touched[i].Id && standardized.TryGetValue(id, out var other) && !touchedIds.Contains(id)
                        && live.Scorer.Probability(touched[i], other) >= _matching.ReviewThreshold)
                        into.Add(id);
        }
        if (touched.Length < 64) Screen(0, touched.Length, relevant);
        else
        {
            var parts = new ConcurrentBag<HashSet<int>>();
            Parallel.ForEach(Partitioner.Create(0, touched.Length, 256), new ParallelOptions { CancellationToken = ct }, range =>
            {
                var part = new HashSet<int>();
                Screen(range.Item1, range.Item2, part);
                parts.Add(part);
            });
            foreach (var part in parts) relevant.UnionWith(part);
        }

        // 3. Whole customers: every member of every golden ID the touched records or their relevant candidates belong to.
        var seeds = new HashSet<int>(relevant);
        seeds.UnionWith(touchedIds);
        seeds.UnionWith(retired);
        var previous = _store.LoadGoldenIdsOf(seeds);
        var goldenIds = new HashSet<string>(previous.Values, StringComparer.Ordinal);
        foreach (var (g, members) in _store.LoadMembers(goldenIds))
            foreach (var m in members) { seeds.Add(m); previous[m] = g; }
        var toRead = new List<int>();
        foreach (var id in seeds) if (!standardized.ContainsKey(id) && !retiredSet.Contains(id)) toRead.Add(id);
        foreach (var r in StandardizeStored(_store.ReadRecords(toRead), live.Profiles)) standardized[r.Id] = r;
        var inScope = new List<StandardizedRecord>(seeds.Count);
        foreach (var id in seeds) if (!retiredSet.Contains(id) && standardized.TryGetValue(id, out var r)) inScope.Add(r);
        var records = inScope.ToArray();
        Array.Sort(records, (a, b) => a.Id.CompareTo(b.Id));
        var positionOf = new Dictionary<int, int>(records.Length);
        for (var i = 0; i < records.Length; i++) positionOf[records[i].Id] = i;
        summary.AffectedRecords += records.Length;
        summary.Records += records.Length;
        summary.StageSeconds["gather"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 3. Pairs: records sharing a blocking key whose block is within its cap, as in the batch walk.
        var pairs = PairsByKeys(live, records);
        summary.CandidatePairs += pairs.Length;
        var scorer = live.Scorer;
        var scored = new ScoredPair[pairs.Length];
        var weights = new float[pairs.Length];
        var patterns = new ulong[pairs.Length];
        void Score(int i)
        {
            var (a, b) = CandidatePairs.Unpack(pairs[i]);
            patterns[i] = scorer.Pattern(records[a], records[b]);
            var w = scorer.MatchWeight(patterns[i], records[a], records[b]);
            weights[i] = (float)w;
            scored[i] = new ScoredPair(a, b, (float)FellegiSunterModel.ToProbability(w));
        }
        if (pairs.Length < 4096) for (var i = 0; i < pairs.Length; i++) Score(i);
        else Parallel.For(0, pairs.Length, Score);
        summary.StageSeconds["score"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 4. Cluster with steward decisions and sticky links, as a full run does.
        var constraints = StewardConstraints(_store.LoadStewardDecisions(positionOf.Keys), id => positionOf.TryGetValue(id, out var p) ? p : -1);
        AddIdentifierEvidence(constraints, records, scorer);
        var previousOf = new string?[records.Length];
        for (var i = 0; i < records.Length; i++) previousOf[i] = previous.GetValueOrDefault(records[i].Id);
        constraints.PreviouslyTogether = (a, b) => previousOf[a] is { } ga && ga == previousOf[b];
        var clusterer = new Clusterer(_matching.LinkThreshold, _matching.ReviewThreshold, _matching.CannotLinkThreshold,
            _matching.ClusterLinkShare, _matching.StickyLinkThreshold);
        var clustering = clusterer.Cluster(records.Length, scored, constraints);
        summary.RefusedLinks += clustering.RefusedLinks;
        summary.StageSeconds["cluster"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 5. Golden IDs and records for this part only.
        var scopeRecords = new List<int>(positionOf.Keys);
        scopeRecords.AddRange(retired);
        var scope = new ResolutionScope(scopeRecords, goldenIds);
        var assembled = assembler.Assemble(records, clustering, scored, weights, patterns, scorer, summary, previous, scope);
        summary.StageSeconds["survivorship"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return new ScopedResolution(records, positionOf, scored, assembled, previous);
    }

    /// <summary>Pairs (positions, packed and sorted) of records that share a blocking key whose block is within its cap.</summary>
    private static long[] PairsByKeys(LiveState live, StandardizedRecord[] records)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new List<string>(16);
        var sb = new StringBuilder(64);
        for (var i = 0; i < records.Length; i++)
        {
            keys.Clear();
            live.Keys.AddKeys(records[i], keys, sb);
            foreach (var k in keys)
            {
                if (!groups.TryGetValue(k, out var list)) groups[k] = list = new List<int>(2);
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        var pairs = new List<long>();
        foreach (var (key, members) in groups)
        {
            if (members.Count < 2) continue;
            var cap = live.Keys.MaxBlockSize((key[0] - '0') * 10 + (key[1] - '0'));
            // Within the affected set the cap applies to the group itself: the batch's global cap bounds its quadratic
            // blocks, and a look-up per key here cost more than the whole rest of a real-time resolve.
            if (members.Count > cap) continue;
            for (var i = 0; i < members.Count; i++)
                for (var j = i + 1; j < members.Count; j++)
                    pairs.Add(CandidatePairs.Pack(members[i], members[j]));
        }
        var array = pairs.ToArray();
        var n = CandidatePairs.SortDistinct(array, array.Length);
        return n == array.Length ? array : array[..n];
    }

    // ---- Real time ----

    /// <summary>
    /// Resolves one source record as it arrives: standardize, candidates from the live index, score, link to an existing
    /// golden ID, open a review task, or mint a new ID. The record and its resolution are committed in one transaction
    /// and the index is updated (near-real-time reader) before this returns. Safe to call from several threads: resolves
    /// are serialized where they write, so two records of one person never get two golden IDs.
    /// </summary>
    /// <exception cref="ArgumentException">The record's system has never been loaded into the store.</exception>
    public RealtimeResolution ResolveRecord(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, SystemProfile> profiles;
        lock (_gate) profiles = RequireLive().Profiles;
        if (!profiles.TryGetValue(record.System, out var profile))
            throw new ArgumentException($"system '{record.System}' is not known to the store: load it once through the sources file first", nameof(record));
        // Standardization needs no lock: the expensive part of a resolve runs in parallel.
        var stage = Stopwatch.StartNew();
        var std = _standardizer.Standardize(record, profile);
        std.Trust = profile.Trust;
        Time("standardize", stage);
        lock (_gate)
        {
            Time("wait", stage);
            var live = RequireLive();
            var state = _store.LoadRecordState(record.System, record.Key);
            if (state is { Retired: false } s && s.ContentHash == record.ContentHash && _store.LookupGoldenId(record.System, record.Key) is { } current)
                return new RealtimeResolution(record.System, record.Key, current, "unchanged", null, null, [], 0, current, clock.Elapsed.TotalMilliseconds);
            if (live.RealtimeRun == 0)
            {
                live.RealtimeRun = _store.BeginRun("resolve", null, bulk: false);
                live.Index.StartBackgroundRefresh(TimeSpan.FromSeconds(1));
                _store.StartBackgroundCheckpoints();
            }
            var runId = live.RealtimeRun;
            var old = state is { } known ? StandardizeStored(_store.ReadRecords([known.RecordId], includeRetired: true), live.Profiles) : [];
            var previousGolden = state is not null ? _store.LookupGoldenId(record.System, record.Key) : null;
            ScopedResolution scoped;
            var summary = new ResolutionSummary();
            Time("lookup", stage);
            using (var unit = _store.BeginUnitOfWork())
            {
                std.Id = _store.UpsertSourceRecords([(record, profile.Trust, state?.RecordId ?? -1)], runId)[0];
                Time("store_record", stage);
                var assembler = new ResolutionAssembler(_store, _matching) { Cause = "realtime", MemberLists = true };
                scoped = ResolveScope(live, [std], [], assembler, summary, CancellationToken.None);
                foreach (var (name, seconds) in summary.StageSeconds) _realtimeStages.AddOrUpdate(name, seconds * 1000, (_, v) => v + seconds * 1000);
                stage.Restart();
                WriteResolution(scoped.Assembled.Write with { Records = scoped.Records }, runId);
                Time("write", stage);
                unit.Commit();
                Time("commit", stage);
            }
            foreach (var o in old) live.TermFrequencies.Remove(o);
            live.TermFrequencies.Add(std);
            live.Index.Upsert(std);
            Time("index_update", stage);
            live.RealtimeResolves++;
            if (live.SinceIndexCommit.Elapsed > TimeSpan.FromSeconds(60)) FlushLive(final: false);
            return Describe(record, std, scoped, previousGolden, clock);
        }
    }

    private RealtimeResolution Describe(SourceRecord record, StandardizedRecord std, ScopedResolution scoped, string? previousGolden, Stopwatch clock)
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
        if (best is { } b) explanation = _live!.Scorer.Explain(scoped.Records[b.A], scoped.Records[b.B]);
        return new RealtimeResolution(record.System, record.Key, goldenId, outcome, best is { } bp ? Math.Round(bp.Probability, 6) : null,
            explanation, merged, reviews, previousGolden, clock.Elapsed.TotalMilliseconds);
    }

    // ---- Steward decisions ----

    /// <summary>
    /// A steward joins two golden customers: forced links that win over the scorer on every later run. The older ID
    /// survives; the other redirects to it.
    /// </summary>
    public StewardResult Merge(string goldenA, string goldenB, string steward, string? note = null)
    {
        lock (_gate)
        {
            var a = ActiveId(goldenA); var b = ActiveId(goldenB);
            if (a == b) throw new ArgumentException($"{goldenA} and {goldenB} are already the same customer ({a})");
            var members = _store.LoadMembers([a, b]);
            var all = members[a].Concat(members[b]).OrderBy(x => x).ToList();
            var hub = members[a][0];
            var decisions = all.Where(x => x != hub).Select(x => new StewardDecision(hub, x, true, steward, note)).ToList();
            // The newer decision wins: separations an earlier split left between these records would keep the clusterer
            // from joining them, and the merge would silently do nothing; they become links.
            var set = all.ToHashSet();
            foreach (var d in _store.LoadStewardDecisions(all))
                if (!d.Link && set.Contains(d.RecordA) && set.Contains(d.RecordB) && d.RecordA != hub && d.RecordB != hub)
                    decisions.Add(new StewardDecision(d.RecordA, d.RecordB, true, steward, note));
            return Decide(steward, note, decisions, all, pinned: null);
        }
    }

    /// <summary>
    /// A steward takes records out of a golden customer: they get a new golden ID together, the rest keeps the old one,
    /// and forced separations keep the two apart on every later run.
    /// </summary>
    public StewardResult Split(string goldenId, IReadOnlyCollection<(string System, string Key)> leaving, string steward, string? note = null)
    {
        lock (_gate)
        {
            var id = ActiveId(goldenId);
            var members = _store.LoadMembers([id])[id];
            var leavingIds = new List<int>();
            foreach (var (system, key) in leaving)
            {
                var state = _store.LoadRecordState(system, key);
                if (state is null || !members.Contains(state.Value.RecordId))
                    throw new ArgumentException($"{system}/{key} is not a record of {id}");
                leavingIds.Add(state.Value.RecordId);
            }
            var staying = members.Except(leavingIds).ToList();
            if (leavingIds.Count == 0 || staying.Count == 0) throw new ArgumentException("a split needs records that leave and records that stay");
            leavingIds.Sort();
            var decisions = new List<StewardDecision>();
            foreach (var l in leavingIds)
                foreach (var r in staying) decisions.Add(new StewardDecision(l, r, false, steward, note));
            for (var i = 1; i < leavingIds.Count; i++) decisions.Add(new StewardDecision(leavingIds[0], leavingIds[i], true, steward, note));
            return Decide(steward, note, decisions, members, pinned: new Dictionary<int, string> { [staying[0]] = id });
        }
    }

    /// <summary>A steward's verdict on a review task: the same customer (forced link) or not (forced separation).</summary>
    public StewardResult DecideReview(long taskId, bool sameCustomer, string steward, string? note = null)
    {
        lock (_gate)
        {
            var task = _store.LoadReviewTask(taskId) ?? throw new ArgumentException($"no review task {taskId}");
            if (task.Status != "open") throw new ArgumentException($"review task {taskId} is already {task.Status}");
            var touched = new HashSet<int> { task.RecordA, task.RecordB };
            foreach (var m in _store.LoadMembers(_store.LoadGoldenIdsOf(touched).Values.ToHashSet()).Values) touched.UnionWith(m);
            var result = Decide(steward, note, [new StewardDecision(task.RecordA, task.RecordB, sameCustomer, steward, note)], touched.ToList(), null,
                () => _store.CloseReviewTask(taskId, sameCustomer ? "linked" : "separated", steward));
            return result;
        }
    }

    /// <summary>Forced link or separation between two source records.</summary>
    public StewardResult Decide((string System, string Key) a, (string System, string Key) b, bool sameCustomer, string steward, string? note = null)
    {
        lock (_gate)
        {
            var ra = _store.LoadRecordState(a.System, a.Key) ?? throw new ArgumentException($"no source record {a.System}/{a.Key}");
            var rb = _store.LoadRecordState(b.System, b.Key) ?? throw new ArgumentException($"no source record {b.System}/{b.Key}");
            var touched = new HashSet<int> { ra.RecordId, rb.RecordId };
            foreach (var m in _store.LoadMembers(_store.LoadGoldenIdsOf(touched).Values.ToHashSet()).Values) touched.UnionWith(m);
            return Decide(steward, note, [new StewardDecision(ra.RecordId, rb.RecordId, sameCustomer, steward, note)], touched.ToList(), null);
        }
    }

    private string ActiveId(string goldenId) =>
        _store.ResolveGoldenId(goldenId) is { } id && _store.LoadMembers([id]).ContainsKey(id)
            ? id
            : throw new ArgumentException($"no active golden customer {goldenId}");

    private StewardResult Decide(string steward, string? note, List<StewardDecision> decisions, List<int> touchedIds,
        IReadOnlyDictionary<int, string>? pinned, Action? alsoInTransaction = null)
    {
        if (string.IsNullOrWhiteSpace(steward)) throw new ArgumentException("a steward decision needs the steward's name");
        var live = RequireLive();
        live.Profiles = _store.LoadSystemProfiles();
        var runId = _store.BeginRun("steward", null, bulk: false);
        var summary = new ResolutionSummary { Ran = true, Mode = "incremental", TouchedRecords = touchedIds.Count };
        var touched = StandardizeStored(_store.ReadRecords(touchedIds), live.Profiles);
        ScopedResolution scoped;
        using (var unit = _store.BeginUnitOfWork())
        {
            foreach (var d in decisions) _store.SaveStewardDecision(d);
            alsoInTransaction?.Invoke();
            var assembler = new ResolutionAssembler(_store, _matching) { Cause = "steward:" + steward, Note = note, MemberLists = true, Pinned = pinned };
            scoped = ResolveScope(live, touched, [], assembler, summary, CancellationToken.None);
            WriteResolution(scoped.Assembled.Write with { Records = scoped.Records }, runId);
            unit.Commit();
        }
        _store.FinishRun(runId, "succeeded", JsonSerializer.Serialize(summary));
        var after = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in touched) after.Add(scoped.Assembled.GoldenIds[scoped.Assembled.ClusterIndexOf[scoped.PositionOf[r.Id]]]);
        return new StewardResult(after.ToList(), scoped.Assembled.Write.Events);
    }
}

/// <summary>What a real-time resolve did with one record.</summary>
/// <param name="Outcome">"created" (a new golden ID), "linked" (joined an existing customer), "updated" (a known record changed and
/// stayed with its customer), "moved" (a changed record now belongs to another customer), "unchanged" (same content as stored).</param>
/// <param name="Probability">Match probability of the strongest link to its customer's other records (none when alone).</param>
/// <param name="Explanation">Why that link scored as it did, comparison by comparison.</param>
/// <param name="MergedGoldenIds">Golden IDs this record's arrival joined into <paramref name="GoldenId"/> (they now redirect to it).</param>
/// <param name="ReviewTasks">Review tasks opened for the record (an uncertain match a steward should decide).</param>
public sealed record RealtimeResolution(string System, string Key, string GoldenId, string Outcome, double? Probability,
    MatchExplanation? Explanation, IReadOnlyList<string> MergedGoldenIds, int ReviewTasks, string? PreviousGoldenId, double Milliseconds);

/// <summary>What a steward decision changed: the golden IDs the records now have, and the events written.</summary>
public sealed record StewardResult(IReadOnlyList<string> GoldenIds, IReadOnlyList<GoldenEvent> Events);
