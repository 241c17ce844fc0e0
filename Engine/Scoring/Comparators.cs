using F23.StringSimilarity;

namespace Mdm.Engine.Scoring;

/// <summary>
/// The comparator functions a comparison level may use. All are pure, allocation-free on the common path and safe to
/// call from several threads (F23's comparators keep no state).
/// </summary>
public static class Comparators
{
    private static readonly JaroWinkler JaroWinklerMetric = new();
    private static readonly Levenshtein LevenshteinMetric = new();

    public static bool Exact(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    public static double JaroWinkler(string a, string b) =>
        ReferenceEquals(a, b) || a == b ? 1.0 : JaroWinklerMetric.Similarity(a, b);

    /// <summary>Edit distance, stopping early once <paramref name="limit"/> is passed.</summary>
    public static int Levenshtein(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        return (int)LevenshteinMetric.Distance(a, b, limit + 1);
    }

    /// <summary>True when two space-separated value lists share a value (phones, emails).</summary>
    public static bool Overlap(string a, string b) => SharedValue(a, b, out _);

    /// <summary>The first value two space-separated lists share, or null.</summary>
    public static string? FirstShared(string a, string b) => SharedValue(a, b, out var range) ? a[range] : null;

    private static bool SharedValue(string a, string b, out Range shared)
    {
        var sa = a.AsSpan();
        foreach (var ra in sa.Split(' '))
        {
            var va = sa[ra];
            if (va.IsEmpty) continue;
            var sb = b.AsSpan();
            foreach (var rb in sb.Split(' '))
                if (sb[rb].SequenceEqual(va)) { shared = ra; return true; }
        }
        shared = default;
        return false;
    }

    public static bool Prefix(string a, string b, int length) =>
        a.Length >= length && b.Length >= length && a.AsSpan(0, length).SequenceEqual(b.AsSpan(0, length));

    /// <summary>
    /// Two yyyy-MM-dd dates that differ by one typed digit, or whose month and day were swapped on entry.
    /// </summary>
    public static bool DateNear(string a, string b)
    {
        if (a.Length != 10 || b.Length != 10) return false;
        var diff = 0;
        for (var i = 0; i < 10; i++) if (a[i] != b[i]) diff++;
        if (diff <= 1) return true;
        // yyyy-MM-dd vs yyyy-dd-MM
        return a.AsSpan(0, 5).SequenceEqual(b.AsSpan(0, 5))
               && a.AsSpan(5, 2).SequenceEqual(b.AsSpan(8, 2))
               && a.AsSpan(8, 2).SequenceEqual(b.AsSpan(5, 2));
    }
}
