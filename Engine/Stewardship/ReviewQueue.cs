using Mdm.Engine.Scoring;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Stewardship;

/// <summary>
/// The data stewards' review queue: review tasks read through <see cref="IReviewStore"/>, most worth a steward's time first.
/// Shared by <c>mdm reviews</c> and the HTTP API, so both show the same order.
/// <para>
/// Priority = uncertainty × value factor, where
/// <list type="bullet">
/// <item>uncertainty = 1 / (1 + d), d = |log2(p / (1 − p)) − log2(t / (1 − t))|: the distance in bits (match-weight units,
/// as <see cref="FellegiSunterModel.ToWeight"/>) between the pair's probability p and the link threshold t. Log-odds, not
/// probability, because 0.94 against 0.95 is one decision away while 0.50 is far from it though the difference looks small
/// either way; 1 at the threshold, ½ one bit away.</item>
/// <item>value factor = 1 + log10(1 + v / 100), v the larger 12-month value (cents) of the task's two golden customers, from
/// the lookup passed in (none: v = 0, factor 1, the order is by uncertainty alone). The larger, because a wrong merge or a
/// missed one costs what the more valuable customer is worth; logarithmic, so each tenfold of value in yuan adds what being
/// at the threshold gives, and a rich customer's clear-cut pair does not bury every doubtful one.</item>
/// </list>
/// Ties go to the older task (lower id). Decided tasks (status linked or separated) are ordered the same way when asked for.
/// </para>
/// </summary>
public sealed class ReviewQueue
{
    /// <summary>The statuses <see cref="Read"/> takes: a task's status, or "all".</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "linked", "separated", "all"];

    private readonly IReviewStore _store;
    private readonly double _linkThreshold;
    private readonly Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, long>>? _customerValues;

    /// <param name="linkThreshold">The link threshold of the matching configuration the store was resolved with (<see cref="MatchingConfiguration.LinkThreshold"/>).</param>
    /// <param name="customerValues">Golden IDs → 12-month value in cents, for those that have one (others count as 0); null: no values.</param>
    public ReviewQueue(IReviewStore store, double linkThreshold,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, long>>? customerValues = null)
    {
        if (!(linkThreshold is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(linkThreshold), linkThreshold, "a probability between 0 and 1");
        _store = store;
        _linkThreshold = linkThreshold;
        _customerValues = customerValues;
    }

    public ReviewQueue(IReviewStore store, MatchingConfiguration matching,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, long>>? customerValues = null)
        : this(store, matching.LinkThreshold, customerValues) { }

    /// <summary>Tasks of <paramref name="status"/> (default the open queue), highest priority first; at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentException">An unknown status, or a negative limit.</exception>
    public IReadOnlyList<ReviewQueueItem> Read(string status = "open", int? limit = null)
    {
        if (!Statuses.Contains(status)) throw new ArgumentException($"unknown review status '{status}': use {string.Join(", ", Statuses)}");
        if (limit < 0) throw new ArgumentException($"the limit must be 0 or more, not {limit}");
        var tasks = _store.ReadReviewTasks(status == "all" ? null : status);
        var values = tasks.Count == 0 || _customerValues is null
            ? new Dictionary<string, long>()
            : _customerValues(tasks.SelectMany(t => new[] { t.GoldenA, t.GoldenB }).Distinct(StringComparer.Ordinal).ToList());
        var items = tasks.Select(t =>
        {
            long? value = values.TryGetValue(t.GoldenA, out var a) | values.TryGetValue(t.GoldenB, out var b) ? Math.Max(a, b) : null;
            var distance = DistanceBits(t.Probability, _linkThreshold);
            return new ReviewQueueItem(t, Priority(distance, value ?? 0), distance, value);
        });
        var ordered = items.OrderByDescending(i => i.Priority).ThenBy(i => i.TaskId);
        return (limit is { } n ? ordered.Take(n) : ordered).ToList();
    }

    /// <summary>|log-odds(p) − log-odds(t)| in bits.</summary>
    public static double DistanceBits(double probability, double linkThreshold) =>
        Math.Abs(FellegiSunterModel.ToWeight(probability) - FellegiSunterModel.ToWeight(linkThreshold));

    /// <summary>The formula of the type's comment: 1 / (1 + distance) × (1 + log10(1 + cents / 100)).</summary>
    public static double Priority(double distanceBits, long valueCents) =>
        1.0 / (1.0 + distanceBits) * (1.0 + Math.Log10(1.0 + Math.Max(0, valueCents) / 100.0));
}

/// <summary>One task of the review queue: everything a steward's page shows, and why it sits where it does.</summary>
/// <param name="Priority">See <see cref="ReviewQueue"/>; higher comes first.</param>
/// <param name="DistanceBits">How far the probability is from the link threshold, in bits of log-odds.</param>
/// <param name="ValueCents">The larger 12-month value of the two customers, when the lookup knew either.</param>
public sealed record ReviewQueueItem(ReviewTaskView Task, double Priority, double DistanceBits, long? ValueCents)
{
    public long TaskId => Task.TaskId;
    public double Probability => Task.Probability;
}
