using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

public class LevelCapTests
{
    [TestCase("1958-06-01", "1983-05-31", 24)]
    [TestCase("1958-06-01", "1983-06-01", 25)]
    [TestCase("1983-06-01", "1958-06-01", 25)]   // order does not matter
    [TestCase("1990-03-15", "1990-11-02", 0)]
    [TestCase("1990-03-15", "19900315", -1)]    // not a yyyy-MM-dd date
    public void YearsApart_counts_whole_years(string a, string b, int expected) =>
        Assert.That(Comparators.YearsApart(a, b), Is.EqualTo(expected));

    [TestCase("1985-04-06", "1958-04-06", true)]   // neighbouring year digits swapped on entry
    [TestCase("1985-04-16", "1985-04-61", true)]
    [TestCase("1985-04-06", "1958-04-07", false)]
    public void DateNear_forgives_one_transposition(string a, string b, bool expected) =>
        Assert.That(Comparators.DateNear(a, b), Is.EqualTo(expected));

    private static MatchingConfiguration NameAddressBirth() => new()
    {
        Comparisons =
        [
            new() { Name = "name", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "name" }] },
            new() { Name = "address", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "address" }] },
            new()
            {
                Name = "birth_date", Kind = PartyKind.Person,
                Levels =
                [
                    new() { Label = "exact", Test = "exact", Field = "birth_date" },
                    new() { Label = "typo", Test = "date_near", Field = "birth_date" },
                    new() { Label = "years_apart", Test = "years_apart", Field = "birth_date", Threshold = 3, Cap = 0.0001 },
                ],
            },
        ],
    };

    private static PairScorer TrainedScorer()
    {
        var config = NameAddressBirth();
        var scorer = new PairScorer(config);
        scorer.SetModel(new FellegiSunterModel
        {
            Kind = PartyKind.Person,
            Lambda = 0.001,
            Comparisons =
            [
                new() { Name = "name", Levels = ["exact", "else"], M = [0.9, 0.1], U = [0.0001, 0.9999] },
                new() { Name = "address", Levels = ["exact", "else"], M = [0.7, 0.3], U = [0.0001, 0.9999] },
                new() { Name = "birth_date", Levels = ["exact", "typo", "years_apart", "else"], M = [0.9, 0.05, 0.01, 0.04], U = [0.0001, 0.001, 0.9, 0.0989] },
            ],
        });
        return scorer;
    }

    private static StandardizedRecord Person(string key, string name, string address, string? birth)
    {
        var r = new StandardizedRecord("counter", key, PartyKind.Person);
        r[Feature.Name] = name;
        r[Feature.Address] = address;
        r[Feature.BirthDate] = birth;
        return r;
    }

    [Test]
    public void Father_and_son_with_one_name_and_address_are_capped_at_cannot_link()
    {
        var scorer = TrainedScorer();
        var father = Person("C1", "黄军", "甘肃省兰州市城关区站前路49号名仕公寓11栋401室", "1954-02-25");
        var son = Person("C2", "黄军", "甘肃省兰州市城关区站前路49号名仕公寓11栋401室", "1984-07-04");
        Assert.That(scorer.Probability(father, son), Is.LessThanOrEqualTo(0.0001 + 1e-9));
        var explanation = scorer.Explain(father, son);
        Assert.That(explanation.CappedBy, Is.EqualTo("birth_date"));
        Assert.That(explanation.Probability, Is.LessThanOrEqualTo(0.0001 + 1e-9));
    }

    [Test]
    public void A_typed_birth_date_is_not_capped()
    {
        var scorer = TrainedScorer();
        var a = Person("C1", "黄军", "甘肃省兰州市城关区站前路49号名仕公寓11栋401室", "1954-02-25");
        var b = Person("C2", "黄军", "甘肃省兰州市城关区站前路49号名仕公寓11栋401室", "1945-02-25");
        Assert.That(scorer.Probability(a, b), Is.GreaterThan(0.95));
        Assert.That(scorer.Explain(a, b).CappedBy, Is.Null);
    }
}
