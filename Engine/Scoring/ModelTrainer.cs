using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// Estimates Fellegi–Sunter parameters without labels, as Splink does: u from comparing random pairs (almost all of which
/// are non-matches), then m and λ by expectation–maximisation over the candidate pairs' level patterns with u held fixed.
/// </summary>
public static class ModelTrainer
{
    /// <summary>u probabilities per comparison level, from <paramref name="sampleSize"/> random pairs of <paramref name="records"/>.</summary>
    public static double[][] EstimateU(PairScorer scorer, PartyKind kind, IReadOnlyList<StandardizedRecord> records, int sampleSize, int seed)
    {
        var comparisons = scorer.ComparisonsFor(kind);
        var counts = new long[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++) counts[i] = new long[comparisons[i].LevelCount];
        if (records.Count >= 2)
        {
            // Partitioned with fixed seeds so the estimate does not depend on thread scheduling.
            const int partitions = 8;
            var per = sampleSize / partitions;
            var partial = new long[partitions][][];
            Parallel.For(0, partitions, p =>
            {
                var rng = new Random(seed * 31 + p);
                var local = new long[comparisons.Count][];
                for (var i = 0; i < comparisons.Count; i++) local[i] = new long[comparisons[i].LevelCount];
                for (var s = 0; s < per; s++)
                {
                    var a = records[rng.Next(records.Count)];
                    var b = records[rng.Next(records.Count)];
                    if (ReferenceEquals(a, b)) continue;
                    for (var i = 0; i < comparisons.Count; i++)
                    {
                        var level = comparisons[i].Evaluate(a, b);
                        if (level >= 0) local[i][level]++;
                    }
                }
                partial[p] = local;
            });
            foreach (var local in partial)
                for (var i = 0; i < counts.Length; i++)
                    for (var l = 0; l < counts[i].Length; l++) counts[i][l] += local[i][l];
        }
        var u = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++)
        {
            var n = counts[i].Sum();
            u[i] = new double[counts[i].Length];
            // Add-one smoothing: a level never seen among random pairs (same ID card) gets u ≈ 1/n, not 0.
            for (var l = 0; l < counts[i].Length; l++) u[i][l] = (counts[i][l] + 1.0) / (n + counts[i].Length);
        }
        return u;
    }

    /// <summary>
    /// EM over the histogram of candidate-pair patterns. u stays fixed; m starts from the configured values (or a
    /// decreasing default) and λ from <paramref name="initialLambda"/>.
    /// </summary>
    public static FellegiSunterModel Train(PairScorer scorer, PartyKind kind, IReadOnlyDictionary<ulong, long> patternCounts,
        double[][] u, MatchingConfiguration config, long uSamplePairs, double initialLambda = 0.2)
    {
        var comparisons = scorer.ComparisonsFor(kind);
        var m = new double[comparisons.Count][];
        for (var i = 0; i < comparisons.Count; i++) m[i] = InitialM(comparisons[i]);

        var patterns = patternCounts.Keys.ToArray();
        var weights = patternCounts.Values.Select(v => (double)v).ToArray();
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
                if (mDen[i] <= 0) continue;
                for (var l = 0; l < m[i].Length; l++)
                {
                    var next = ComparisonParameters.Clamp(mNum[i][l] / mDen[i]);
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
