using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// Estimates Fellegi–Sunter parameters without labels, as Splink does: u from comparing random pairs (almost all of which
/// are non-matches), then m and λ by expectation–maximisation over the candidate pairs' level patterns with u held fixed.
/// </summary>
public static class ModelTrainer
{
    /// <summary>
    /// Level patterns of <paramref name="sampleSize"/> random pairs of <paramref name="records"/>: almost all non-matches,
    /// so their level frequencies are the u probabilities, and in EM they show what non-matches look like.
    /// </summary>
    public static Dictionary<ulong, long> SampleRandomPairs(PairScorer scorer, IReadOnlyList<StandardizedRecord> records, int sampleSize, int seed,
        IReadOnlyList<string>? excludeAnchors = null)
    {
        // Random pairs that agree on an anchor (same valid ID card, same e-mail) are almost surely the same customer:
        // leaving them out keeps u what it should be, the agreement rate among non-matches.
        var anchorIndexes = new List<int>();
        if (records.Count > 0 && excludeAnchors is not null)
        {
            var comparisons = scorer.ComparisonsFor(records[0].Kind);
            for (var i = 0; i < comparisons.Count; i++)
                if (excludeAnchors.Contains(comparisons[i].Name)) anchorIndexes.Add(i);
        }
        var histogram = new Dictionary<ulong, long>();
        if (records.Count < 2) return histogram;
        // Partitioned with fixed seeds so the sample does not depend on thread scheduling.
        const int partitions = 8;
        var per = sampleSize / partitions;
        var partial = new Dictionary<ulong, long>[partitions];
        Parallel.For(0, partitions, p =>
        {
            var rng = new Random(seed * 31 + p);
            var local = new Dictionary<ulong, long>();
            for (var s = 0; s < per; s++)
            {
                var a = records[rng.Next(records.Count)];
                var b = records[rng.Next(records.Count)];
                if (ReferenceEquals(a, b)) continue;
                var pattern = scorer.Pattern(a, b);
                var anchored = false;
                foreach (var i in anchorIndexes)
                    if (PairScorer.LevelOf(pattern, i) == 0) { anchored = true; break; }
                if (anchored) continue;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local, pattern, out _)++;
            }
            partial[p] = local;
        });
        foreach (var local in partial)
            foreach (var (pattern, n) in local) histogram[pattern] = histogram.GetValueOrDefault(pattern) + n;
        return histogram;
    }

    /// <summary>u probabilities per comparison level from a random-pair histogram (add-one smoothed).</summary>
    public static double[][] EstimateU(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> randomPairs)
    {
        var comparisons = scorer.ComparisonsFor(kind);
        var u = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++)
        {
            var counts = new long[comparisons[i].LevelCount];
            foreach (var (pattern, n) in randomPairs)
            {
                var level = PairScorer.LevelOf(pattern, i);
                if (level >= 0) counts[level] += n;
            }
            var total = counts.Sum();
            u[i] = new double[counts.Length];
            // A level never seen among random pairs (same ID card) gets u ≈ 1/n, not 0.
            for (var l = 0; l < counts.Length; l++) u[i][l] = (counts[l] + 1.0) / (total + counts.Length);
            var levels = comparisons[i].Definition.Levels;
            for (var l = 0; l < levels.Count; l++)
                if (levels[l].U is { } fixedU) u[i][l] = fixedU;
        }
        return u;
    }

    /// <summary>
    /// EM over the histogram of candidate-pair patterns. u stays fixed; m starts from the configured values (or a
    /// decreasing default) and λ from <paramref name="initialLambda"/>.
    /// </summary>
    public static FellegiSunterModel Train(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> patternCounts,
        double[][] u, MatchingConfiguration config, long uSamplePairs, double initialLambda = 0.2)
        => TrainOn(scorer, kind, patternCounts.ToDictionary(kv => kv.Key, kv => (double)kv.Value), u, config, uSamplePairs, initialLambda);

    /// <summary>
    /// EM over candidate pairs and, when given, the random pairs as well. Tight blocking yields candidate sets that are
    /// nearly all matches, where EM alone drifts to λ = 1 and learns that disagreeing ID cards are normal among "matches";
    /// the random pairs anchor the non-match side. The prior λ reported is the match share among candidate pairs only.
    /// </summary>
    /// <param name="allPairs">Number of pairs among all records of the kind: the prior λ is expected matches over all pairs,
    /// as u comes from random pairs (a prior taken over candidate pairs would count the blocking agreement twice).</param>
    public static FellegiSunterModel Train(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> patternCounts,
        IReadOnlyDictionary<ulong, long>? randomPairs, double[][] u, MatchingConfiguration config, long uSamplePairs, double allPairs,
        double initialLambda = 0.2)
    {
        var startM = AnchoredM(scorer, kind, patternCounts, config.EmAnchors);
        var combined = new Dictionary<ulong, double>();
        double candidateTotal = 0;
        foreach (var (p, n) in patternCounts) { combined[p] = n; candidateTotal += n; }
        if (randomPairs is not null)
        {
            // As much random (non-match) mass as there are candidate pairs: enough to anchor the non-match side, not so
            // much that EM mistakes a common coincidence (same region) for the match class.
            double randomTotal = 0;
            foreach (var n in randomPairs.Values) randomTotal += n;
            var scale = randomTotal > 0 ? Math.Min(randomTotal, config.EmRandomPairRatio * Math.Max(candidateTotal, 100)) / randomTotal : 0;
            foreach (var (p, n) in randomPairs) combined[p] = combined.GetValueOrDefault(p) + n * scale;
        }
        var model = TrainOn(scorer, kind, combined, u, config, uSamplePairs, initialLambda, startM);
        if (patternCounts.Count > 0 && allPairs > 0)
        {
            // Prior: the matches expected among candidate pairs (all matches are assumed to be candidates) over all pairs.
            double mass = 0, total = 0;
            foreach (var (p, n) in patternCounts)
            {
                mass += n * Posterior(model, p, model.Lambda);
                total += n;
            }
            model.Lambda = Math.Clamp(mass / allPairs, 1e-12, 0.5);
            model.TrainingPairs = (long)total;
        }
        LiftCaps(model, scorer, patternCounts, config);
        return model;
    }

    /// <summary>
    /// Starting m per comparison from candidate pairs that agree exactly on an anchor comparison other than itself (same
    /// valid ID card, same credit code, same e-mail): such pairs are almost all matches, so their level frequencies are
    /// a label-free first estimate of m, which EM then refines.
    /// </summary>
    public static double[][]? AnchoredM(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> candidates, IReadOnlyList<string> anchors)
    {
        var counts = AnchoredLevelCounts(scorer, kind, candidates, anchors);
        if (counts is null) return null;
        var comparisons = scorer.ComparisonsFor(kind);
        var m = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++)
        {
            var total = counts[i].Sum();
            if (total < 10) { m[i] = InitialM(comparisons[i]); continue; }
            // Smoothed towards the configured start so a level unseen among anchored pairs keeps a little mass.
            var start = InitialM(comparisons[i]);
            m[i] = new double[counts[i].Length];
            for (var l = 0; l < counts[i].Length; l++) m[i][l] = (counts[i][l] + 2 * start[l]) / (total + 2);
        }
        return m;
    }

    /// <summary>
    /// Per comparison and level, how many candidate pairs anchored by another comparison (same valid ID card, credit
    /// code, e-mail) landed on it; null when the configuration names no anchor.
    /// </summary>
    public static double[][]? AnchoredLevelCounts(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> candidates, IReadOnlyList<string> anchors)
    {
        var comparisons = scorer.ComparisonsFor(kind);
        var anchorIndexes = new List<int>();
        for (var i = 0; i < comparisons.Count; i++)
            if (anchors.Contains(comparisons[i].Name)) anchorIndexes.Add(i);
        if (anchorIndexes.Count == 0) return null;
        var counts = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++)
        {
            counts[i] = new double[comparisons[i].LevelCount];
            foreach (var (pattern, n) in candidates)
            {
                var level = PairScorer.LevelOf(pattern, i);
                if (level < 0) continue;
                var anchored = false;
                foreach (var a in anchorIndexes)
                    if (a != i && PairScorer.LevelOf(pattern, a) == 0) { anchored = true; break; }
                if (anchored) counts[i][level] += n;
            }
        }
        return counts;
    }

    /// <summary>
    /// The data's word on the configured caps: a capped level that a share of at least <see cref="MatchingConfiguration.CapLiftShare"/>
    /// of anchored matches lands on happens to one customer's records (a re-typed identifier, a mistyped birth year), so
    /// its cap is lifted and the level is weighed like any other.
    /// </summary>
    public static void LiftCaps(FellegiSunterModel model, PairScorer scorer, IReadOnlyDictionary<ulong, long> candidates, MatchingConfiguration config)
    {
        var counts = AnchoredLevelCounts(scorer, model.Kind, candidates, config.EmAnchors);
        if (counts is null) return;
        var comparisons = scorer.ComparisonsFor(model.Kind);
        for (var i = 0; i < comparisons.Count; i++)
        {
            // An anchor has no other anchor to vouch for its pairs (a file whose only identifier is this one): its anchored
            // matches are the candidate pairs the other comparisons alone make matches beyond doubt.
            var beyondDoubt = config.EmAnchors.Contains(comparisons[i].Name) && counts[i].Sum() < config.CapLiftMinimumPairs;
            var levelCounts = beyondDoubt ? BeyondDoubtLevelCounts(model, i, candidates) : counts[i];
            // Pairs that only look like matches beyond doubt include some that are not (two people of one name, birth date
            // and address): their share must be twice as large to overrule the configuration.
            var needed = beyondDoubt ? 2 * config.CapLiftShare : config.CapLiftShare;
            var support = levelCounts.Sum();
            if (support < config.CapLiftMinimumPairs) continue;
            for (var l = 0; l < comparisons[i].LevelCount; l++)
            {
                if (double.IsPositiveInfinity(comparisons[i].CapWeight(l))) continue;
                var share = levelCounts[l] / support;
                if (share >= needed)
                    model.Comparisons[i].CapsLifted.Add(new LiftedCap(comparisons[i].LevelLabels[l], Math.Round(share, 4), (long)support));
            }
        }
    }

    /// <summary>Match probability, without comparison <paramref name="left"/>, above which a candidate pair is a match beyond doubt.</summary>
    private const double BeyondDoubt = 0.999999;

    /// <summary>Levels of comparison <paramref name="left"/> among candidate pairs that the other comparisons make matches beyond doubt.</summary>
    private static double[] BeyondDoubtLevelCounts(FellegiSunterModel model, int left, IReadOnlyDictionary<ulong, long> candidates)
    {
        var counts = new double[model.Comparisons[left].M.Length];
        var bar = FellegiSunterModel.ToWeight(BeyondDoubt);
        foreach (var (pattern, n) in candidates)
        {
            var level = PairScorer.LevelOf(pattern, left);
            if (level < 0) continue;
            var weight = model.PriorWeight;
            for (var i = 0; i < model.Comparisons.Count; i++)
            {
                var l = PairScorer.LevelOf(pattern, i);
                if (i != left && l >= 0) weight += model.Comparisons[i].Weight(l);
            }
            if (weight >= bar) counts[level] += n;
        }
        return counts;
    }

    private static double Posterior(FellegiSunterModel model, ulong pattern, double lambda)
    {
        double logM = Math.Log(lambda), logU = Math.Log(1 - lambda);
        for (var i = 0; i < model.Comparisons.Count; i++)
        {
            var level = PairScorer.LevelOf(pattern, i);
            if (level < 0) continue;
            logM += Math.Log(ComparisonParameters.Clamp(model.Comparisons[i].M[level]));
            logU += Math.Log(ComparisonParameters.Clamp(model.Comparisons[i].U[level]));
        }
        return 1.0 / (1.0 + Math.Exp(logU - logM));
    }

    private static FellegiSunterModel TrainOn(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, double> patternCounts,
        double[][] u, MatchingConfiguration config, long uSamplePairs, double initialLambda, double[][]? startM = null)
    {
        var comparisons = scorer.ComparisonsFor(kind);
        var m = new double[comparisons.Count][];
        var prior = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++)
        {
            m[i] = startM?[i] ?? InitialM(comparisons[i]);
            prior[i] = (double[])m[i].Clone();
        }

        var patterns = patternCounts.Keys.ToArray();
        var weights = patternCounts.Values.ToArray();
        var total = weights.Sum();
        var lambda = initialLambda;
        var iterations = 0;
        var converged = false;
        while (iterations < config.EmMaxIterations && total > 0)
        {
            iterations++;
            var mNum = new double[comparisons.Count][];
            var mDen = new double[comparisons.Count];
            for (var i = 0; i < comparisons.Count; i++) mNum[i] = new double[m[i].Length];
            double matchMass = 0;
            for (var p = 0; p < patterns.Length; p++)
            {
                // E-step: posterior probability that pairs with this pattern are matches.
                double logM = Math.Log(lambda), logU = Math.Log(1 - lambda);
                for (var i = 0; i < comparisons.Count; i++)
                {
                    var level = PairScorer.LevelOf(patterns[p], i);
                    if (level < 0) continue;
                    logM += Math.Log(ComparisonParameters.Clamp(m[i][level]));
                    logU += Math.Log(ComparisonParameters.Clamp(u[i][level]));
                }
                var posterior = 1.0 / (1.0 + Math.Exp(logU - logM));
                var mass = posterior * weights[p];
                matchMass += mass;
                for (var i = 0; i < comparisons.Count; i++)
                {
                    var level = PairScorer.LevelOf(patterns[p], i);
                    if (level < 0) continue;
                    mNum[i][level] += mass;
                    mDen[i] += mass;
                }
            }
            // M-step.
            var change = 0.0;
            var newLambda = Math.Clamp(matchMass / total, 1e-6, 1 - 1e-6);
            change = Math.Max(change, Math.Abs(newLambda - lambda));
            lambda = newLambda;
            for (var i = 0; i < comparisons.Count; i++)
            {
                // MAP estimate: the configured m acts as a Dirichlet prior worth a few pairs, so a small or lopsided
                // candidate set cannot drive a level to an extreme the data barely supports.
                var alpha = config.EmPriorStrength;
                if (mDen[i] + alpha <= 0) continue;
                for (var l = 0; l < m[i].Length; l++)
                {
                    var next = ComparisonParameters.Clamp((mNum[i][l] + alpha * prior[i][l]) / (mDen[i] + alpha));
                    change = Math.Max(change, Math.Abs(next - m[i][l]));
                    m[i][l] = next;
                }
            }
            if (change < config.EmTolerance) { converged = true; break; }
        }

        var model = new FellegiSunterModel
        {
            Kind = kind,
            Lambda = lambda,
            EmIterations = iterations,
            EmConverged = converged,
            TrainingPairs = (long)total,
            USamplePairs = uSamplePairs,
        };
        for (var i = 0; i < comparisons.Count; i++)
        {
            model.Comparisons.Add(new ComparisonParameters
            {
                Name = comparisons[i].Name,
                Levels = comparisons[i].LevelLabels.ToList(),
                M = m[i],
                U = u[i],
            });
        }
        return model;
    }

    private static double[] InitialM(CompiledComparison c)
    {
        var levels = c.Definition.Levels;
        var m = new double[c.LevelCount];
        double assigned = 0;
        for (var l = 0; l < levels.Count; l++)
        {
            // Default: the best level is the likeliest among matches, each weaker level less so.
            m[l] = levels[l].M ?? 0.7 / Math.Pow(3, l);
            assigned += m[l];
        }
        m[^1] = Math.Max(0.05, 1 - assigned);
        var sum = m.Sum();
        for (var l = 0; l < m.Length; l++) m[l] /= sum;
        return m;
    }
}
