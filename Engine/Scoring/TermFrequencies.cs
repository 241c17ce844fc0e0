using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// How often each value of a feature occurs among the records of a run, so that agreeing on a common value (张伟, a
/// household landline) counts for less than agreeing on a rare one (欧阳娜娜). Multi-valued features count each value.
/// </summary>
public sealed class TermFrequencies
{
    private readonly Dictionary<string, int>[] _counts;
    private readonly long[] _totals;

    public TermFrequencies(IEnumerable<Feature> features)
    {
        _counts = new Dictionary<string, int>[FeatureNames.Count];
        _totals = new long[FeatureNames.Count];
        foreach (var f in features) _counts[(int)f] ??= new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public bool Tracks(Feature feature) => _counts[(int)feature] is not null;

    public void Add(StandardizedRecord record)
    {
        for (var f = 0; f < _counts.Length; f++)
        {
            var counts = _counts[f];
            if (counts is null) continue;
            var value = record.Values[f];
            if (value is null) continue;
            if (value.Contains(' ') && (Feature)f == Feature.Phones)
            {
                foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Bump(counts, part, f);
            }
            else Bump(counts, value, f);
        }
    }

    private void Bump(Dictionary<string, int> counts, string value, int f)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        _totals[f]++;
    }

    /// <summary>Share of values of <paramref name="feature"/> equal to <paramref name="value"/> (0 when unknown).</summary>
    public double Frequency(Feature feature, string value)
    {
        var counts = _counts[(int)feature];
        if (counts is null || _totals[(int)feature] == 0) return 0;
        return counts.TryGetValue(value, out var n) ? (double)n / _totals[(int)feature] : 0;
    }

    public int Count(Feature feature, string value)
    {
        var counts = _counts[(int)feature];
        return counts is not null && counts.TryGetValue(value, out var n) ? n : 0;
    }
}
