using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mdm.Engine.Candidates;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// The engine's one path: source records are stored (new, changed, unchanged and retired told apart by content hash),
/// then standardized, indexed and blocked, scored, clustered, given stable golden IDs and golden records, and written in
/// one transaction. A batch only adds parallelism and bulk writes to what a single record goes through.
/// </summary>
public sealed class MdmEngine
{
    private const int IngestChunk = 20_000;

    private readonly IMdmStore _store;
    private readonly MatchingConfiguration _matching;
    private readonly string _indexPath;
    private readonly RecordStandardizer _standardizer;

    /// <summary>Records standardized while this engine ingested them (by store id); resolution reads the rest from the store.</summary>
    private readonly Dictionary<int, StandardizedRecord> _fresh = [];

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

    /// <summary>
    /// Stores one system's records and rejects. Unchanged records (same content hash) are not rewritten; with
    /// <paramref name="fullExtract"/>, keys the store has but the extract lacks are retired.
    /// </summary>
    public SystemLoadSummary Ingest(long runId, SystemProfile profile, IEnumerable<IngestItem> items, CancellationToken cancellationToken = default)
    {
        var summary = new SystemLoadSummary { System = profile.System };
        var clock = Stopwatch.StartNew();
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
            foreach (var (key, state) in states)
            {
                if (state.Retired || seen.Contains(key)) continue;
                retire.Add(state.RecordId);
                summary.Retired++;
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

    /// <summary>Resolves every active record into golden customers and writes the result in one transaction.</summary>
    public ResolutionSummary Resolve(long runId, CancellationToken cancellationToken = default)
    {
        var summary = new ResolutionSummary { Ran = true };
        var clock = Stopwatch.StartNew();
        void Stage(string name) { summary.StageSeconds[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }

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

        var tf = new TermFrequencies(TermFrequencyFeatures());
        foreach (var r in records) tf.Add(r);
        var scorer = new PairScorer(_matching, tf);
        var keys = new BlockingKeyBuilder(_matching);

        // 2. Index and block.
        CandidatePairs candidates;
        using (var index = CandidateIndex.Open(_indexPath, keys, create: true))
        {
            var chunks = Partitioner.Create(0, records.Length, Math.Max(1000, records.Length / 64 + 1));
            var indexed = 0L;
            Parallel.ForEach(chunks, new ParallelOptions { CancellationToken = cancellationToken }, range =>
            {
                index.Add(records, range.Item1, range.Item2);
                var done = Interlocked.Add(ref indexed, range.Item2 - range.Item1);
                Progress?.Report(new ProgressUpdate("index", done, records.Length));
            });
            Stage("index");
            index.Commit();
            Stage("index_commit");
            candidates = index.BlockAll(idToIndex);
        }
        summary.CandidatePairs = candidates.Count;
        foreach (var n in candidates.Statistics.OversizedBlocks) summary.OversizedBlocks += n;
        Stage("block");

        // 3. Compare: one pattern per pair, reused by training and scoring.
        var patterns = new ulong[candidates.Count];
        var pairs = candidates.Pairs;
        Parallel.ForEach(Partitioner.Create(0, candidates.Count, 65_536), new ParallelOptions { CancellationToken = cancellationToken }, range =>
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
        Stage("train");

        // 5. Score.
        var scored = new ScoredPair[candidates.Count];
        var weights = new float[candidates.Count];
        Parallel.ForEach(Partitioner.Create(0, candidates.Count, 65_536), range =>
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
        var constraints = StewardConstraints(idToIndex, maxId) ?? new ClusteringConstraints();
        if (previous.Count > 0)
        {
            var previousOf = new string?[records.Length];
            for (var i = 0; i < records.Length; i++) previousOf[i] = previous.GetValueOrDefault(records[i].Id);
            constraints.PreviouslyTogether = (a, b) => previousOf[a] is { } ga && ga == previousOf[b];
        }
        var clustering = clusterer.Cluster(records.Length, scored, constraints);
        summary.RefusedLinks = clustering.RefusedLinks;
        Stage("cluster");

        // 7. Golden IDs, golden records, cross-reference.
        var write = BuildResolution(records, clustering, scored, weights, patterns, scorer, summary, previous);
        Stage("survivorship");
        _store.WriteResolution(write, runId);
        Stage("write");
        foreach (var (part, seconds) in _store.LastWriteSeconds) summary.StageSeconds["write." + part] = seconds;
        return summary;
    }

    private static IEnumerable<Feature> TermFrequencyFeatures() =>
        [Feature.Name, Feature.CompanyCore, Feature.Phones];

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
            var sample = (int)Math.Min(20_000_000, Math.Max(_matching.USampleSize, 2L * ofKind.Count));
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

    private ClusteringConstraints? StewardConstraints(int[] idToIndex, int maxId)
    {
        // Steward decisions are stored by record id; records no longer active are ignored.
        var decisions = _store is SqliteMdmStore sqlite ? StewardDecisions.Load(sqlite) : [];
        if (decisions.Count == 0) return null;
        var c = new ClusteringConstraints();
        foreach (var (a, b, link) in decisions)
        {
            if (a > maxId || b > maxId) continue;
            var ia = idToIndex[a]; var ib = idToIndex[b];
            if (ia < 0 || ib < 0) continue;
            (link ? c.ForcedLinks : c.ForcedSeparations).Add((ia, ib));
        }
        return c;
    }

    private ResolutionWrite BuildResolution(StandardizedRecord[] records, ClusteringResult clustering, ScoredPair[] scored,
        float[] weights, ulong[] patterns, PairScorer scorer, ResolutionSummary summary, Dictionary<int, string> previous)
    {
        var sub = Stopwatch.StartNew();
        // Members per cluster, as store ids, clusters ordered by their first member.
        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Length; i++)
        {
            var root = clustering.ClusterOf[i];
            if (!byRoot.TryGetValue(root, out var list)) byRoot[root] = list = [];
            list.Add(i);
        }
        var clusters = byRoot.Values.Select(l => l.OrderBy(i => records[i].Id).ToList()).OrderBy(l => records[l[0]].Id).ToList();
        var memberIds = clusters.Select(l => (IReadOnlyList<int>)l.Select(i => records[i].Id).ToList()).ToList();

        var ages = _store.LoadGoldenIdAges();
        var nextSeq = _store.NextGoldenSequence();
        var minted = new Dictionary<string, long>(StringComparer.Ordinal);
        var assignment = GoldenIdAssigner.Assign(memberIds, previous,
            g => ages.TryGetValue(g, out var a) ? a : minted.GetValueOrDefault(g, long.MaxValue),
            () =>
            {
                var seq = nextSeq++;
                var id = GoldenIds.Format(seq);
                minted[id] = seq;
                return id;
            });

        summary.StageSeconds["survivorship.ids"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();
        var golden = new GoldenRecordRow[clusters.Count];
        Parallel.ForEach(Partitioner.Create(0, clusters.Count, 2048), range =>
        {
            var members = new List<StandardizedRecord>(8);
            for (var c = range.Item1; c < range.Item2; c++)
            {
                members.Clear();
                foreach (var i in clusters[c]) members.Add(records[i]);
                golden[c] = GoldenRecordRow.From(Survivorship.Build(assignment.Ids[c], members));
            }
        });

        summary.StageSeconds["survivorship.records"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();
        var clusterIndexOf = new int[records.Length];
        for (var c = 0; c < clusters.Count; c++) foreach (var i in clusters[c]) clusterIndexOf[i] = c;

        var xref = new List<(int RecordId, string System, string Key, string GoldenId)>(records.Length);
        for (var c = 0; c < clusters.Count; c++)
            foreach (var i in clusters[c]) xref.Add((records[i].Id, records[i].System, records[i].Key, assignment.Ids[c]));
        // Primary-key order: the b-tree is appended to, not split at random.
        xref.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.System, y.System);
            return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        });

        var links = new List<StoredLink>();
        for (var i = 0; i < scored.Length; i++)
        {
            var p = scored[i];
            if (p.Probability < _matching.ReviewThreshold) continue;
            var same = clusterIndexOf[p.A] == clusterIndexOf[p.B];
            var decision = same ? (p.Probability >= _matching.LinkThreshold ? "link" : "kept") : (p.Probability >= _matching.LinkThreshold ? "refused" : "review");
            links.Add(new StoredLink(records[p.A].Id, records[p.B].Id, p.Probability, weights[i], patterns[i], decision));
            if (same && p.Probability >= _matching.LinkThreshold) summary.LinkedPairs++;
        }

        var reviews = new List<ReviewTask>(clustering.Reviews.Count);
        foreach (var r in clustering.Reviews)
        {
            var (a, b) = records[r.A].Id < records[r.B].Id ? (r.A, r.B) : (r.B, r.A);
            var explanation = scorer.Explain(records[a], records[b]);
            reviews.Add(new ReviewTask(0, records[a].Id, records[b].Id, assignment.Ids[clusterIndexOf[a]], assignment.Ids[clusterIndexOf[b]],
                Math.Round(r.Probability, 6), r.Reason, JsonSerializer.Serialize(explanation, ModelJson.Options), "open"));
        }

        var events = new List<GoldenEvent>();
        foreach (var change in assignment.Changes)
        {
            switch (change.Kind)
            {
                case GoldenIdChangeKind.Created:
                    summary.GoldenIdsCreated++;
                    events.Add(new GoldenEvent(change.GoldenId, "created", "load", $"{change.Records} source record(s)"));
                    break;
                case GoldenIdChangeKind.SplitFrom:
                    summary.GoldenIdsSplit++;
                    events.Add(new GoldenEvent(change.GoldenId, "split", "load", $"minted for {change.Records} record(s) that left {change.Other}"));
                    events.Add(new GoldenEvent(change.Other!, "split", "load", $"{change.Records} record(s) left for {change.GoldenId}"));
                    break;
                case GoldenIdChangeKind.MergedInto:
                    summary.GoldenIdsMerged++;
                    events.Add(new GoldenEvent(change.GoldenId, "merged", "load", $"merged into {change.Other}; redirects there"));
                    events.Add(new GoldenEvent(change.Other!, "absorbed", "load", $"absorbed {change.GoldenId} ({change.Records} record(s))"));
                    break;
            }
        }
        // Kept IDs whose membership changed get an event too.
        var previousMembers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (rid, g) in previous)
        {
            if (!previousMembers.TryGetValue(g, out var l)) previousMembers[g] = l = [];
            l.Add(rid);
        }
        var createdOrSplit = assignment.Changes.Where(c => c.Kind != GoldenIdChangeKind.MergedInto).Select(c => c.GoldenId).ToHashSet();
        for (var c = 0; c < clusters.Count; c++)
        {
            var id = assignment.Ids[c];
            if (createdOrSplit.Contains(id) || !previousMembers.TryGetValue(id, out var before)) continue;
            var now = memberIds[c];
            before.Sort();
            if (before.SequenceEqual(now)) continue;
            var added = now.Except(before).Count();
            var removed = before.Except(now).Count();
            events.Add(new GoldenEvent(id, "members_changed", "load", $"+{added} -{removed} record(s), now {now.Count}"));
        }

        var findings = new List<(int, Quality.QualityFinding)>();
        foreach (var r in records) foreach (var f in r.Findings) findings.Add((r.Id, f));

        summary.GoldenRecords = clusters.Count;
        summary.MultiRecordCustomers = clusters.Count(c => c.Count > 1);
        summary.CrossSystemCustomers = clusters.Count(c => c.Select(i => records[i].System).Distinct().Skip(1).Any());
        summary.ReviewTasks = reviews.Count;
        summary.QualityFindings = findings.Count;

        return new ResolutionWrite
        {
            GoldenRecords = golden,
            CrossReference = xref,
            Links = links,
            Reviews = reviews,
            IdChanges = assignment.Changes,
            Events = events,
            Findings = findings,
            MintedSequences = minted,
        };
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

internal static class StewardDecisions
{
    public static List<(int A, int B, bool Link)> Load(SqliteMdmStore store)
    {
        var result = new List<(int, int, bool)>();
        using var cmd = store.CreateQuery("SELECT record_a, record_b, decision FROM steward_decisions");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add((r.GetInt32(0), r.GetInt32(1), r.GetString(2) == "link"));
        return result;
    }
}
