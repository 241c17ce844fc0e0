using Mdm.Engine.Value;

namespace Mdm.Engine.Storage;

/// <summary>
/// Customer value and tiers (<c>customer_values</c>, and the thresholds of the last full ranking): the port the value stage
/// and its readers (the load summary, reports, the HTTP API) use. Aggregation runs in the store, as SQL over
/// transactions joined to the cross-reference, so a million customers are valued without being read into memory.
/// </summary>
public interface ICustomerValueStore
{
    /// <summary>The latest transaction date in the store, or null when no transaction is dated.</summary>
    DateOnly? LatestTransactionDate();

    /// <summary>
    /// Values every golden customer over the window (<paramref name="windowStart"/>, <paramref name="asOf"/>], hands the
    /// positive recent values to <paramref name="rank"/>, and stores every customer's value with the tier the returned
    /// thresholds give it, and the thresholds; one transaction (the caller's unit of work when one is open).
    /// </summary>
    TierThresholds RankCustomerValues(DateOnly windowStart, DateOnly asOf, Func<IReadOnlyCollection<long>, TierThresholds> rank, long runId);

    /// <summary>
    /// Deletes the values of <paramref name="removed"/> and values <paramref name="revalued"/> again over the window of
    /// <paramref name="thresholds"/>, placing them by its thresholds (no re-ranking): a couple of indexed queries.
    /// </summary>
    void RevalueCustomers(IReadOnlyCollection<string> removed, IReadOnlyCollection<string> revalued, TierThresholds thresholds, long runId);

    /// <summary>The thresholds of the last full ranking, or null when the store was never ranked.</summary>
    TierThresholds? LoadTierThresholds();

    /// <summary>The value of an active golden ID (redirects are not followed), or null.</summary>
    CustomerValue? LoadCustomerValue(string goldenId);

    /// <summary>The values of those of <paramref name="goldenIds"/> that have one.</summary>
    List<CustomerValue> LoadCustomerValues(IReadOnlyCollection<string> goldenIds);

    /// <summary>Golden customers per tier (every tier of <see cref="CustomerTier.All"/>, zero when empty).</summary>
    IReadOnlyDictionary<string, long> CountTiers();

    /// <summary>The last <paramref name="count"/> transactions of a golden customer across all systems, newest first (undated last).</summary>
    List<CustomerTransaction> LoadRecentTransactions(string goldenId, int count);
}
