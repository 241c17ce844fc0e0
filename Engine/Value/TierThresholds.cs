namespace Mdm.Engine.Value;

/// <summary>
/// The outcome of the last full ranking: the recent window it used and the lowest recent value (in cents) of each top tier.
/// Real-time resolves and steward actions place the customers they touch by these thresholds, without ranking everyone
/// again; the next load re-ranks.
/// </summary>
/// <param name="AsOf">The window's last day (inclusive).</param>
/// <param name="WindowStart">The day before the window's first day: the window is (WindowStart, AsOf].</param>
/// <param name="RankedCustomers">Customers with a positive recent value: the population the shares are taken of.</param>
/// <param name="SuperCents">Lowest recent value of a super customer; null when the tier is empty (too few customers).</param>
public sealed record TierThresholds(DateOnly AsOf, DateOnly WindowStart, int Months, long RankedCustomers,
    long? SuperCents, long? LargeCents, long? MediumCents, long ComputedRun)
{
    /// <summary>The tier of a customer with these totals (see <see cref="TierRanking"/> for the rule).</summary>
    public string TierOf(long transactionCount, long recentTransactions, long recentCents)
    {
        if (transactionCount == 0) return CustomerTier.Prospect;
        if (recentTransactions == 0) return CustomerTier.Inactive;
        // Refunds that cancel a year's purchases leave an active customer who brings nothing: the bottom of the pyramid.
        if (recentCents <= 0) return CustomerTier.Small;
        if (SuperCents is { } s && recentCents >= s) return CustomerTier.Super;
        if (LargeCents is { } l && recentCents >= l) return CustomerTier.Large;
        if (MediumCents is { } m && recentCents >= m) return CustomerTier.Medium;
        return CustomerTier.Small;
    }
}
