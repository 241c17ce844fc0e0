using Mdm.Engine.Standardization;

namespace Mdm.Engine.Reports;

/// <summary>
/// The fields on which a golden customer's member records disagree, compared on standardized values so that script,
/// width and format differences (張偉 / 张伟, 1980/1/2 / 19800102) are not conflicts and a real difference is.
/// </summary>
public static class MemberConflicts
{
    /// <summary>The fields compared, in report order, with what a disagreement means.</summary>
    public static readonly IReadOnlyList<(string Field, string Description)> Fields =
    [
        ("name", "different names: persons' not the same in pinyin or in Han, companies' core names (without legal form and region) differing in one script"),
        ("birth_date", "different birth dates"),
        ("gender", "different genders"),
        ("national_id", "different ID card or identifier numbers"),
        ("credit_code", "different credit codes"),
        ("phone", "two records without a phone number in common"),
        ("email", "different e-mail addresses"),
        ("address", "addresses in different counties or on different streets or numbers"),
    ];

    /// <summary>Each disagreeing field with the distinct values ("1980-01-02 | 1980-02-01").</summary>
    public static List<(string Field, string Values)> Find(IReadOnlyList<StandardizedRecord> members)
    {
        var result = new List<(string, string)>();
        if (members.Count < 2) return result;
        if (NamesDisagree(members)) result.Add(("name", Join(Distinct(members, Feature.Name))));
        foreach (var (field, feature) in new[] { ("birth_date", Feature.BirthDate), ("gender", Feature.Gender), ("national_id", Feature.NationalId), ("credit_code", Feature.CreditCode) })
        {
            var values = Distinct(members, feature);
            if (values.Count > 1) result.Add((field, Join(values)));
        }
        if (PhonesDisjoint(members)) result.Add(("phone", Join(Distinct(members, Feature.Phones))));
        var email = Distinct(members, Feature.Email);
        if (email.Count > 1) result.Add(("email", Join(email)));
        var county = Distinct(members, Feature.CountyCode);
        var street = Distinct(members, m => m[Feature.StreetName] is { } s && m[Feature.StreetNumber] is { } n ? s + " " + n : null);
        if (county.Count > 1 || street.Count > 1) result.Add(("address", Join(Distinct(members, Feature.Address))));
        return result;
    }

    /// <summary>
    /// Persons: pinyin keys differ (张伟 and "Wei Zhang" agree) or two Han forms differ (张伟 / 张玮). Companies: the cores
    /// differ within one script — a Chinese name and its English translation share no letters and are no conflict,
    /// and neither is a legal form or a region left out (广州市通城投资股份有限公司 / 广州通城投资).
    /// </summary>
    private static bool NamesDisagree(IReadOnlyList<StandardizedRecord> members)
    {
        if (members[0].Kind == Records.PartyKind.Organization)
            return Distinct(members, m => m[Feature.CompanyCore] is { } c && HasHan(c) ? c : null).Count > 1
                   || Distinct(members, m => m[Feature.CompanyCore] is { } c && !HasHan(c) ? c : null).Count > 1;
        return Distinct(members, Feature.NamePinyinKey).Count > 1
               || Distinct(members, m => m[Feature.Name] is { } n && HasHan(n) ? n : null).Count > 1;
    }

    /// <summary>
    /// A member whose phones share none with all the other members' phones together: a customer whose two phones are
    /// spread over records ({a}, {a b}, {b}) is no conflict.
    /// </summary>
    private static bool PhonesDisjoint(IReadOnlyList<StandardizedRecord> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i][Feature.Phones] is not { } a) continue;
            var others = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < members.Count; j++)
                if (j != i && members[j][Feature.Phones] is { } b) others.UnionWith(b.Split(' '));
            if (others.Count > 0 && !others.Overlaps(a.Split(' '))) return true;
        }
        return false;
    }

    private static List<string> Distinct(IReadOnlyList<StandardizedRecord> members, Feature feature) => Distinct(members, m => m[feature]);

    private static List<string> Distinct(IReadOnlyList<StandardizedRecord> members, Func<StandardizedRecord, string?> value)
    {
        var list = new List<string>(2);
        foreach (var m in members)
            if (value(m) is { } v && !list.Contains(v, StringComparer.Ordinal)) list.Add(v);
        return list;
    }

    private static string Join(List<string> values) => string.Join(" | ", values);

    private static bool HasHan(string s)
    {
        foreach (var c in s) if (c is >= '\u3400' and <= '\u9FFF') return true;
        return false;
    }
}
