using Mdm.Engine.Scoring;

namespace Mdm.Engine.Evaluation;

/// <summary>
/// Why a set of error pairs (missed or falsely merged) came out as they did: counts by cause, by comparison level and by
/// whole level pattern, so that a user sees which evidence was missing, misread or overruled.
/// </summary>
public sealed class ErrorBreakdown
{
    /// <summary>"missed" or "false merge".</summary>
    public required string Kind { get; init; }

    /// <summary>Pairs diagnosed (a sample when the evaluation held more).</summary>
    public long Pairs { get; init; }

    /// <summary>Cause → pairs, most frequent first.</summary>
    public required IReadOnlyList<(string Cause, long Pairs)> Causes { get; init; }

    /// <summary>Per comparison: level → pairs, most frequent first.</summary>
    public required IReadOnlyList<(string Comparison, IReadOnlyList<(string Level, long Pairs)> Levels)> Levels { get; init; }

    /// <summary>Whole level patterns ("name=exact birth_date=typo …"), most frequent first.</summary>
    public required IReadOnlyList<(string Pattern, long Pairs)> Patterns { get; init; }

    /// <summary>A few pairs of each of the most frequent patterns, with their explanation.</summary>
    public required IReadOnlyList<PairDiagnosis> Examples { get; init; }

    /// <param name="missed">True for missed pairs (same customer, kept apart), false for false merges.</param>
    /// <param name="linkThreshold">The configuration's link threshold.</param>
    public static ErrorBreakdown Of(IReadOnlyList<PairDiagnosis> pairs, bool missed, double linkThreshold, int topPatterns = 15)
    {
        var causes = new Dictionary<string, long>(StringComparer.Ordinal);
        var levels = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var comparisonOrder = new List<string>();
        var patterns = new Dictionary<string, List<PairDiagnosis>>(StringComparer.Ordinal);
        foreach (var d in pairs)
        {
            Bump(causes, Cause(d, missed, linkThreshold));
            if (d.Explanation is not { } e) continue;
            var parts = new List<string>(e.Comparisons.Count);
            foreach (var c in e.Comparisons)
            {
                if (!levels.TryGetValue(c.Comparison, out var byLevel))
                {
                    levels[c.Comparison] = byLevel = new Dictionary<string, long>(StringComparer.Ordinal);
                    comparisonOrder.Add(c.Comparison);
                }
                Bump(byLevel, c.Level);
                if (c.Level != "null") parts.Add($"{c.Comparison}={c.Level}");
            }
            var pattern = string.Join(' ', parts);
            if (!patterns.TryGetValue(pattern, out var list)) patterns[pattern] = list = [];
            list.Add(d);
        }
        var top = patterns.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(topPatterns).ToList();
        return new ErrorBreakdown
        {
            Kind = missed ? "missed" : "false merge",
            Pairs = pairs.Count,
            Causes = Sorted(causes),
            Levels = comparisonOrder.Select(c => (c, (IReadOnlyList<(string, long)>)Sorted(levels[c]))).ToList(),
            Patterns = top.Select(kv => (kv.Key, (long)kv.Value.Count)).ToList(),
            Examples = top.Take(5).SelectMany(kv => kv.Value.Take(2)).ToList(),
        };
    }

    /// <summary>The one cause a pair is counted under.</summary>
    public static string Cause(PairDiagnosis d, bool missed, double linkThreshold)
    {
        if (!d.Found) return "record not in the store";
        if (d.Explanation is not { } e) return "one a person, the other an organization (never compared)";
        if (missed)
        {
            if (!d.SharesBlockingKey) return "never a candidate (no shared blocking key)";
            if (e.CappedBy is { } by) return $"capped by {by}={e.Comparisons.First(c => c.Comparison == by).Level}";
            return e.Probability < linkThreshold
                ? "scored below the link threshold"
                : "scored above the link threshold, kept apart by the clusterer (chain guard, counter-evidence or block cap)";
        }
        return e.Probability >= linkThreshold
            ? "scored above the link threshold"
            : "joined through other records (pair itself below the link threshold)";
    }

    private static void Bump(Dictionary<string, long> counts, string key) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;

    private static List<(string, long)> Sorted(Dictionary<string, long> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
}
