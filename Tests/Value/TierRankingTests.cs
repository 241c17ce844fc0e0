using FsCheck;
using FsCheck.Fluent;
using Mdm.Engine.Value;

namespace Mdm.Tests.Value;

/// <summary>
/// The tier rule (<see cref="TierRanking"/>) against an independent formulation by rank — a customer's tier is the tier
/// of the best rank among the customers tied with it, a tier ending at rank floor(cumulative share × n) — on generated
/// populations full of ties, zeros and refunds, and on the edges: 0, 1, 99, 100, 101 customers, all tied.
/// </summary>
[TestFixture]
public sealed class TierRankingTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    // CI replays one fixed seed; MDM_PROPERTY_TESTS=N searches N cases from a fresh seed.
    private static readonly int Search =
        int.TryParse(Environment.GetEnvironmentVariable("MDM_PROPERTY_TESTS"), out var n) && n > 0 ? n : 0;

    private static string[] Tiers(long[] recent, TierPolicy policy)
    {
        var t = TierRanking.Rank(recent, policy, AsOf, 1);
        return recent.Select(v => t.TierOf(1, 1, v)).ToArray();
    }

    /// <summary>By rank, without thresholds: what the README's rule says.</summary>
    private static string[] ByRank(long[] recent, TierPolicy policy)
    {
        var ranked = recent.Where(v => v > 0).OrderByDescending(v => v).ToList();
        var count = ranked.Count;
        var ends = new[] { policy.SuperShare, policy.SuperShare + policy.LargeShare, policy.SuperShare + policy.LargeShare + policy.MediumShare }
            .Select(s => (int)decimal.Floor(s * count)).ToArray();
        string[] names = [CustomerTier.Super, CustomerTier.Large, CustomerTier.Medium];
        return recent.Select(v =>
        {
            if (v <= 0) return CustomerTier.Small;
            var bestRank = ranked.IndexOf(v) + 1; // the first of its ties
            for (var i = 0; i < 3; i++) if (bestRank <= ends[i]) return names[i];
            return CustomerTier.Small;
        }).ToArray();
    }

    private static Gen<TierPolicy> Policies() =>
        from s in Gen.Choose(0, 30)
        from l in Gen.Choose(0, 30)
        from m in Gen.Choose(0, 40)
        select new TierPolicy { SuperShare = s / 100m, LargeShare = l / 100m, MediumShare = m / 100m };

    [Test]
    public void Generated_populations_follow_the_rule_whatever_their_order()
    {
        var cases =
            from policy in Policies()
            from size in Gen.Choose(0, 400)
            from spread in Gen.Choose(1, 1000) // small spreads: many ties
            from values in Gen.Choose(-spread / 4 - 1, spread).ArrayOf(size)
            from seed in Gen.Choose(0, int.MaxValue)
            select (policy, values.Select(v => (long)v).ToArray(), seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (policy, values, seed) = c;
            var tiers = Tiers(values, policy);
            var expected = ByRank(values, policy);
            var shuffled = values.Select((v, i) => (v, i)).OrderBy(_ => new Random(seed).Next()).ToArray();
            var shuffledTiers = Tiers(shuffled.Select(x => x.v).ToArray(), policy);
            var sameInAnyOrder = shuffled.Select((x, j) => shuffledTiers[j] == tiers[x.i]).All(b => b);
            return (tiers.SequenceEqual(expected) && sameInAnyOrder)
                .Label($"policy {policy}, values [{string.Join(",", values)}]: {string.Join(",", tiers)} expected {string.Join(",", expected)}");
        }).Check(Search > 0
            ? Config.QuickThrowOnFailure.WithMaxTest(Search)
            : Config.QuickThrowOnFailure.WithMaxTest(1000).WithReplay(20260101UL, 1UL));
    }

    private static Dictionary<string, int> Count(long[] values) =>
        Tiers(values, TierPolicy.Default).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

    private static long[] Distinct(int n) => Enumerable.Range(1, n).Select(i => (long)i * 100).ToArray();

    [Test]
    public void No_customer_ranks_nothing()
    {
        var t = TierRanking.Rank([], TierPolicy.Default, AsOf, 1);
        Assert.That((t.RankedCustomers, t.SuperCents, t.LargeCents, t.MediumCents), Is.EqualTo((0L, (long?)null, (long?)null, (long?)null)));
    }

    [TestCase(1, 0, 0, 0, 1)]
    [TestCase(99, 0, 4, 15, 80)]    // 1 % of 99 is 0.99: no super; 5 % → 4.95 → 4, 20 % → 19.8 → 19
    [TestCase(100, 1, 4, 15, 80)]
    [TestCase(101, 1, 4, 15, 81)]   // floor(1.01) = 1, floor(5.05) = 5, floor(20.2) = 20
    [TestCase(1000, 10, 40, 150, 800)]
    public void Distinct_values_fill_the_tiers_by_cumulative_floor(int n, int super, int large, int medium, int small)
    {
        var counts = Count(Distinct(n));
        Assert.That(new[] { CustomerTier.Super, CustomerTier.Large, CustomerTier.Medium, CustomerTier.Small }.Select(t => counts.GetValueOrDefault(t)),
            Is.EqualTo(new[] { super, large, medium, small }));
    }

    [Test]
    public void The_highest_value_of_99_is_large_not_super()
    {
        var values = Distinct(99);
        Assert.That(Tiers(values, TierPolicy.Default)[^1], Is.EqualTo(CustomerTier.Large));
    }

    [Test]
    public void All_tied_customers_share_the_top_tier_they_reach()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Count(Enumerable.Repeat(500L, 100).ToArray()), Is.EqualTo(new Dictionary<string, int> { [CustomerTier.Super] = 100 }));
            // 50 customers: no super (0.5), one large (2.5 → 2, the end of large): all tie with it.
            Assert.That(Count(Enumerable.Repeat(500L, 50).ToArray()), Is.EqualTo(new Dictionary<string, int> { [CustomerTier.Large] = 50 }));
            Assert.That(Count(Enumerable.Repeat(500L, 4).ToArray()), Is.EqualTo(new Dictionary<string, int> { [CustomerTier.Small] = 4 }), "20 % of 4 is 0.8: nobody ranks above small");
        });
    }

    [Test]
    public void A_tie_at_a_boundary_joins_the_higher_tier()
    {
        // 100 customers, the top two tied: the super tier ends at rank 1, so both are super.
        var values = Distinct(100);
        values[^2] = values[^1];
        var counts = Count(values);
        Assert.That(counts[CustomerTier.Super], Is.EqualTo(2));
        Assert.That(counts[CustomerTier.Large], Is.EqualTo(3), "large still ends at cumulative rank 5");
    }

    [Test]
    public void Refunds_and_zeros_are_small_and_do_not_count_in_the_ranking()
    {
        var values = Distinct(100).Concat([0L, -2500L, -1L]).ToArray();
        var t = TierRanking.Rank(values, TierPolicy.Default, AsOf, 1);
        var tiers = values.Select(v => t.TierOf(1, 1, v)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(t.RankedCustomers, Is.EqualTo(100));
            Assert.That(t.SuperCents, Is.EqualTo(10_000), "the best of 100 distinct values");
            Assert.That(tiers[^3..], Is.All.EqualTo(CustomerTier.Small));
            Assert.That(t.TierOf(3, 0, 0), Is.EqualTo(CustomerTier.Inactive), "history, nothing in the window");
            Assert.That(t.TierOf(0, 0, 0), Is.EqualTo(CustomerTier.Prospect));
        });
    }

    [Test]
    public void The_window_ends_on_as_of_and_spans_the_months()
    {
        var t = TierRanking.Rank([1], new TierPolicy { Months = 6 }, AsOf, 1);
        Assert.That((t.WindowStart, t.AsOf), Is.EqualTo((new DateOnly(2023, 12, 30), AsOf)));
        Assert.That(ValueAsOf.LatestTransaction.Resolve(AsOf, new DateOnly(2023, 1, 5)), Is.EqualTo(new DateOnly(2023, 1, 5)));
        Assert.That(ValueAsOf.LatestTransaction.Resolve(AsOf, null), Is.EqualTo(AsOf), "no dated transaction: today");
        Assert.That(ValueAsOf.Today.Resolve(AsOf, new DateOnly(2020, 1, 1)), Is.EqualTo(AsOf));
    }
}
