using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mdm.Engine.Candidates;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Resolves every active record: standardize, block in memory (the candidate index for later look-ups built meanwhile),
/// then the shared <see cref="ResolutionPass"/> with a model trained when the store has none, assembly, and one write.
/// </summary>
internal sealed class FullResolver(EngineContext context)
{
    /// <summary>Runs this large give memory back before survivorship; small ones need not pay for a full collection.</summary>
    private const int LargeRunRecords = 200_000;

    private IMdmStore Store => context.Store;

    public ResolutionSummary Resolve(long runId, bool retrain, CancellationToken cancellationToken)
    {
        var summary = new ResolutionSummary { Ran = true };
        var clock = Stopwatch.StartNew();
        void Stage(string name) { summary.StageSeconds[name] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart(); }

        // What ingest wrote is folded back into the database file meanwhile, on a connection of its own (the resolution only
        // reads until its write): the checkpoint at the run's end then has only the resolution's pages left.
        Store.StartBackgroundCheckpoints();

        // 1. Standardize.
        var profiles = Store.LoadSystemProfiles();
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
        var scorer = new PairScorer(context.Matching, tf);
        var keys = new BlockingKeyBuilder(context.Matching);

        // 2. Block in memory; the index, which later incremental and real-time resolutions look candidates up in, is built
        // meanwhile on a thread of its own (it needs a core for tens of seconds at 1M records; the stages after blocking
        // leave one idle much of the time, the store write all of it) and committed just before the store's write commits.
        var epoch = Guid.NewGuid().ToString("N");
        var indexBuild = context.EarlyIndex;
        context.EarlyIndex = null;
        if (indexBuild is not null && !indexBuild.Complete(records, idToIndex))
        {
            indexBuild.Dispose();
            indexBuild = null;
        }
        if (indexBuild is null)
        {
            indexBuild = new BackgroundIndexBuild(CandidateIndex.Open(context.IndexPath, keys, create: true), context.Progress);
            indexBuild.Complete(records, idToIndex);
        }
        using var indexBuilding = indexBuild;
        var candidates = BatchBlocker.Block(keys, records, cancellationToken);
        summary.CandidatePairs = candidates.Count;
        foreach (var n in candidates.Statistics.OversizedBlocks) summary.OversizedBlocks += n;
        Stage("block");

        // 3. Compare: one pattern per pair, reused by training and scoring.
        var pairs = candidates.Pairs;
        var patterns = ResolutionPass.Compare(records, pairs, candidates.Count, scorer, cancellationToken);
        Stage("compare");

        // 4. Model: reuse the stored one so weights (and so golden IDs) stay stable; train when there is none.
        summary.ModelTrained = EnsureModel(scorer, records, candidates, patterns, runId, retrain);
        summary.CapsLifted = LiftedCaps(scorer);
        Stage("train");

        // 5. Score.
        var (scored, weights) = ResolutionPass.Score(records, pairs, patterns, scorer, cancellationToken);
        Stage("score");

        // 6. Cluster, with steward decisions applied.
        var previous = Store.LoadCrossReferenceByRecord();
        var clustering = ResolutionPass.Cluster(context.Matching, records, scored, scorer, Store.LoadStewardDecisions(),
            id => id <= maxId ? idToIndex[id] : -1, previous);
        summary.RefusedLinks = clustering.RefusedLinks;
        Stage("cluster");

        // 7. Golden IDs, golden records, cross-reference. The run's memory peaks here (golden rows, links and events join
        // the records): first the blocking buffers and pair arrays, garbage by now, are collected and their memory handed
        // back (a 1M-record load held ~1.5 GB more than its live heap at this point; the collection takes about a second).
        candidates = null!; pairs = null!;
        if (records.Length >= LargeRunRecords) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var assembled = new ResolutionAssembler(Store, context.Matching).Assemble(records, clustering, scored, weights, patterns, scorer, summary, previous, scope: null);
        // Committed before the store: a crash in between leaves the store's old epoch, so the next run rebuilds.
        var write = assembled.Write with { IndexEpoch = epoch, TermFrequencies = tf.Serialize(), Records = records, BeforeCommit = () => indexBuild.Finish(epoch, runId, cancellationToken) };
        Stage("survivorship");
        // This method runs once per process, so unoptimized (tier 0), where every local stays reachable to its end: the
        // pair arrays (hundreds of MB at 1M records) are let go before the write, when the most is alive.
        patterns = null!; scored = null!; weights = null!; clustering = null!; assembled = null!;
        context.WriteResolution(write, runId);
        Stage("write");
        summary.StageSeconds["index_background"] = Math.Round(indexBuild.Seconds, 3);
        foreach (var (part, seconds) in Store.LastWriteSeconds) summary.StageSeconds["write." + part] = seconds;
        return summary;
    }

