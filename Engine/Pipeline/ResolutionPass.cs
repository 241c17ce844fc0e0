using Mdm.Engine.Stewardship;
using System.Collections.Concurrent;
using Mdm.Engine.Candidates;
using Mdm.Engine.Resolution;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// The steps every resolution takes once it has its records and candidate pairs, whether it covers the whole store or
/// the customers one change touches: compare each pair into an agreement pattern, score it, and cluster with steward
/// decisions, identifier evidence and the previous resolution's customers as constraints. Assembly follows in
/// <see cref="ResolutionAssembler"/>.
/// </summary>
internal static class ResolutionPass
{
    /// <summary>Agreement patterns of <paramref name="pairs"/> (packed positions): one per pair, reused by training and scoring.</summary>
    public static ulong[] Compare(StandardizedRecord[] records, long[] pairs, int count, PairScorer scorer, CancellationToken ct)
    {
        var patterns = new ulong[count];
        ForRanges(count, ct, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var (a, b) = CandidatePairs.Unpack(pairs[i]);
                patterns[i] = scorer.Pattern(records[a], records[b]);
            }
        });
        return patterns;
    }

    /// <summary>Match weight and probability of each compared pair.</summary>
    public static (ScoredPair[] Scored, float[] Weights) Score(StandardizedRecord[] records, long[] pairs, ulong[] patterns, PairScorer scorer,
        CancellationToken ct)
    {
        var scored = new ScoredPair[patterns.Length];
        var weights = new float[patterns.Length];
        ForRanges(patterns.Length, ct, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var (a, b) = CandidatePairs.Unpack(pairs[i]);
                var w = scorer.MatchWeight(patterns[i], records[a], records[b]);
                weights[i] = (float)w;
                scored[i] = new ScoredPair(a, b, (float)FellegiSunterModel.ToProbability(w));
            }
        });
        return (scored, weights);
    }

    /// <summary>
    /// Clusters the scored pairs. Steward decisions win over the scorer; <paramref name="positionOf"/> maps a store id to
    /// its position (-1: not in this resolution, and its decisions are ignored); <paramref name="previous"/> (record id →
    /// golden ID before) keeps customers together that a weak link joined before.
    /// </summary>
    public static ClusteringResult Cluster(MatchingConfiguration matching, StandardizedRecord[] records, ScoredPair[] scored, PairScorer scorer,
        IEnumerable<StewardDecision> decisions, Func<int, int> positionOf, IReadOnlyDictionary<int, string> previous)
    {
        var constraints = new ClusteringConstraints();
        foreach (var d in decisions)
        {
            var ia = positionOf(d.RecordA); var ib = positionOf(d.RecordB);
            if (ia < 0 || ib < 0) continue;
            (d.Link ? constraints.ForcedLinks : constraints.ForcedSeparations).Add((ia, ib));
        }
        // Lets the clusterer ask the scorer about pairs blocking never scored (see ClusteringConstraints.RuledOut).
        var can = new bool[records.Length];
        for (var i = 0; i < records.Length; i++) can[i] = scorer.CanRuleOut(records[i]);
        constraints.CanRuleOut = can;
        constraints.RuledOut = (a, b) => scorer.RulesOut(records[a], records[b]);
        if (previous.Count > 0)
        {
            var previousOf = new string?[records.Length];
            for (var i = 0; i < records.Length; i++) previousOf[i] = previous.GetValueOrDefault(records[i].Id);
            constraints.PreviouslyTogether = (a, b) => previousOf[a] is { } ga && ga == previousOf[b];
        }
        var clusterer = new Clusterer(matching.LinkThreshold, matching.ReviewThreshold, matching.CannotLinkThreshold,
            matching.ClusterLinkShare, matching.StickyLinkThreshold);
        return clusterer.Cluster(records.Length, scored, constraints);
    }

    /// <summary>Runs <paramref name="body"/> over ranges of [0, count): in parallel for the large pair sets of a batch, inline for a real-time resolve's few.</summary>
    private static void ForRanges(int count, CancellationToken ct, Action<int, int> body)
    {
        if (count < 4096)
        {
            body(0, count);
            return;
        }
        var size = Math.Clamp(count / (Environment.ProcessorCount * 4), 4096, 65_536);
        Parallel.ForEach(Partitioner.Create(0, count, size), new ParallelOptions { CancellationToken = ct }, range => body(range.Item1, range.Item2));
    }
}
