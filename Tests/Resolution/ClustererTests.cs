using Mdm.Engine.Resolution;

namespace Mdm.Tests.Resolution;

public class ClustererTests
{
    private static readonly Clusterer Clusterer = new(linkThreshold: 0.95, reviewThreshold: 0.5, cannotLinkThreshold: 0.001, clusterLinkShare: 0.5);

    [Test]
    public void One_link_does_not_chain_two_tight_clusters()
    {
        var pairs = new List<ScoredPair>
        {
            new(0, 1, 0.999f), new(0, 2, 0.999f), new(1, 2, 0.999f),
            new(3, 4, 0.999f), new(3, 5, 0.999f), new(4, 5, 0.999f),
            new(2, 3, 0.96f), // above the link threshold, but alone between two groups of three
        };
        var result = Clusterer.Cluster(6, pairs);

        Assert.That(result.ClusterOf[0], Is.EqualTo(result.ClusterOf[2]));
        Assert.That(result.ClusterOf[3], Is.EqualTo(result.ClusterOf[5]));
        Assert.That(result.ClusterOf[2], Is.Not.EqualTo(result.ClusterOf[3]));
        Assert.That(result.Reviews, Has.Count.EqualTo(1));
        Assert.That(result.Reviews[0].Reason, Does.Contain("chain"));
    }

