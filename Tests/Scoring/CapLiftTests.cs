using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

/// <summary>A configured cap holds only while the data does not show its level among one customer's records.</summary>
public class CapLiftTests
{
    private static MatchingConfiguration Config() => new()
    {
        EmAnchors = ["id"],
        Comparisons =
        [
            new() { Name = "id", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "national_id", U = 1e-7 }] },
            new()
            {
                Name = "birth", Kind = PartyKind.Person,
                Levels =
                [
                    new() { Label = "exact", Test = "exact", Field = "birth_date" },
                    new() { Label = "far", Test = "years_apart", Field = "birth_date", Threshold = 3, Cap = 0.0001 },
                ],
            },
            new() { Name = "name", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "name" }] },
        ],
    };

    // Pattern: 4 bits per comparison, level + 1 (1 = first level, 2 = second …).
    private static ulong Pattern(uint id, uint birth, uint name) => id | birth << 4 | name << 8;

    /// <param name="anchoredFar">Share of the anchored (same id) candidate pairs whose birth dates are years apart.</param>
    private static FellegiSunterModel Train(PairScorer scorer, MatchingConfiguration config, double anchoredFar, int anchored = 1000)
    {
        var far = (long)Math.Round(anchored * anchoredFar);
        var candidates = new Dictionary<ulong, long>
        {
            [Pattern(1, 1, 1)] = anchored - far,     // same id, same birth date, same name
            [Pattern(1, 2, 1)] = far,                // same id, birth dates years apart: a mistyped year
            [Pattern(2, 3, 1)] = 2000,               // different id, birth date else, same name
        };
        var random = new Dictionary<ulong, long> { [Pattern(2, 3, 2)] = 90_000, [Pattern(2, 2, 2)] = 10_000 };
        var u = ModelTrainer.EstimateU(scorer, PartyKind.Person, random);
        return ModelTrainer.Train(scorer, PartyKind.Person, candidates, random, u, config, 100_000, allPairs: 1e8);
    }

    private static (StandardizedRecord, StandardizedRecord) FatherAndSon()
    {
        var a = new StandardizedRecord("s", "1", PartyKind.Person) { [Feature.Name] = "黄军", [Feature.BirthDate] = "1954-02-25" };
        var b = new StandardizedRecord("s", "2", PartyKind.Person) { [Feature.Name] = "黄军", [Feature.BirthDate] = "1984-07-04" };
        return (a, b);
    }

    [Test]
    public void A_cap_whose_level_is_common_among_anchored_matches_is_lifted_and_the_level_weighed()
    {
        var config = Config();
        var scorer = new PairScorer(config);
        var model = Train(scorer, config, anchoredFar: 0.08);
        var lifted = model.Comparisons.Single(c => c.Name == "birth").CapsLifted;
        Assert.That(lifted.Select(c => c.Level), Is.EqualTo(new[] { "far" }));
        Assert.That(lifted[0].MatchShare, Is.EqualTo(0.08).Within(1e-9));
        Assert.That(lifted[0].AnchoredPairs, Is.EqualTo(1000));

        scorer.SetModel(model);
        var (a, b) = FatherAndSon();
        var explanation = scorer.Explain(a, b);
        Assert.That(explanation.CappedBy, Is.Null, "the data overruled the cap");
        Assert.That(scorer.CanRuleOut(a), Is.False, "no comparison can rule a match out any more");
    }

    [Test]
    public void A_cap_the_anchored_matches_never_contradict_stays()
    {
        var config = Config();
        var scorer = new PairScorer(config);
        var model = Train(scorer, config, anchoredFar: 0.002);
        Assert.That(model.Comparisons.SelectMany(c => c.CapsLifted), Is.Empty);
        scorer.SetModel(model);
        var (a, b) = FatherAndSon();
        Assert.That(scorer.Explain(a, b).CappedBy, Is.EqualTo("birth"));
        Assert.That(scorer.Probability(a, b), Is.LessThanOrEqualTo(0.0001 + 1e-9));
    }

    [Test]
    public void Too_few_anchored_pairs_cannot_overrule_the_configuration()
    {
        var config = Config();
        var scorer = new PairScorer(config);
        var model = Train(scorer, config, anchoredFar: 0.2, anchored: config.CapLiftMinimumPairs - 1);
        Assert.That(model.Comparisons.SelectMany(c => c.CapsLifted), Is.Empty);
    }
}
