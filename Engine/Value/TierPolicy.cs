namespace Mdm.Engine.Value;

/// <summary>
/// How customers are ranked into tiers ("value" in the sources file): the shares of the ranked customers in the top three
/// tiers (the rest is small), the length of the recent window in months, and the day it ends on.
/// </summary>
public sealed record TierPolicy
{
    public static readonly TierPolicy Default = new();

    public decimal SuperShare { get; init; } = 0.01m;
    public decimal LargeShare { get; init; } = 0.04m;
    public decimal MediumShare { get; init; } = 0.15m;
    public int Months { get; init; } = 12;
    public ValueAsOf AsOf { get; init; } = ValueAsOf.Today;

    public const int MaxMonths = 1200;

    /// <summary>Why the policy cannot be used (a share outside 0–1, shares adding up past 1, months outside 1–1200), or null.</summary>
    public string? Problem()
    {
        foreach (var (name, share) in new[] { ("super", SuperShare), ("large", LargeShare), ("medium", MediumShare) })
            if (share is < 0 or > 1) return $"the share of \"{name}\" must be from 0 to 1, not {share}";
        if (SuperShare + LargeShare + MediumShare > 1) return $"the shares of super, large and medium add up to {SuperShare + LargeShare + MediumShare}, more than 1";
        if (Months is < 1 or > MaxMonths) return $"\"months\" must be a whole number from 1 to {MaxMonths}, not {Months}";
        return null;
    }
}
