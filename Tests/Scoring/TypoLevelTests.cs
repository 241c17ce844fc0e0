using F23.StringSimilarity;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

/// <summary>Typo-aware identifier and date levels: what a re-typed value looks like, and that only validated IDs cap.</summary>
public class TypoLevelTests
{
    private static readonly OptimalStringAlignment Osa = new();

    [Test]
    public void WithinOneTypo_agrees_with_optimal_string_alignment_distance_on_random_pairs()
    {
        // Property: one substitution, one neighbour swap or one insertion/deletion, and nothing more, is one typo. The
        // pairs are built by mutating random digit strings 0–3 times, so every distance from 0 to 3+ occurs often.
        var random = new Random(20261204);
        var checkedPairs = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var a = RandomDigits(random, random.Next(0, 12));
            var b = a;
            for (var e = random.Next(0, 4); e > 0; e--) b = Mutate(random, b);
            var expected = Osa.Distance(a, b) <= 1;
            Assert.That(Comparators.WithinOneTypo(a, b), Is.EqualTo(expected), $"'{a}' vs '{b}'");
            Assert.That(Comparators.WithinOneTypo(b, a), Is.EqualTo(expected), $"'{b}' vs '{a}' (order)");
            checkedPairs++;
        }
        Assert.That(checkedPairs, Is.EqualTo(50_000));
    }

    private static string RandomDigits(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    private static string Mutate(Random random, string s)
    {
        var kind = random.Next(s.Length < 2 ? 2 : 4);
        var at = s.Length == 0 ? 0 : random.Next(s.Length);
        return kind switch
        {
            0 => s.Insert(random.Next(s.Length + 1), ((char)('0' + random.Next(10))).ToString()),
            1 when s.Length > 0 => s.Remove(at, 1),
            2 => s[..at] + (char)('0' + random.Next(10)) + s[(at + 1)..],
            _ when at + 1 < s.Length => s[..at] + s[at + 1] + s[at] + s[(at + 2)..],
            _ => s,
        };
    }

    [TestCase("1976-03-17", "1976-03-18", true)]    // one digit
    [TestCase("1976-03-17", "1967-03-17", true)]    // neighbouring digits swapped
    [TestCase("1976-03-17", "1947-03-09", false)]   // several digits: not one typo
    [TestCase("1976-03-17", "1976-17-03", false)]   // a swap of day and month is its own level
    public void DateTypo(string a, string b, bool expected) => Assert.That(Comparators.DateTypo(a, b), Is.EqualTo(expected));

    [TestCase("1976-03-07", "1976-07-03", true)]
    [TestCase("1976-03-07", "1977-07-03", false)]
    [TestCase("1976-03-03", "1976-03-03", true)]
    public void DayMonthSwapped(string a, string b, bool expected) => Assert.That(Comparators.DayMonthSwapped(a, b), Is.EqualTo(expected));

    private static StandardizedRecord Person(string key, string? id, bool validated)
    {
        var r = new StandardizedRecord("s", key, PartyKind.Person);
        r[Feature.NationalId] = id;
        if (validated) r[Feature.NationalIdValidated] = id;
        else r[Feature.NationalIdUnvalidated] = id;
        return r;
    }

    [Test]
    public void Default_configuration_caps_only_two_validated_ID_cards_that_differ()
    {
        var config = MatchingConfiguration.Default();
        var scorer = new PairScorer(config);
        var comparison = scorer.ComparisonsFor(PartyKind.Person).Single(c => c.Name == "national_id");
        string Level(StandardizedRecord a, StandardizedRecord b) => comparison.LevelLabels[comparison.Evaluate(a, b)];
        double Cap(StandardizedRecord a, StandardizedRecord b) => comparison.CapWeight(comparison.Evaluate(a, b));

        // Two checksum-valid ID cards (GB 11643) of two people.
        var card1 = Person("1", "110105194912310021", validated: true);
        var card2 = Person("2", "440305198807150035", validated: true);
        Assert.That(Level(card1, card2), Is.EqualTo("validated_differ"));
        Assert.That(Cap(card1, card2), Is.LessThan(FellegiSunterModel.ToWeight(config.CannotLinkThreshold)));

        // A 7-digit number without a check digit, re-typed with two digits swapped: a typo, weighed, never capped.
        var ssn = Person("3", "other:4406308", validated: false);
        var retyped = Person("4", "other:4406038", validated: false);
        Assert.That(Level(ssn, retyped), Is.EqualTo("typo"));
        Assert.That(Cap(ssn, retyped), Is.EqualTo(double.PositiveInfinity));

        // Two such numbers far apart: at most a review (a default the data may lift), never a cannot-link.
        var other = Person("5", "other:9572183", validated: false);
        Assert.That(Level(ssn, other), Is.EqualTo("unvalidated_differ"));
        Assert.That(Cap(ssn, other), Is.EqualTo(FellegiSunterModel.ToWeight(config.ReviewThreshold)).Within(1e-9));
        Assert.That(Cap(ssn, other), Is.GreaterThan(FellegiSunterModel.ToWeight(config.CannotLinkThreshold)));

        // An ID card against another kind of identifier: different things, weighed (near no evidence), never capped.
        Assert.That(Level(card1, ssn), Is.EqualTo("else"));
        Assert.That(Cap(card1, ssn), Is.EqualTo(double.PositiveInfinity));
    }
}
