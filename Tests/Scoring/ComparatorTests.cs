using Mdm.Engine.Scoring;

namespace Mdm.Tests.Scoring;

public class ComparatorTests
{
    [TestCase("1990-01-02", "1990-01-02", true)]
    [TestCase("1990-01-02", "1990-01-03", true)]   // one digit
    [TestCase("1990-01-12", "1990-12-01", true)]   // month and day swapped
    [TestCase("1990-01-02", "1991-02-02", false)]
    [TestCase("1990-01-02", "19900102", false)]
    public void DateNear(string a, string b, bool expected) => Assert.That(Comparators.DateNear(a, b), Is.EqualTo(expected));

    [TestCase("+8613812345678 +861088886666", "+861088886666", true)]
    [TestCase("+8613812345678", "+8613812345679", false)]
    [TestCase("+8613812345678", "+86138123456781", false)]
    public void Overlap_matches_whole_values_only(string a, string b, bool expected) => Assert.That(Comparators.Overlap(a, b), Is.EqualTo(expected));

    [Test]
    public void Levenshtein_stops_at_limit_but_reports_over_limit()
    {
        Assert.That(Comparators.Levenshtein("110105194912310021", "110105194912310027", 1), Is.EqualTo(1));
        Assert.That(Comparators.Levenshtein("abcdef", "uvwxyz", 1), Is.GreaterThan(1));
    }

    [Test]
    public void Default_configuration_loads_and_names_only_known_features()
    {
        var config = MatchingConfiguration.Default();
        Assert.That(config.Comparisons, Is.Not.Empty);
        Assert.That(config.Blocking, Is.Not.Empty);
        Assert.DoesNotThrow(() => new PairScorer(config));
        Assert.DoesNotThrow(() => new Mdm.Engine.Candidates.BlockingKeyBuilder(config));
    }

    [Test]
    public void A_comparison_on_an_unknown_feature_is_a_clear_configuration_error()
    {
        var config = MatchingConfiguration.Parse("""{ "comparisons": [ { "name": "x", "levels": [ { "label": "e", "test": "exact", "field": "shoe_size" } ] } ] }""", "test.json");
        var ex = Assert.Throws<FormatException>(() => new PairScorer(config));
        Assert.That(ex!.Message, Does.Contain("shoe_size").And.Contain("comparison 'x'"));
    }
}
