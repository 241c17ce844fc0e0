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
        ReferenceEquals(a, b) || a == b ? 1.0
        : a.Length <= MaxStackLength && b.Length <= MaxStackLength ? JaroWinklerOnStack(a, b)
        : JaroWinklerMetric.Similarity(a, b);

    private const int MaxStackLength = 256;

    /// <summary>
    /// F23's Jaro–Winkler, the same arithmetic to the bit (float sums, the whole common prefix, the 0.7 boost threshold),
    /// with its five arrays per call replaced by stack memory: names and addresses of every candidate pair go through it.
    /// </summary>
    private static double JaroWinklerOnStack(string s1, string s2)
    {
        var (max, min) = s1.Length > s2.Length ? (s1, s2) : (s2, s1);
        var range = Math.Max(max.Length / 2 - 1, 0);
        Span<bool> minMatched = stackalloc bool[min.Length];
        Span<bool> maxMatched = stackalloc bool[max.Length];
        minMatched.Clear();
        maxMatched.Clear();
        var matches = 0;
        for (var mi = 0; mi < min.Length; mi++)
        {
            var c1 = min[mi];
            for (int xi = Math.Max(mi - range, 0), xn = Math.Min(mi + range + 1, max.Length); xi < xn; xi++)
            {
                if (!maxMatched[xi] && c1 == max[xi])
                {
                    minMatched[mi] = true;
                    maxMatched[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0;
        // Matched characters in the order of each string; positions where they differ are half-transpositions.
        var transpositions = 0;
        for (int i = 0, j = 0; i < min.Length; i++)
        {
            if (!minMatched[i]) continue;
            while (!maxMatched[j]) j++;
            if (min[i] != max[j]) transpositions++;
            j++;
        }
        var prefix = 0;
        while (prefix < min.Length && s1[prefix] == s2[prefix]) prefix++;
        float m = matches;
        double jaro = (m / s1.Length + m / s2.Length + (m - transpositions / 2) / m) / 3;
        return jaro > 0.7 ? jaro + Math.Min(0.1, 1.0 / max.Length) * prefix * (1 - jaro) : jaro;
    }

    /// <summary>Edit distance, stopping early once <paramref name="limit"/> is passed.</summary>
    public static int Levenshtein(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        return (int)LevenshteinMetric.Distance(a, b, limit + 1);
    }

    /// <summary>
    /// Whether two values are the same but for one typing error: one character replaced, two neighbouring characters
    /// swapped, or one character added or left out (optimal string alignment distance ≤ 1). An identifier re-typed by a
    /// clerk differs from its original like this; two different people's identifiers almost never do.
    /// </summary>
    public static bool WithinOneTypo(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var first = 0;
            while (first < a.Length && a[first] == b[first]) first++;
            if (first == a.Length) return true;
            var last = a.Length - 1;
            while (a[last] == b[last]) last--;
            if (first == last) return true;
            return last == first + 1 && a[first] == b[last] && a[last] == b[first];
        }
        if (a.Length > b.Length) (a, b) = (b, a);
        if (b.Length - a.Length != 1) return false;
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
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
    /// Two yyyy-MM-dd dates that differ by one typed digit or two swapped neighbouring digits (1985 / 1958), or whose
    /// month and day were swapped on entry.
    /// </summary>
    public static bool DateNear(string a, string b) => DateTypo(a, b) || DayMonthSwapped(a, b);

    /// <summary>Two yyyy-MM-dd dates that differ by one typed digit or two swapped neighbouring digits (1985 / 1958).</summary>
    public static bool DateTypo(string a, string b) => a.Length == 10 && b.Length == 10 && WithinOneTypo(a, b);

    /// <summary>Two yyyy-MM-dd dates whose month and day were swapped on entry (1985-03-07 / 1985-07-03).</summary>
    public static bool DayMonthSwapped(string a, string b) =>
        a.Length == 10 && b.Length == 10
        && a.AsSpan(0, 5).SequenceEqual(b.AsSpan(0, 5))
        && a.AsSpan(5, 2).SequenceEqual(b.AsSpan(8, 2))
        && a.AsSpan(8, 2).SequenceEqual(b.AsSpan(5, 2));

    /// <summary>
    /// Whole years between two yyyy-MM-dd dates (month and day counted, so 1958-06-01 and 1983-05-31 are 24 years
    /// apart); -1 when either is not such a date. A father and a son sharing a name and an address are told apart by it.
    /// </summary>
    public static int YearsApart(string a, string b)
    {
        if (!TryDate(a, out var ya, out var ma, out var da) || !TryDate(b, out var yb, out var mb, out var db)) return -1;
        if (ya > yb || (ya == yb && (ma > mb || (ma == mb && da > db))))
        {
            (ya, yb) = (yb, ya); (ma, mb) = (mb, ma); (da, db) = (db, da);
        }
        var years = yb - ya;
        if (mb < ma || (mb == ma && db < da)) years--;
        return years;
    }

    private static bool TryDate(string s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        var span = s.AsSpan();
        return int.TryParse(span[..4], System.Globalization.NumberStyles.None, null, out year)
               && int.TryParse(span.Slice(5, 2), System.Globalization.NumberStyles.None, null, out month)
               && int.TryParse(span.Slice(8, 2), System.Globalization.NumberStyles.None, null, out day);
    }
}
