using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>
/// What stewards decide: decisions on pairs of records, which every later resolution honours, and the review tasks they
/// close. Apart from <see cref="IReviewStore"/>, which only reads and so needs no writer lock.
/// </summary>
public interface IDecisionStore
{
    /// <summary>Steward decisions, all of them or those touching any of <paramref name="recordIds"/>.</summary>
    List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null);

    /// <summary>Records (or replaces) a steward's decision on a pair of records, in either order.</summary>
    void SaveStewardDecision(StewardDecision decision);

    ReviewTask? LoadReviewTask(long taskId);

    /// <summary>Marks a review task decided (<paramref name="status"/>: "linked" or "separated") by a steward.</summary>
    void CloseReviewTask(long taskId, string status, string steward);
}
