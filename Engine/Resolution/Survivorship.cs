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
        var ordered = new List<StandardizedRecord>(members);
        if (ordered.Count > 1)
            ordered.Sort((x, y) =>
            {
                var c = string.CompareOrdinal(x.System, y.System);
                return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
            });
        var systems = new List<string>(2);
        foreach (var m in ordered) if (systems.Count == 0 || systems[^1] != m.System) systems.Add(m.System);
        var record = new GoldenRecord
        {
            GoldenId = goldenId,
            Kind = ordered[0].Kind,
            MemberCount = ordered.Count,
            Systems = systems,
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
        List<StandardizedRecord>? han = null;
        var named = 0;
        foreach (var m in members)
        {
            if (m[Feature.Name] is not { } n) continue;
            named++;
            if (HasHan(n)) (han ??= []).Add(m);
        }
        if (han is null || han.Count == named) return null;
        return Pick(han, Feature.Name);
    }

    private static bool HasHan(string s)
    {
        foreach (var c in s) if (c >= '\u3400' && c <= '\u9FFF') return true;
        return false;
    }

    private static (string Value, FieldLineage Lineage)? Pick(List<StandardizedRecord> members, Feature feature)
    {
        if (members.Count == 1)
        {
            var only = members[0];
            return only[feature] is { } v ? (v, new FieldLineage(only.System, only.Key, "only source")) : null;
        }
        // Clusters are small: agreement counts by a linear scan cost less than a dictionary per field.
        var withValue = 0;
        foreach (var m in members) if (m[feature] is not null) withValue++;
        if (withValue == 0) return null;
        int Agree(string value)
        {
            var n = 0;
            foreach (var m in members) if (m[feature] == value) n++;
            return n;
        }
        // One pass keeps the best and the runner-up, so the lineage can say which rule separated them.
        StandardizedRecord? best = null, second = null;
        foreach (var m in members)
        {
            var v = m[feature];
            if (v is null) continue;
            if (best is null) { best = m; continue; }
            if (Compare(m, best, Agree(v), Agree(best[feature]!), out _) > 0) { second = best; best = m; }
            else if (second is null || Compare(m, second, Agree(v), Agree(second[feature]!), out _) > 0) second = m;
        }
        var value = best![feature]!;
        string rule;
        if (second is null) rule = "only source";
        else if (second[feature] == value) rule = $"agreed by {Agree(value)} of {withValue}";
        else rule = Compare(best, second, Agree(value), Agree(second[feature]!));
        return (value, new FieldLineage(best.System, best.Key, rule));
    }

    private enum Decider : byte { Trust, Recency, Completeness, Agreement, Order }

    /// <summary>Positive when <paramref name="x"/> should win over <paramref name="y"/>; allocation-free (runs per field per member).</summary>
    private static int Compare(StandardizedRecord x, StandardizedRecord y, int agreeX, int agreeY, out Decider decidedBy)
    {
        if (x.Trust != y.Trust) { decidedBy = Decider.Trust; return x.Trust.CompareTo(y.Trust); }
        var rx = x.UpdatedAt ?? DateTimeOffset.MinValue; var ry = y.UpdatedAt ?? DateTimeOffset.MinValue;
        if (rx != ry) { decidedBy = Decider.Recency; return rx.CompareTo(ry); }
        var cx = x.Completeness; var cy = y.Completeness;
        if (cx != cy) { decidedBy = Decider.Completeness; return cx.CompareTo(cy); }
        if (agreeX != agreeY) { decidedBy = Decider.Agreement; return agreeX.CompareTo(agreeY); }
        // Earlier (system, key) wins: members arrive sorted, so the incumbent is earlier.
        decidedBy = Decider.Order;
        return -1;
    }

    private static string Compare(StandardizedRecord winner, StandardizedRecord runnerUp, int agreeWinner, int agreeRunnerUp)
    {
        Compare(winner, runnerUp, agreeWinner, agreeRunnerUp, out var decider);
        return decider switch
        {
            Decider.Trust => $"trust {winner.Trust}",
            Decider.Recency => $"most recent ({winner.UpdatedAt:yyyy-MM-dd})",
            Decider.Completeness => "most complete",
            Decider.Agreement => $"agreed by {agreeWinner}",
            _ => "first by system and key",
        };
    }
}
