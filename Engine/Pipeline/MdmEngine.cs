using System.Collections.Concurrent;
using System.Diagnostics;
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
/// The engine's one path: source records are stored (new, changed, unchanged and retired told apart by content hash),
/// then standardized, indexed and blocked, scored, clustered, given stable golden IDs and golden records, and written in
/// one transaction. A batch only adds parallelism and bulk writes to what a single record goes through.
/// </summary>
public sealed partial class MdmEngine : IDisposable
{
    private const int IngestChunk = 20_000;

    /// <summary>Runs this large give memory back before survivorship (see <see cref="ResolveFull"/>); small ones need not pay for a full collection.</summary>
    private const int LargeRunRecords = 200_000;

    private readonly IMdmStore _store;
    private readonly MatchingConfiguration _matching;
    private readonly string _indexPath;
    private readonly RecordStandardizer _standardizer;

    /// <summary>Records standardized while this engine ingested them (by store id); resolution reads the rest from the store.</summary>
    private readonly Dictionary<int, StandardizedRecord> _fresh = [];

    /// <summary>
    /// On a store never resolved the next resolution is a full one: its candidate index is built from ingest on, fed the
    /// records as they are standardized (see <see cref="BackgroundIndexBuild"/>).
    /// </summary>
    private BackgroundIndexBuild? _earlyIndex;

    public MdmEngine(IMdmStore store, MatchingConfiguration matching, string indexPath, RecordStandardizer? standardizer = null)
    {
        _store = store;
        _matching = matching;
        _indexPath = indexPath;
        _standardizer = standardizer ?? new RecordStandardizer();
    }

    public IProgress<ProgressUpdate>? Progress { get; set; }

    /// <summary>Retrain the model even if the store holds one (otherwise a stored model is reused so weights stay stable).</summary>
    public bool Retrain { get; set; }

    public IMdmStore Store => _store;

    /// <summary>Parts kept current with every resolution this engine writes.</summary>
    public List<IResolutionSubscriber> Subscribers { get; } = [];

    /// <summary>The one way a resolution reaches the store: its subscribers hear of it at once.</summary>
    private void WriteResolution(ResolutionWrite write, long runId)
    {
        _store.WriteResolution(write, runId);
        foreach (var subscriber in Subscribers) subscriber.ResolutionWritten(_store, write, runId);
    }

    /// <summary>
    /// Stores one system's records and rejects. Unchanged records (same content hash) are not rewritten; with
    /// <paramref name="fullExtract"/>, keys the store has but the extract lacks are retired.
    /// </summary>
    /// <param name="guard">When a full extract may retire what it lacks (default: <see cref="RetirementGuard.Default"/>).</param>
    public SystemLoadSummary Ingest(long runId, SystemProfile profile, IEnumerable<IngestItem> items, CancellationToken cancellationToken = default,
        RetirementGuard? guard = null)
    {
        var summary = new SystemLoadSummary { System = profile.System };
        var clock = Stopwatch.StartNew();
        if (_earlyIndex is null && _store.IndexEpoch is null)
            _earlyIndex = new BackgroundIndexBuild(CandidateIndex.Open(_indexPath, new BlockingKeyBuilder(_matching), create: true), Progress);
        _store.SaveSystemProfile(profile, runId);
        var states = _store.LoadRecordStates(profile.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(SourceRecord Record, int KnownId, int ExistingId)>(IngestChunk);
        var rejects = new List<RejectedRow>();
        var retire = new List<int>();
        Task? pendingStandardization = null;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Read++;
            if (item.Reject is { } reject)
            {
                summary.Rejected++;
                rejects.Add(reject);
                if (rejects.Count >= IngestChunk) { _store.AddRejects(rejects, runId); rejects.Clear(); }
                continue;
            }
            var record = item.Record!;
            summary.Accepted++;
            seen.Add(record.Key);
            var known = states.TryGetValue(record.Key, out var state);
            if (item.Deleted)
            {
                if (known && !state.Retired) { retire.Add(state.RecordId); summary.Retired++; }
                continue;
            }
            if (!known) summary.New++;
            else if (state.Retired || state.ContentHash != record.ContentHash) summary.Changed++;
            else summary.Unchanged++;
            // KnownId: the store id when the record is unchanged (nothing to write), ExistingId: when it must be updated.
            var unchanged = known && !state.Retired && state.ContentHash == record.ContentHash;
            batch.Add((record, unchanged ? state.RecordId : -1, known ? state.RecordId : -1));
            if (batch.Count >= IngestChunk)
            {
                pendingStandardization = StoreAndStandardize(batch, profile, runId, pendingStandardization, summary, cancellationToken);
                batch = new List<(SourceRecord Record, int KnownId, int ExistingId)>(IngestChunk);
                Progress?.Report(new ProgressUpdate($"load {profile.System}", summary.Read, 0));
            }
        }
        if (batch.Count > 0) pendingStandardization = StoreAndStandardize(batch, profile, runId, pendingStandardization, summary, cancellationToken);
        var wait = Stopwatch.StartNew();
        pendingStandardization?.GetAwaiter().GetResult();
        summary.StandardizeWaitSeconds += wait.Elapsed.TotalSeconds;
        if (rejects.Count > 0) _store.AddRejects(rejects, runId);
        if (profile.FullExtract)
        {
            var missing = new List<int>();
            long active = 0;
            foreach (var (key, state) in states)
            {
                if (state.Retired) continue;
                active++;
                if (!seen.Contains(key)) missing.Add(state.RecordId);
            }
            var withheld = missing.Count == 0 ? null : (guard ?? RetirementGuard.Default).WhyWithheld(summary.Read, summary.Rejected, summary.Accepted, active);
            if (withheld is null)
            {
                retire.AddRange(missing);
                summary.Retired += missing.Count;
            }
            else
            {
                summary.RetirementWithheld = withheld;
                summary.RetirementsWithheld = missing.Count;
            }
        }
        _store.RetireRecords(retire, runId);
        foreach (var id in retire) _fresh.Remove(id);
        Progress?.Report(new ProgressUpdate($"load {profile.System}", summary.Read, summary.Read));
        summary.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        summary.StoreSeconds = Math.Round(summary.StoreSeconds, 3);
        summary.StandardizeWaitSeconds = Math.Round(summary.StandardizeWaitSeconds, 3);
        return summary;
    }

