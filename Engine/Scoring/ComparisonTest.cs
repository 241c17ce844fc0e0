using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>One compiled condition of a comparison level: a comparator applied to one feature of both records.</summary>
internal readonly struct ComparisonTest
{
    private readonly TestKind _kind;
    private readonly int _feature;
    private readonly double _threshold;

    private enum TestKind : byte { Exact, JaroWinkler, Levenshtein, Overlap, Prefix, DateNear, BothPresent, YearsApart, Nickname, Latin, OtherScript,
        Typo, DateTypo, DayMonthSwap, YearsWithin }

    private ComparisonTest(TestKind kind, Feature feature, double threshold)
    {
        _kind = kind;
        _feature = (int)feature;
        _threshold = threshold;
    }

    public Feature Feature => (Feature)_feature;

    /// <summary>An exact agreement (or a shared value of a multi-valued feature): the level term frequencies adjust.</summary>
    public bool IsAgreement => _kind is TestKind.Exact or TestKind.Overlap;

    public static ComparisonTest Compile(ConditionDefinition c, string comparison)
    {
        Feature feature;
        try { feature = FeatureNames.Parse(c.Field); }
        catch (FormatException ex) { throw new FormatException($"comparison '{comparison}': {ex.Message}", ex); }
        double Need(string what) => c.Threshold ?? throw new FormatException(
            $"comparison '{comparison}': test '{c.Test}' on '{c.Field}' needs a threshold ({what})");
        return c.Test.ToLowerInvariant() switch
        {
            "exact" => new(TestKind.Exact, feature, 0),
            "jaro_winkler" => new(TestKind.JaroWinkler, feature, Need("minimum similarity, e.g. 0.9")),
            "levenshtein" => new(TestKind.Levenshtein, feature, Need("maximum edits, e.g. 1")),
            "overlap" => new(TestKind.Overlap, feature, 0),
            "prefix" => new(TestKind.Prefix, feature, Need("prefix length")),
            "date_near" => new(TestKind.DateNear, feature, 0),
            "typo" => new(TestKind.Typo, feature, 0),
            "date_typo" => new(TestKind.DateTypo, feature, 0),
            "day_month_swap" => new(TestKind.DayMonthSwap, feature, 0),
            "years_within" => new(TestKind.YearsWithin, feature, Need("maximum whole years between the two dates, e.g. 5")),
            "present" => new(TestKind.BothPresent, feature, 0),
            "years_apart" => new(TestKind.YearsApart, feature, Need("minimum years between the two dates, e.g. 12")),
            "nickname" => new(TestKind.Nickname, feature, 0),
            "latin" => new(TestKind.Latin, feature, 0),
            "other_script" => new(TestKind.OtherScript, feature, 0),
            _ => throw new FormatException(
                $"comparison '{comparison}': unknown test '{c.Test}' (exact, jaro_winkler, levenshtein, typo, overlap, prefix, date_near, date_typo, day_month_swap, years_within, years_apart, nickname, latin, other_script, present)"),
        };
    }

    public bool Holds(StandardizedRecord a, StandardizedRecord b)
    {
        var va = a.Values[_feature];
        var vb = b.Values[_feature];
        if (va is null || vb is null) return false;
        return _kind switch
        {
            TestKind.Exact => Comparators.Exact(va, vb),
            TestKind.JaroWinkler => Comparators.JaroWinkler(va, vb) >= _threshold,
            TestKind.Levenshtein => Comparators.Levenshtein(va, vb, (int)_threshold) <= (int)_threshold,
            TestKind.Overlap => Comparators.Overlap(va, vb),
            TestKind.Prefix => Comparators.Prefix(va, vb, (int)_threshold),
            TestKind.DateNear => Comparators.DateNear(va, vb),
            TestKind.BothPresent => true,
            TestKind.YearsApart => Comparators.YearsApart(va, vb) >= _threshold,
            TestKind.Typo => Comparators.WithinOneTypo(va, vb),
            TestKind.DateTypo => Comparators.DateTypo(va, vb),
            TestKind.DayMonthSwap => Comparators.DayMonthSwapped(va, vb),
            TestKind.YearsWithin => Comparators.YearsApart(va, vb) is var years && years >= 0 && years <= _threshold,
            TestKind.Nickname => Standardization.Names.EnglishNicknames.AreVariants(va, vb),
            // Both written in Latin letters: there, similar spelling is a typo; between Han names it is another name.
            TestKind.Latin => !Standardization.Text.TextNormalizer.ContainsHan(va) && !Standardization.Text.TextNormalizer.ContainsHan(vb),
            // One written in Han, the other in Latin letters (a company's Chinese and English names).
            TestKind.OtherScript => Standardization.Text.TextNormalizer.ContainsHan(va) != Standardization.Text.TextNormalizer.ContainsHan(vb),
            _ => false,
        };
    }
}
