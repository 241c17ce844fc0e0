using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

public class CapWaiverTests
{
    private static MatchingConfiguration Configuration(bool waiver) => new()
    {
        Comparisons =
        [
            new()
            {
                Name = "name", Kind = PartyKind.Person, DisagreementCap = 0.5,
                Levels =
                [
                    new() { Label = "exact", Test = "exact", Field = "name" },
                    new()
                    {
                        Label = "family_and_nickname",
                        All = [new() { Test = "exact", Field = "family_name" }, new() { Test = "nickname", Field = "given_name" }],
                    },
                ],
                CapWaivedWhen = waiver
                    ?
                    [
                        new() { Comparison = "national_id", Levels = ["exact"] },
                        new() { All = [new() { Comparison = "birth_date", Levels = ["exact"] }, new() { Comparison = "address", Levels = ["exact"] }] },
                    ]
                    : [],
            },
            new() { Name = "birth_date", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "birth_date" }] },
            new() { Name = "address", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "address" }] },
            new() { Name = "national_id", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "national_id" }] },
        ],
    };

    private static PairScorer Scorer(bool waiver)
    {
        var scorer = new PairScorer(Configuration(waiver));
        scorer.SetModel(new FellegiSunterModel
        {
            Kind = PartyKind.Person,
            Lambda = 0.001,
            Comparisons =
            [
                new() { Name = "name", Levels = ["exact", "family_and_nickname", "else"], M = [0.85, 0.02, 0.13], U = [0.0001, 0.00001, 0.99989] },
                new() { Name = "birth_date", Levels = ["exact", "else"], M = [0.9, 0.1], U = [0.0001, 0.9999] },
                new() { Name = "address", Levels = ["exact", "else"], M = [0.7, 0.3], U = [0.0001, 0.9999] },
                new() { Name = "national_id", Levels = ["exact", "else"], M = [0.9, 0.1], U = [0.000001, 0.999999] },
            ],
        });
        return scorer;
    }

    private static StandardizedRecord Person(string key, string name, string family, string given, string address, string? birth,
        string? nationalId = null)
    {
        var r = new StandardizedRecord("A", key, PartyKind.Person);
        r[Feature.Name] = name;
        r[Feature.FamilyName] = family;
        r[Feature.GivenName] = given;
        r[Feature.Address] = address;
        r[Feature.BirthDate] = birth;
        r[Feature.NationalId] = nationalId;
        return r;
    }

    private const string Street = "18 zhongshan 1st road apt 1208";

    [Test]
    public void Name_conflict_caps_at_review_without_the_waiver()
    {
        var a = Person("rec-1", "gray michelle", "gray", "michelle", Street, "1987-03-04");
        var b = Person("rec-2", "gray mchelle", "gray", "mchelle", Street, "1987-03-04");
        Assert.That(Scorer(false).Probability(a, b), Is.LessThanOrEqualTo(0.5 + 1e-9));
        Assert.That(Scorer(false).Explain(a, b).CappedBy, Is.EqualTo("name"));
    }

    [Test]
    public void Name_conflict_with_same_birth_date_and_street_links()
    {
        var a = Person("rec-1", "gray michelle", "gray", "michelle", Street, "1987-03-04");
        var b = Person("rec-2", "gray mchelle", "gray", "mchelle", Street, "1987-03-04");
        var scorer = Scorer(true);
        Assert.That(scorer.Probability(a, b), Is.GreaterThan(0.95));
        var explanation = scorer.Explain(a, b);
        Assert.That(explanation.CappedBy, Is.Null);
        Assert.That(explanation.Probability, Is.EqualTo(scorer.Probability(a, b)).Within(1e-9));
    }

    [Test]
    public void Waiver_needs_every_condition()
    {
        var a = Person("rec-1", "gray michelle", "gray", "michelle", Street, "1987-03-04");
        var b = Person("rec-2", "gray mchelle", "gray", "mchelle", "7 fuxing road", "1987-03-04");
        Assert.That(Scorer(true).Probability(a, b), Is.LessThanOrEqualTo(0.5 + 1e-9));
        var c = Person("rec-3", "gray mchelle", "gray", "mchelle", Street, null);
        Assert.That(Scorer(true).Probability(a, c), Is.LessThanOrEqualTo(0.5 + 1e-9));
    }

    [Test]
    public void Name_conflict_with_the_same_id_card_links_on_its_own()
    {
        // The FEBRL-style export lost the given name; the ID card alone is one alternative of the waiver.
        var a = Person("rec-1", "hu jianguo", "hu", "jianguo", Street, null, "110105194912310021");
        var b = Person("rec-2", "hu", "hu", "", "7 fuxing road", null, "110105194912310021");
        var scorer = Scorer(true);
        Assert.That(scorer.Probability(a, b), Is.GreaterThan(0.95));
        Assert.That(scorer.Explain(a, b).CappedBy, Is.Null);
        var other = Person("rec-3", "hu", "hu", "", "7 fuxing road", null, "110105195001010012");
        Assert.That(scorer.Probability(a, other), Is.LessThanOrEqualTo(0.5 + 1e-9), "a different ID card waives nothing");
    }

    [Test]
    public void Nickname_is_its_own_name_level_not_a_conflict()
    {
        var tony = Person("rec-1", "smith tony", "smith", "tony", Street, null);
        var anthony = Person("rec-2", "smith anthony", "smith", "anthony", Street, null);
        var scorer = Scorer(false);
        Assert.That(PairScorer.LevelOf(scorer.Pattern(tony, anthony), 0), Is.EqualTo(1));
        Assert.That(scorer.Explain(tony, anthony).CappedBy, Is.Null);
    }

    [Test]
    public void Waiver_naming_an_unknown_comparison_is_rejected()
    {
        var config = Configuration(true);
        config.Comparisons[0].CapWaivedWhen[1].All![0].Comparison = "birthday";
        Assert.That(() => new PairScorer(config), Throws.TypeOf<FormatException>().With.Message.Contains("birthday"));
        config = Configuration(true);
        config.Comparisons[0].CapWaivedWhen[1].All![1].Levels = ["same_street"];
        Assert.That(() => new PairScorer(config), Throws.TypeOf<FormatException>().With.Message.Contains("same_street"));
    }

    [TestCase("{ \"comparison\": \"birth_date\", \"levels\": [\"exact\"], \"all\": [ { \"comparison\": \"address\", \"levels\": [\"exact\"] } ] }", "not both")]
    [TestCase("{ \"all\": [] }", "names no comparison")]
    public void Malformed_waiver_entries_are_rejected_with_the_comparison_named(string waiver, string message)
    {
        var json = $$"""
            { "comparisons": [
                { "name": "name", "levels": [ { "label": "exact", "test": "exact", "field": "name" } ], "disagreementCap": 0.5,
                  "capWaivedWhen": [ {{waiver}} ] },
                { "name": "birth_date", "levels": [ { "label": "exact", "test": "exact", "field": "birth_date" } ] },
                { "name": "address", "levels": [ { "label": "exact", "test": "exact", "field": "address" } ] } ] }
            """;
        var config = MatchingConfiguration.Parse(json, "test.json");
        Assert.That(() => new PairScorer(config), Throws.TypeOf<FormatException>().With.Message.Contains("comparison 'name'").And.Message.Contains(message));
    }

    [TestCase("\"u\": 0")]
    [TestCase("\"u\": 1.5")]
    [TestCase("\"cap\": -0.1")]
    [TestCase("\"m\": 1")]
    public void Probabilities_outside_zero_to_one_are_rejected(string property)
    {
        var json = $$"""
            { "comparisons": [ { "name": "national_id", "levels": [ { "label": "exact", "test": "exact", "field": "national_id", {{property}} } ] } ] }
            """;
        var config = MatchingConfiguration.Parse(json, "test.json");
        Assert.That(() => new PairScorer(config), Throws.TypeOf<FormatException>()
            .With.Message.Contains("comparison 'national_id', level 'exact'").And.Message.Contains("between 0 and 1"));
    }
}