    private StandardizedRecord[] StandardizeAll(IReadOnlyDictionary<string, SystemProfile> profiles, CancellationToken ct)
    {
        var fresh = context.Fresh;
        var total = Store.CountActiveRecords();
        var output = new List<StandardizedRecord>(total);
        output.AddRange(fresh.Values);
        var batch = new List<StoredSourceRecord>(RecordIngest.Chunk);
        void Flush()
        {
            var local = batch.ToArray();
            var standardized = new StandardizedRecord[local.Length];
            Parallel.ForEach(Partitioner.Create(0, local.Length, 512), new ParallelOptions { CancellationToken = ct }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var s = local[i];
                    var std = context.Standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
                    std.Id = s.RecordId;
                    std.Trust = s.Trust;
                    standardized[i] = std;
                }
            });
            output.AddRange(standardized);
            batch.Clear();
            context.Progress?.Report(new ProgressUpdate("standardize", output.Count, total));
        }
        // Only records this engine has not standardized yet (systems not in this run) are read back and parsed.
        foreach (var s in Store.ReadActiveRecords(id => !fresh.ContainsKey(id)))
        {
            batch.Add(s);
            if (batch.Count == RecordIngest.Chunk) Flush();
        }
        if (batch.Count > 0) Flush();
        // Store-id order: the run's result must not depend on the order systems were loaded in.
        output.Sort((a, b) => a.Id.CompareTo(b.Id));
        return output.ToArray();
    }

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

    private bool EnsureModel(PairScorer scorer, StandardizedRecord[] records, CandidatePairs candidates, ulong[] patterns, long runId, bool retrain)
    {
        var matching = context.Matching;
        if (!retrain && Store.LoadModel() is { } json)
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
            // u of a rare agreement is about a few over the number of records, so the sample grows with the records
            // (200 pairs a record) up to uSampleSize; never past the kind's number of distinct pairs, which it would repeat.
            var distinctPairs = (long)ofKind.Count * (ofKind.Count - 1) / 2;
            var sample = (int)Math.Min(Math.Min(matching.USampleSize, Math.Max(400_000, 200L * ofKind.Count)), Math.Max(10_000, distinctPairs));
            var random = ModelTrainer.SampleRandomPairs(scorer, ofKind, sample, seed: 20260101 + (int)kind, matching.EmAnchors);
            var u = ModelTrainer.EstimateU(scorer, kind, random);
            var histogram = new Dictionary<ulong, long>();
            for (var i = 0; i < candidates.Count; i++)
            {
                var (a, _) = CandidatePairs.Unpack(candidates.Pairs[i]);
                if (records[a].Kind != kind) continue;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(histogram, patterns[i], out _)++;
            }
            var model = ModelTrainer.Train(scorer, kind, histogram, random, u, matching, random.Values.Sum(),
                allPairs: (double)ofKind.Count * (ofKind.Count - 1) / 2);
            scorer.SetModel(model);
            models.Add(model);
        }
        Store.SaveModel(JsonSerializer.Serialize(models, ModelJson.Options), runId);
        return true;
    }
}
