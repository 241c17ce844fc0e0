using Mdm.Engine.Standardization;

namespace Mdm.Engine.Resolution;

/// <summary>
/// Builds a golden record from its members, field by field. A value wins by the source's trust, then recency, then the
/// record's completeness, then how many records agree; the rule that decided is kept as lineage. Phones are the union of
/// all members' valid phones. Deterministic: the same members give the same golden record, byte for byte.
/// </summary>
public static class Survivorship
{
    private static readonly Feature[] SingleValued =
    [
        Feature.Name, Feature.FamilyName, Feature.GivenName, Feature.BirthDate, Feature.Gender, Feature.NationalId,
        Feature.Email, Feature.Address, Feature.ProvinceCode, Feature.CityCode, Feature.CountyCode, Feature.TownshipCode,
        Feature.Postcode, Feature.CompanyCore, Feature.CreditCode,
    ];

    public static GoldenRecord Build(string goldenId, IReadOnlyList<StandardizedRecord> members)
    {
        var ordered = members.OrderBy(m => m.System, StringComparer.Ordinal).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var record = new GoldenRecord
        {
            GoldenId = goldenId,
            Kind = ordered[0].Kind,
            MemberCount = ordered.Count,
            Systems = ordered.Select(m => m.System).Distinct().ToList(),
        };
        foreach (var feature in SingleValued)
        {
            var pick = Pick(ordered, feature);
            if (pick is null) continue;
            record.Fields[feature.Name()] = pick.Value.Value;
            record.Lineage[feature.Name()] = pick.Value.Lineage;
        }
        // Name: a Han form, when any member has one, is what a Chinese call-center agent expects to read.
        var han = PickHanName(ordered);
        if (han is not null)
        {
            record.Fields[Feature.Name.Name()] = han.Value.Value;
            record.Lineage[Feature.Name.Name()] = han.Value.Lineage;
        }
        var phones = new SortedSet<string>(StringComparer.Ordinal);
        var phoneSources = new SortedSet<string>(StringComparer.Ordinal);
        StandardizedRecord? firstPhone = null;
        foreach (var m in ordered)
        {
            var v = m[Feature.Phones];
            if (v is null) continue;
            firstPhone ??= m;
            phoneSources.Add(m.System);
            foreach (var p in v.Split(' ', StringSplitOptions.RemoveEmptyEntries)) phones.Add(p);
        }
        if (phones.Count > 0)
        {
            record.Fields[Feature.Phones.Name()] = string.Join(' ', phones);
            record.Lineage[Feature.Phones.Name()] = new FieldLineage(firstPhone!.System, firstPhone.Key,
                phoneSources.Count == 1 ? "only source" : $"union of {phoneSources.Count} sources");
        }
        return record;
    }

    private static (string Value, FieldLineage Lineage)? PickHanName(List<StandardizedRecord> members)
    {
        var han = members.Where(m => m[Feature.Name] is { } n && HasHan(n)).ToList();
        if (han.Count == 0 || han.Count == members.Count(m => m[Feature.Name] is not null)) return null;
        return Pick(han, Feature.Name);
    }

    private static bool HasHan(string s)
    {
        foreach (var c in s) if (c >= '\u3400' && c <= '\u9FFF') return true;
        return false;
    }

    private static (string Value, FieldLineage Lineage)? Pick(List<StandardizedRecord> members, Feature feature)
    {
        StandardizedRecord? best = null;
        var agree = new Dictionary<string, int>(StringComparer.Ordinal);
        var withValue = 0;
        foreach (var m in members)
        {
            var v = m[feature];
            if (v is null) continue;
            withValue++;
            agree[v] = agree.GetValueOrDefault(v) + 1;
        }
        if (withValue == 0) return null;
        string rule = "only source";
        foreach (var m in members)
        {
            var v = m[feature];
            if (v is null) continue;
            if (best is null) { best = m; continue; }
            if (Compare(m, best, agree[v], agree[best[feature]!], out _) > 0) best = m;
        }
        if (withValue > 1)
        {
            // Say which criterion separated the winner from the runner-up.
            var runnerUp = members.Where(m => m[feature] is not null && !ReferenceEquals(m, best))
                .OrderByDescending(m => m, Comparer<StandardizedRecord>.Create((x, y) => Compare(x, y, agree[x[feature]!], agree[y[feature]!], out _)))
                .First();
            if (runnerUp[feature] == best![feature]) rule = $"agreed by {agree[best[feature]!]} of {withValue}";
            else
            {
                Compare(best, runnerUp, agree[best[feature]!], agree[runnerUp[feature]!], out var decidedBy);
                rule = decidedBy;
            }
        }
        return (best![feature]!, new FieldLineage(best.System, best.Key, rule));
    }

    /// <summary>Positive when <paramref name="x"/> should win over <paramref name="y"/>.</summary>
    private static int Compare(StandardizedRecord x, StandardizedRecord y, int agreeX, int agreeY, out string decidedBy)
    {
        if (x.Trust != y.Trust) { decidedBy = $"trust {Math.Max(x.Trust, y.Trust)}"; return x.Trust.CompareTo(y.Trust); }
        var rx = x.UpdatedAt ?? DateTimeOffset.MinValue; var ry = y.UpdatedAt ?? DateTimeOffset.MinValue;
        if (rx != ry) { decidedBy = $"most recent ({(rx > ry ? rx : ry):yyyy-MM-dd})"; return rx.CompareTo(ry); }
        var cx = x.Completeness; var cy = y.Completeness;
        if (cx != cy) { decidedBy = "most complete"; return cx.CompareTo(cy); }
        if (agreeX != agreeY) { decidedBy = $"agreed by {Math.Max(agreeX, agreeY)}"; return agreeX.CompareTo(agreeY); }
        decidedBy = "first by system and key";
        // Earlier (system, key) wins: members arrive sorted, so the incumbent is earlier.
        return -1;
    }
}
