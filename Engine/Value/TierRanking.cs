namespace Mdm.Engine.Value;

/// <summary>
/// The tier rule. The ranked customers are those with a positive recent value (n of them), ordered by it, highest first.
/// With shares s, l, m the top tiers end at the cumulative ranks floor(s·n), floor((s+l)·n) and floor((s+l+m)·n) (exact
/// decimal arithmetic, so 1 % of 100 is 1, never 0.999…); a tier whose end rank is 0 is empty — fewer than 100 ranked
/// customers have no super customer at the default 1 %. A tier's threshold is the recent value at its end rank, and a
/// customer belongs to the highest tier whose threshold it reaches: customers tied with one inside a tier join that tier,
/// so equal values always get equal tiers and the result depends only on the values, never on their order or on golden IDs.
/// </summary>
public static class TierRanking
{
    public static TierThresholds Rank(IReadOnlyCollection<long> recentCents, TierPolicy policy, DateOnly asOf, long runId)
    {
        var ranked = new List<long>(recentCents.Count);
        foreach (var v in recentCents) if (v > 0) ranked.Add(v);
        ranked.Sort((a, b) => b.CompareTo(a));
        var n = ranked.Count;
        long? At(decimal cumulativeShare)
        {
            var end = (long)decimal.Floor(cumulativeShare * n);
            return end >= 1 ? ranked[(int)Math.Min(end, n) - 1] : null;
        }
        return new TierThresholds(asOf, asOf.AddMonths(-policy.Months), policy.Months, n,
            At(policy.SuperShare), At(policy.SuperShare + policy.LargeShare), At(policy.SuperShare + policy.LargeShare + policy.MediumShare), runId);
    }
}
