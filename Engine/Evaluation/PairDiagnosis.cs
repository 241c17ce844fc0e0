using Mdm.Engine.Scoring;

namespace Mdm.Engine.Evaluation;

/// <summary>
/// How the engine saw one pair of records that evaluation counts as an error: whether blocking could have paired them,
/// and the full score. The basis of <see cref="ErrorBreakdown"/>.
/// </summary>
/// <param name="A">"system/key" of the first record.</param>
/// <param name="B">"system/key" of the second record.</param>
/// <param name="SharesBlockingKey">The two records share a blocking key (they are candidates unless the block was over its cap).</param>
/// <param name="Explanation">The pair's score with the stored model; null when either record is not in the store, or
/// when one is a person and the other an organization (such records are never compared).</param>
/// <param name="Found">Both records are active in the store.</param>
public sealed record PairDiagnosis(string A, string B, bool SharesBlockingKey, MatchExplanation? Explanation, bool Found = true);
