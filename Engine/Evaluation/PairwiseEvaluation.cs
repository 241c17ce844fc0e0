namespace Mdm.Engine.Evaluation;

/// <summary>
/// Pairwise accuracy of a clustering against labelled truth, counted from the contingency table of predicted cluster ×
/// true entity, so it costs O(records) rather than O(pairs). A false-merge pair is two records put together that are
/// different customers; a missed pair is two records of one customer left apart.
/// </summary>
public sealed class PairwiseEvaluation
{
    public long Records { get; init; }
    public long RecordsOnlyInTruth { get; init; }
    public long RecordsOnlyPredicted { get; init; }
    public long TruePairs { get; init; }
    public long PredictedPairs { get; init; }
    public long CorrectPairs { get; init; }
    public long FalseMergePairs => PredictedPairs - CorrectPairs;
    public long MissedPairs => TruePairs - CorrectPairs;
    public long PredictedClusters { get; init; }
    public long TrueEntities { get; init; }
    /// <summary>Predicted clusters that hold records of more than one true entity.</summary>
    public long ImpureClusters { get; init; }
    /// <summary>True entities whose records are spread over more than one predicted cluster.</summary>
    public long SplitEntities { get; init; }
    public List<(string KeyA, string KeyB)> FalseMergeExamples { get; init; } = [];
    public List<(string KeyA, string KeyB)> MissedExamples { get; init; } = [];

    /// <summary>Record pairs of one entity kept apart (all of them, up to the limit given to <see cref="Compute"/>).</summary>
    public List<(string KeyA, string KeyB)> MissedPairList { get; init; } = [];

    /// <summary>Record pairs of different entities put together (up to the limit given to <see cref="Compute"/>).</summary>
    public List<(string KeyA, string KeyB)> FalseMergePairList { get; init; } = [];

    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <param name="predicted">Record ("system/key") → predicted cluster (golden ID).</param>
    /// <param name="truth">Record → true entity.</param>
    /// <param name="maxErrorPairs">How many missed and false-merge pairs to list for diagnosis (each).</param>
    public static PairwiseEvaluation Compute(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> truth, int examples = 10,
        int maxErrorPairs = 0)
    {
        var cell = new Dictionary<(string, string), long>();
        var byCluster = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byEntity = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        long records = 0, onlyTruth = 0;
        foreach (var (record, entity) in truth)
        {
            if (!predicted.TryGetValue(record, out var cluster)) { onlyTruth++; continue; }
            records++;
            cell[(cluster, entity)] = cell.GetValueOrDefault((cluster, entity)) + 1;
            Add(byCluster, cluster, record);
            Add(byEntity, entity, record);
        }
        long onlyPredicted = 0;
        foreach (var record in predicted.Keys) if (!truth.ContainsKey(record)) onlyPredicted++;

        static long Pairs(long n) => n * (n - 1) / 2;
        long correct = 0, truePairs = 0, predictedPairs = 0;
        foreach (var n in cell.Values) correct += Pairs(n);
        foreach (var l in byCluster.Values) predictedPairs += Pairs(l.Count);
        foreach (var l in byEntity.Values) truePairs += Pairs(l.Count);

        var falseMerges = new List<(string, string)>();
        var falseMergeList = new List<(string, string)>();
        long impure = 0;
        foreach (var (_, members) in byCluster.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var entities = members.Select(m => truth[m]).Distinct().Count();
            if (entities <= 1) continue;
            impure++;
            if (falseMergeList.Count < maxErrorPairs)
            {
                members.Sort(StringComparer.Ordinal);
                for (var i = 0; i < members.Count && falseMergeList.Count < maxErrorPairs; i++)
                    for (var j = i + 1; j < members.Count && falseMergeList.Count < maxErrorPairs; j++)
                        if (truth[members[i]] != truth[members[j]]) falseMergeList.Add((members[i], members[j]));
            }
            if (falseMerges.Count >= examples) continue;
            members.Sort(StringComparer.Ordinal);
            for (var i = 0; i < members.Count && falseMerges.Count < examples; i++)
                for (var j = i + 1; j < members.Count; j++)
                    if (truth[members[i]] != truth[members[j]]) { falseMerges.Add((members[i], members[j])); break; }
        }
        var missed = new List<(string, string)>();
        var missedList = new List<(string, string)>();
        long split = 0;
        foreach (var (_, members) in byEntity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var clusters = members.Select(m => predicted[m]).Distinct().Count();
            if (clusters <= 1) continue;
            split++;
            if (missedList.Count < maxErrorPairs)
            {
                members.Sort(StringComparer.Ordinal);
                for (var i = 0; i < members.Count && missedList.Count < maxErrorPairs; i++)
                    for (var j = i + 1; j < members.Count && missedList.Count < maxErrorPairs; j++)
                        if (predicted[members[i]] != predicted[members[j]]) missedList.Add((members[i], members[j]));
            }
            if (missed.Count >= examples) continue;
            members.Sort(StringComparer.Ordinal);
            for (var j = 1; j < members.Count; j++)
                if (predicted[members[0]] != predicted[members[j]]) { missed.Add((members[0], members[j])); break; }
        }
        return new PairwiseEvaluation
        {
            Records = records,
            RecordsOnlyInTruth = onlyTruth,
            RecordsOnlyPredicted = onlyPredicted,
            TruePairs = truePairs,
            PredictedPairs = predictedPairs,
            CorrectPairs = correct,
            PredictedClusters = byCluster.Count,
            TrueEntities = byEntity.Count,
            ImpureClusters = impure,
            SplitEntities = split,
            FalseMergeExamples = falseMerges,
            MissedExamples = missed,
            MissedPairList = missedList,
            FalseMergePairList = falseMergeList,
        };
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
