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

    [Test]
    public void Jaro_winkler_gives_f23s_value_to_the_bit()
    {
        // The stack-memory version must decide every threshold exactly as the library it replaces on the hot path.
        var f23 = new F23.StringSimilarity.JaroWinkler();
        string[] names = ["wei zhang", "zhang wei", "murphy hannah", "murpyh hannah", "dixon", "dicksonx", "martha", "marhta",
            "chuangnaxinxijishu", "chuangna information technology", "a", "ab", "ba", "", "xiao ming zhang", "ming xiao zhang"];
        foreach (var a in names)
            foreach (var b in names)
                Assert.That(Comparators.JaroWinkler(a, b), Is.EqualTo(f23.Similarity(a, b)), $"'{a}' vs '{b}'");
        var random = new Random(7);
        const string alphabet = "abcdeghijklmnoprstuwxyz ";
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomText(random, alphabet, random.Next(0, 30));
            var b = random.Next(3) == 0 ? Mutate(random, a, alphabet) : RandomText(random, alphabet, random.Next(0, 30));
            Assert.That(Comparators.JaroWinkler(a, b), Is.EqualTo(f23.Similarity(a, b)), $"'{a}' vs '{b}'");
        }
    }

    private static string RandomText(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    private static string Mutate(Random random, string text, string alphabet)
    {
        var chars = text.ToCharArray();
        if (chars.Length > 1)
        {
            var i = random.Next(chars.Length - 1);
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
        }
        return new string(chars);
    }
}