    [Test]
    public void Clusters_join_when_most_of_the_smaller_one_links_across()
    {
        var pairs = new List<ScoredPair>
        {
            new(0, 1, 0.999f), new(2, 3, 0.999f),
            new(0, 2, 0.97f), new(1, 3, 0.97f),
        };
        var result = Clusterer.Cluster(4, pairs);
        Assert.That(result.ClusterOf.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void A_transitive_chain_through_a_record_with_counter_evidence_is_refused()
    {
        // 0~1 and 1~2 look like matches (0~1 far more so: a shared mobile), but 0 and 2 carry different ID cards.
        var pairs = new List<ScoredPair> { new(0, 1, 0.9999999f), new(1, 2, 0.98f), new(0, 2, 0.00001f) };
        var result = Clusterer.Cluster(3, pairs);
        Assert.That(result.ClusterOf[0], Is.EqualTo(result.ClusterOf[1]));
        Assert.That(result.ClusterOf[2], Is.Not.EqualTo(result.ClusterOf[0]));
        Assert.That(result.Reviews.Single().Reason, Does.StartWith("evidence against"));
    }

    [Test]
    public void Uncertain_pairs_become_review_candidates_not_links()
    {
        var result = Clusterer.Cluster(2, [new(0, 1, 0.7f)]);
        Assert.That(result.ClusterOf[0], Is.Not.EqualTo(result.ClusterOf[1]));
        Assert.That(result.Reviews.Single().Reason, Is.EqualTo("uncertain match"));
    }

    [Test]
    public void Steward_separation_wins_over_a_strong_score_and_forced_link_over_a_weak_one()
    {
        var constraints = new ClusteringConstraints();
        constraints.ForcedSeparations.Add((0, 1));
        constraints.ForcedLinks.Add((2, 3));
        var result = Clusterer.Cluster(4, [new(0, 1, 0.9999f), new(2, 3, 0.01f)], constraints);
        Assert.That(result.ClusterOf[0], Is.Not.EqualTo(result.ClusterOf[1]));
        Assert.That(result.ClusterOf[2], Is.EqualTo(result.ClusterOf[3]));
    }

    [Test]
    public void An_existing_link_holds_while_its_score_wobbles_below_the_link_threshold()
    {
        var sticky = new Clusterer(linkThreshold: 0.95, reviewThreshold: 0.5, cannotLinkThreshold: 0.001, clusterLinkShare: 0.5, stickyLinkThreshold: 0.8);
        var pairs = new List<ScoredPair> { new(0, 1, 0.9499f), new(2, 3, 0.9499f) };
        var constraints = new ClusteringConstraints { PreviouslyTogether = (a, b) => (a, b) is (0, 1) or (1, 0) };

        var result = sticky.Cluster(4, pairs, constraints);

        Assert.That(result.ClusterOf[0], Is.EqualTo(result.ClusterOf[1]), "records already one customer stay one");
        Assert.That(result.ClusterOf[2], Is.Not.EqualTo(result.ClusterOf[3]), "a new pair still needs the full link threshold");
    }
    [Test]
    public void A_record_matching_two_known_different_customers_equally_joins_neither()
    {
        // 0 = father (birth date 1954), 1 = son (1984): same name and address, capped apart. 2 names neither's birth date.
        var pairs = new List<ScoredPair> { new(0, 1, 0.0001f), new(0, 2, 0.999f), new(1, 2, 0.999f) };
        var result = Clusterer.Cluster(3, pairs);
        Assert.That(result.ClusterOf.Distinct().Count(), Is.EqualTo(3));
        Assert.That(result.Reviews.Select(r => r.Reason), Has.Some.StartsWith("ambiguous"));
    }

    [Test]
    public void A_record_clearly_closer_to_one_of_two_different_customers_joins_it()
    {
        // 2 shares the son's mobile as well: far stronger than the name-and-address match to the father.
        var pairs = new List<ScoredPair> { new(0, 1, 0.0001f), new(0, 2, 0.99f), new(1, 2, 0.99999994f) };
        var result = Clusterer.Cluster(3, pairs);
        Assert.That(result.ClusterOf[2], Is.EqualTo(result.ClusterOf[1]));
        Assert.That(result.ClusterOf[0], Is.Not.EqualTo(result.ClusterOf[1]));
    }

    private static ClusteringConstraints IdCards(params string?[] ids) => new()
    {
        CanRuleOut = ids.Select(id => id is not null).ToArray(),
        RuledOut = (a, b) => ids[a] != ids[b],
    };

    [Test]
    public void A_name_and_address_record_does_not_chain_customers_whose_id_cards_differ_though_no_pair_between_them_was_scored()
    {
        // 0 and 1 carry different ID cards but blocking never paired them; 2 holds only the shared name and address.
        var pairs = new List<ScoredPair> { new(0, 2, 0.999f), new(1, 2, 0.998f) };
        var result = Clusterer.Cluster(3, pairs, IdCards("110105195408104632", "110105198408104630", null));
        Assert.That(result.ClusterOf[0], Is.Not.EqualTo(result.ClusterOf[1]));
        Assert.That(result.ClusterOf[2], Is.Not.EqualTo(result.ClusterOf[0]), "2 matches both equally: a steward decides");
        Assert.That(result.Reviews.Select(r => r.Reason), Has.Some.StartsWith("ambiguous"));
    }

    [Test]
    public void Two_clusters_with_different_id_cards_do_not_join_through_a_strong_link_between_other_members()
    {
        // {0, 1} and {2, 3}: 0 and 2 hold different ID cards, the link 1–3 is strong, 0–2 was never scored.
        var pairs = new List<ScoredPair> { new(0, 1, 0.99999f), new(2, 3, 0.99999f), new(1, 3, 0.999f) };
        var result = Clusterer.Cluster(4, pairs, IdCards("110105195408104632", null, "110105198408104630", null));
        Assert.That(result.ClusterOf[1], Is.Not.EqualTo(result.ClusterOf[3]));
        Assert.That(result.Reviews.Select(r => r.Reason), Has.Some.Contains("identifiers differ"));
    }

    [Test]
    public void Equal_id_cards_do_not_stop_a_join()
    {
        var pairs = new List<ScoredPair> { new(0, 1, 0.99999f), new(2, 3, 0.99999f), new(1, 3, 0.999f) };
        var result = Clusterer.Cluster(4, pairs, IdCards("110105195408104632", null, "110105195408104632", null));
        Assert.That(result.ClusterOf.Distinct().Count(), Is.EqualTo(1));
    }
}