    /// <summary>
    /// Writes new and changed records (unchanged ones are not rewritten), then standardizes the batch in the background
    /// while the caller reads and writes the next one: SQLite writes on the reading thread overlap standardization on
    /// the other cores, so resolution need not read back what this run just read from the source.
    /// </summary>
    private Task StoreAndStandardize(List<(SourceRecord Record, int KnownId, int ExistingId)> batch, SystemProfile profile, long runId,
        Task? previous, SystemLoadSummary summary, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ids = new int[batch.Count];
        var toWrite = new List<(SourceRecord, int, int)>();
        var writeSlots = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = batch[i].KnownId;
            if (ids[i] < 0) { toWrite.Add((batch[i].Record, profile.Trust, batch[i].ExistingId)); writeSlots.Add(i); }
        }
        if (toWrite.Count > 0)
        {
            var written = _store.UpsertSourceRecords(toWrite, runId);
            for (var i = 0; i < written.Length; i++) ids[writeSlots[i]] = written[i];
        }
        summary.StoreSeconds += clock.Elapsed.TotalSeconds;
        clock.Restart();
        previous?.GetAwaiter().GetResult();
        summary.StandardizeWaitSeconds += clock.Elapsed.TotalSeconds;
        return Task.Run(() =>
        {
            var standardized = new StandardizedRecord[batch.Count];
            Parallel.ForEach(Partitioner.Create(0, batch.Count, 512), new ParallelOptions { CancellationToken = ct }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var std = _standardizer.Standardize(batch[i].Record, profile);
                    std.Id = ids[i];
                    std.Trust = profile.Trust;
                    standardized[i] = std;
                }
            });
            lock (_fresh)
                foreach (var std in standardized) _fresh[std.Id] = std;
            _earlyIndex?.Feed(standardized);
        }, ct);
    }

    /// <summary>Replaces a system's transactions (the file is a full extract); rejects are kept like record rejects.</summary>
    public (long Accepted, long Rejected) IngestTransactions(long runId, string system,
        IEnumerable<(SourceTransaction? Transaction, RejectedRow? Reject)> rows)
    {
        var accepted = new List<SourceTransaction>();
        var rejects = new List<RejectedRow>();
        foreach (var (t, r) in rows)
        {
            if (r is not null) rejects.Add(r);
            else accepted.Add(t!);
        }
        _store.ReplaceTransactions(system, accepted, runId);
        _store.AddRejects(rejects, runId);
        return (accepted.Count, rejects.Count);
    }

    /// <summary>Whether the store has changes not yet resolved (or has never been resolved).</summary>
    public bool NeedsResolution => _store.ResolutionPending;

    /// <summary>
    /// Resolves what changed since the last resolution. Only the records a change touches (and the customers they touch)
    /// are re-resolved, unless there is no usable earlier resolution (no model, no index, or a stale one), most records
    /// changed, or <see cref="FullResolution"/> / <see cref="Retrain"/> ask for a full one.
    /// </summary>
    public ResolutionSummary Resolve(long runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var changed = _store.ReadChangedSince(_store.ResolvedRun);
            var reason = WhyFull(changed.Count);
            if (reason is null)
            {
                var incremental = ResolveChanges(runId, changed, cancellationToken);
                if (incremental is not null) return incremental;
                reason = "no incremental resolution: " + _whyNotLive; // OpenLive says why (no model, stale index, changed configuration)
            }
            CloseLive();
            var summary = ResolveFull(runId, cancellationToken);
            summary.Mode = "full";
            summary.FullReason = reason;
            return summary;
        }
    }

    private string? WhyFull(int changed)
    {
        if (Retrain) return "retrain requested";
        if (FullResolution) return "full resolution requested";
        if (_store.ResolvedRun == 0 || _store.IndexEpoch is null) return "first resolution";
        var active = _store.CountActiveRecords();
        // When nearly everything changed, one pass over all records is cheaper than look-ups per touched record.
        if (changed > Math.Max(1000, active * 3L / 4)) return $"{changed:N0} of {active:N0} records changed";
        return null;
    }

    /// <summary>Resolves every active record into golden customers and writes the result in one transaction.</summary>
    private ResolutionSummary ResolveFull(long runId, CancellationToken cancellationToken)
    {
        var summary = new ResolutionSummary { Ran = true };
        var clock = Stopwatch.StartNew();
        void Stage(string name) { summary.StageSeconds[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }

        // What ingest wrote is folded back into the database file meanwhile, on a connection of its own (the resolution only
        // reads until its write): the checkpoint at the run's end then has only the resolution's pages left.
        _store.StartBackgroundCheckpoints();

        // 1. Standardize.
        var profiles = _store.LoadSystemProfiles();
        var records = StandardizeAll(profiles, cancellationToken);
        summary.Records = records.Length;
        foreach (var r in records) { if (r.Kind == PartyKind.Person) summary.Persons++; else summary.Organizations++; }
        Stage("standardize");

        var maxId = 0;
        foreach (var r in records) maxId = Math.Max(maxId, r.Id);
        var idToIndex = new int[maxId + 1];
        Array.Fill(idToIndex, -1);
        for (var i = 0; i < records.Length; i++) idToIndex[records[i].Id] = i;

        var tf = new TermFrequencies(StoredScorer.TermFrequencyFeatures());
        foreach (var r in records) tf.Add(r);
        var scorer = new PairScorer(_matching, tf);
        var keys = new BlockingKeyBuilder(_matching);

        // 2. Block in memory; the index, which later incremental and real-time resolutions look candidates up in, is built
        // meanwhile on a thread of its own (it needs a core for tens of seconds at 1M records; the stages after blocking
        // leave one idle much of the time, the store write all of it) and committed just before the store's write commits.
        var epoch = Guid.NewGuid().ToString("N");
        var indexBuild = _earlyIndex;
        _earlyIndex = null;
        if (indexBuild is not null && !indexBuild.Complete(records, idToIndex))
        {
            indexBuild.Dispose();
            indexBuild = null;
        }
        if (indexBuild is null)
        {
            indexBuild = new BackgroundIndexBuild(CandidateIndex.Open(_indexPath, keys, create: true), Progress);
            indexBuild.Complete(records, idToIndex);
        }
        using var indexBuilding = indexBuild;
        var candidates = BatchBlocker.Block(keys, records, cancellationToken);
        summary.CandidatePairs = candidates.Count;
        foreach (var n in candidates.Statistics.OversizedBlocks) summary.OversizedBlocks += n;
        Stage("block");

        // 3. Compare: one pattern per pair, reused by training and scoring.
        var patterns = new ulong[candidates.Count];
        var pairs = candidates.Pairs;
        Parallel.ForEach(PairRanges(candidates.Count), new ParallelOptions { CancellationToken = cancellationToken }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var (a, b) = CandidatePairs.Unpack(pairs[i]);
                patterns[i] = scorer.Pattern(records[a], records[b]);
            }
        });
        Stage("compare");

        // 4. Model: reuse the stored one so weights (and so golden IDs) stay stable; train when there is none.
        summary.ModelTrained = EnsureModel(scorer, records, candidates, patterns, runId);
        summary.CapsLifted = LiftedCaps(scorer);
        Stage("train");

        // 5. Score.
        var scored = new ScoredPair[candidates.Count];
        var weights = new float[candidates.Count];
        Parallel.ForEach(PairRanges(candidates.Count), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var (a, b) = CandidatePairs.Unpack(pairs[i]);
                var w = scorer.MatchWeight(patterns[i], records[a], records[b]);
                weights[i] = (float)w;
                scored[i] = new ScoredPair(a, b, (float)FellegiSunterModel.ToProbability(w));
            }
        });
        Stage("score");

        // 6. Cluster, with steward decisions applied.
        var clusterer = new Clusterer(_matching.LinkThreshold, _matching.ReviewThreshold, _matching.CannotLinkThreshold,
            _matching.ClusterLinkShare, _matching.StickyLinkThreshold);
        var previous = _store.LoadCrossReferenceByRecord();
        var constraints = StewardConstraints(_store.LoadStewardDecisions(), id => id <= maxId ? idToIndex[id] : -1);
        AddIdentifierEvidence(constraints, records, scorer);
        if (previous.Count > 0)
        {
            var previousOf = new string?[records.Length];
            for (var i = 0; i < records.Length; i++) previousOf[i] = previous.GetValueOrDefault(records[i].Id);
            constraints.PreviouslyTogether = (a, b) => previousOf[a] is { } ga && ga == previousOf[b];
        }
        var clustering = clusterer.Cluster(records.Length, scored, constraints);
        summary.RefusedLinks = clustering.RefusedLinks;
        Stage("cluster");

        // 7. Golden IDs, golden records, cross-reference. The run's memory peaks here (golden rows, links and events join
        // the records): first the blocking buffers and pair arrays, garbage by now, are collected and their memory handed
        // back (a 1M-record load held ~1.5 GB more than its live heap at this point; the collection takes about a second).
        candidates = null!; pairs = null!;
        if (records.Length >= LargeRunRecords) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var assembled = new ResolutionAssembler(_store, _matching).Assemble(records, clustering, scored, weights, patterns, scorer, summary, previous, scope: null);
        // Committed before the store: a crash in between leaves the store's old epoch, so the next run rebuilds.
        var write = assembled.Write with { IndexEpoch = epoch, TermFrequencies = tf.Serialize(), Records = records, BeforeCommit = () => indexBuild.Finish(epoch, runId, cancellationToken) };
        Stage("survivorship");
        // This method runs once per process, so unoptimized (tier 0), where every local stays reachable to its end: the
        // pair arrays (hundreds of MB at 1M records) are let go before the write, when the most is alive.
        patterns = null!; scored = null!; weights = null!; clustering = null!; assembled = null!;
        WriteResolution(write, runId);
        Stage("write");
        summary.StageSeconds["index_background"] = Math.Round(indexBuild.Seconds, 3);
        foreach (var (part, seconds) in _store.LastWriteSeconds) summary.StageSeconds["write." + part] = seconds;
        return summary;
    }

    private StandardizedRecord[] StandardizeAll(IReadOnlyDictionary<string, SystemProfile> profiles, CancellationToken ct)
    {
        var total = _store.CountActiveRecords();
        var output = new List<StandardizedRecord>(total);
        output.AddRange(_fresh.Values);
        var batch = new List<StoredSourceRecord>(IngestChunk);
        void Flush()
        {
            var local = batch.ToArray();
            var standardized = new StandardizedRecord[local.Length];
            Parallel.ForEach(Partitioner.Create(0, local.Length, 512), new ParallelOptions { CancellationToken = ct }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var s = local[i];
                    var std = _standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
                    std.Id = s.RecordId;
                    std.Trust = s.Trust;
                    standardized[i] = std;
                }
            });
            output.AddRange(standardized);
            batch.Clear();
            Progress?.Report(new ProgressUpdate("standardize", output.Count, total));
        }
        // Only records this engine has not standardized yet (systems not in this run) are read back and parsed.
        foreach (var s in _store.ReadActiveRecords(id => !_fresh.ContainsKey(id)))
        {
            batch.Add(s);
            if (batch.Count == IngestChunk) Flush();
        }
        if (batch.Count > 0) Flush();
        // Store-id order: the run's result must not depend on the order systems were loaded in.
        output.Sort((a, b) => a.Id.CompareTo(b.Id));
        return output.ToArray();
    }

    /// <summary>Ranges of pair indexes for the parallel stages; none when there is no candidate pair (a tiny or all-distinct file).</summary>
    private static OrderablePartitioner<Tuple<int, int>> PairRanges(int count) =>
        count > 0 ? Partitioner.Create(0, count, 65_536) : Partitioner.Create(Array.Empty<Tuple<int, int>>(), loadBalance: true);

    /// <summary>"person birth_date=years_apart (4.6 % of 412 anchored matches)" for every cap the data overruled.</summary>
    internal static List<string> LiftedCaps(PairScorer scorer)
    {
        var lines = new List<string>();
        foreach (var kind in new[] { PartyKind.Person, PartyKind.Organization })
            if (scorer.ModelFor(kind) is { } model)
                foreach (var c in model.Comparisons)
                    foreach (var lifted in c.CapsLifted)
                        lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"{kind.ToString().ToLowerInvariant()} {c.Name}={lifted.Level} ({lifted.MatchShare:P1} of {lifted.AnchoredPairs:N0} anchored matches)"));
        return lines;
    }

    private bool EnsureModel(PairScorer scorer, StandardizedRecord[] records, CandidatePairs candidates, ulong[] patterns, long runId)
    {
        if (!Retrain && _store.LoadModel() is { } json)
        {
            try
            {
                var stored = JsonSerializer.Deserialize<List<FellegiSunterModel>>(json, ModelJson.Options)!;
                foreach (var m in stored) scorer.SetModel(m);
                if (scorer.ModelFor(PartyKind.Person) is not null && scorer.ModelFor(PartyKind.Organization) is not null) return false;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // The configuration changed since the model was trained: train anew.
            }
        }
        var models = new List<FellegiSunterModel>();
        foreach (var kind in new[] { PartyKind.Person, PartyKind.Organization })
        {
            var ofKind = records.Where(r => r.Kind == kind).ToList();
            // u must resolve agreement rates near 1/N: the sample grows with the number of records.
            // u of a rare agreement is about a few over the number of records, so the sample grows with the records
            // (200 pairs a record) up to uSampleSize; never past the kind's number of distinct pairs, which it would repeat.
            var distinctPairs = (long)ofKind.Count * (ofKind.Count - 1) / 2;
            var sample = (int)Math.Min(Math.Min(_matching.USampleSize, Math.Max(400_000, 200L * ofKind.Count)), Math.Max(10_000, distinctPairs));
            var random = ModelTrainer.SampleRandomPairs(scorer, ofKind, sample, seed: 20260101 + (int)kind, _matching.EmAnchors);
            var u = ModelTrainer.EstimateU(scorer, kind, random);
            var histogram = new Dictionary<ulong, long>();
            for (var i = 0; i < candidates.Count; i++)
            {
                var (a, _) = CandidatePairs.Unpack(candidates.Pairs[i]);
                if (records[a].Kind != kind) continue;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(histogram, patterns[i], out _)++;
            }
            var model = ModelTrainer.Train(scorer, kind, histogram, random, u, _matching, random.Values.Sum(),
                allPairs: (double)ofKind.Count * (ofKind.Count - 1) / 2);
            scorer.SetModel(model);
            models.Add(model);
        }
        _store.SaveModel(JsonSerializer.Serialize(models, ModelJson.Options), runId);
        return true;
    }

    /// <summary>Steward decisions (by store id) as constraints on positions; decisions on records not in the run are ignored.</summary>
    private static ClusteringConstraints StewardConstraints(List<StewardDecision> decisions, Func<int, int> positionOf)
    {
        var c = new ClusteringConstraints();
        foreach (var d in decisions)
        {
            var ia = positionOf(d.RecordA); var ib = positionOf(d.RecordB);
            if (ia < 0 || ib < 0) continue;
            (d.Link ? c.ForcedLinks : c.ForcedSeparations).Add((ia, ib));
        }
        return c;
    }

    /// <summary>Lets the clusterer ask the scorer about pairs blocking never scored (see <see cref="ClusteringConstraints.RuledOut"/>).</summary>
    private static void AddIdentifierEvidence(ClusteringConstraints constraints, StandardizedRecord[] records, PairScorer scorer)
    {
        var can = new bool[records.Length];
        for (var i = 0; i < records.Length; i++) can[i] = scorer.CanRuleOut(records[i]);
        constraints.CanRuleOut = can;
        constraints.RuledOut = (a, b) => scorer.RulesOut(records[a], records[b]);
    }
}

/// <summary>Golden IDs are "G" and a zero-padded sequence: sortable, short enough to read out on the phone.</summary>
public static class GoldenIds
{
    public static string Format(long sequence) => "G" + sequence.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}

internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
