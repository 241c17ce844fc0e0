using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Value;

/// <summary>
/// Keeps customer value and tiers current. A full resolution (and the end of every load, see <see cref="RankAll"/>)
/// re-ranks every customer; an incremental, real-time or steward write revalues only the customers it touched and places
/// them by the thresholds of the last full ranking, so a single resolve costs a couple of indexed queries, inside its
/// unit of work.
/// </summary>
public sealed class CustomerValuation(TierPolicy policy, TimeProvider? clock = null) : IResolutionSubscriber
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public TierPolicy Policy { get; } = policy;

    /// <summary>The run of the last full ranking this valuation made (0: none): a load that already ranked need not rank again.</summary>
    public long RankedRun { get; private set; }

    /// <summary>Wall time of the last full ranking (aggregation, thresholds, tiers written), seconds.</summary>
    public double LastRankSeconds { get; private set; }

    public void ResolutionWritten(IMdmStore store, ResolutionWrite write, long runId)
    {
        ICustomerValueStore values = store;
        // A store ranked never (created before value tiers) has no thresholds to place anyone by: rank it once.
        if (write.Scope is not { } scope || values.LoadTierThresholds() is not { } thresholds)
        {
            RankAll(values, runId);
            return;
        }
        var revalued = new List<string>(write.GoldenRecords.Count);
        foreach (var g in write.GoldenRecords) revalued.Add(g.GoldenId);
        values.RevalueCustomers(scope.GoldenIds, revalued, thresholds, runId);
    }

    /// <summary>Values and ranks every golden customer (after a load's transactions and resolution are in).</summary>
    public TierThresholds RankAll(ICustomerValueStore values, long runId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var asOf = Policy.AsOf.Resolve(today, Policy.AsOf.Kind == "latest_transaction" ? values.LatestTransactionDate() : null);
        var thresholds = values.RankCustomerValues(asOf.AddMonths(-Policy.Months), asOf, recent => TierRanking.Rank(recent, Policy, asOf, runId), runId);
        RankedRun = runId;
        LastRankSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return thresholds;
    }

}
