using Lucene.Net.Analysis;
using Mdm.Engine.Search.Analysis;
using static Mdm.Tests.Search.Analysis.AnalysisAssert;

namespace Mdm.Tests.Search.Analysis;

public sealed class PersonNameAnalyzerTests
{
    private const string S = PersonNameTokenizer.SingleType;
    private const string D = PersonNameTokenizer.BigramType;
    private const string P = PersonNameTokenizer.PinyinType;
    private const string A = PersonNameTokenizer.AlphanumType;

    // A small stand-in for the real pinyin table (surname readings where it matters).
    private static readonly Dictionary<char, string> s_pinyin = new()
    {
        ['张'] = "zhang", ['伟'] = "wei", ['欧'] = "ou", ['阳'] = "yang", ['娜'] = "na", ['李'] = "li",
        ['王'] = "wang", ['芳'] = "fang", ['阿'] = "a", ['沛'] = "pei", ['旺'] = "wang",
    };

    private static readonly string[] s_syllables = ["xiao", "ming", "zhang", "wei", "li", "na", "ou", "yang"];

    private static readonly PersonNameAnalyzer s_analyzer = new(c => s_pinyin.GetValueOrDefault(c));

    private static readonly PersonNameAnalyzer s_segmentingAnalyzer = new(c => s_pinyin.GetValueOrDefault(c), SplitPinyin);

    [Test]
    public void Han_name_gives_unigrams_bigrams_and_pinyin()
    {
        AssertAnalyzesTo(s_analyzer, "张伟",
            ["张", "zhang", "张伟", "伟", "wei"],
            startOffsets: [0, 0, 0, 1, 1],
            endOffsets: [1, 1, 2, 2, 2],
            types: [S, P, D, S, P],
            posIncrements: [1, 0, 0, 1, 0],
            finalOffset: 2);
    }

    [Test]
    public void Compound_surname_name_gives_every_bigram()
    {
        AssertAnalyzesTo(s_analyzer, "欧阳娜娜",
            ["欧", "ou", "欧阳", "阳", "yang", "阳娜", "娜", "na", "娜娜", "娜", "na"],
            startOffsets: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3],
            endOffsets: [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4],
            types: [S, P, D, S, P, D, S, P, D, S, P],
            posIncrements: [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
    }

    [TestCase("Zhang Wei", new[] { "zhang", "wei" }, new[] { 0, 6 }, new[] { 5, 9 })]
    [TestCase("WEI ZHANG", new[] { "wei", "zhang" }, new[] { 0, 4 }, new[] { 3, 9 })]
    [TestCase("Zhang,Wei", new[] { "zhang", "wei" }, new[] { 0, 6 }, new[] { 5, 9 })]
    [TestCase("Jean-Luc O.Brien", new[] { "jean", "luc", "o", "brien" }, new[] { 0, 5, 9, 11 }, new[] { 4, 8, 10, 16 })]
    [TestCase("ＺＨＡＮＧ　Ｗｅｉ", new[] { "zhang", "wei" }, new[] { 0, 6 }, new[] { 5, 9 })]
    public void Latin_names_are_lower_cased_words_split_on_separators(string input, string[] terms, int[] starts, int[] ends)
    {
        AssertAnalyzesTo(s_analyzer, input, terms, startOffsets: starts, endOffsets: ends,
            types: Enumerable.Repeat(A, terms.Length).ToArray(), posIncrements: Enumerable.Repeat(1, terms.Length).ToArray());
    }

    [Test]
    public void Han_name_and_its_romanisation_in_either_order_share_the_pinyin_terms()
    {
        List<string> han = Terms(s_analyzer, "张伟");
        Assert.That(han.Intersect(Terms(s_analyzer, "Zhang Wei")), Is.EquivalentTo(new[] { "zhang", "wei" }));
        Assert.That(han.Intersect(Terms(s_analyzer, "WEI ZHANG")), Is.EquivalentTo(new[] { "zhang", "wei" }));
    }

    [Test]
    public void Space_between_han_characters_does_not_break_the_bigram()
    {
        AssertAnalyzesTo(s_analyzer, "张 伟",
            ["张", "zhang", "张伟", "伟", "wei"],
            startOffsets: [0, 0, 0, 2, 2],
            endOffsets: [1, 1, 3, 3, 3],
            posIncrements: [1, 0, 0, 1, 0]);
        Assert.That(Terms(s_analyzer, "张 伟"), Is.EqualTo(Terms(s_analyzer, "张伟")));
    }

    [Test]
    public void Middle_dot_joins_but_comma_separates_names()
    {
        Assert.That(Terms(s_analyzer, "阿沛·阿旺"), Does.Contain("沛阿"));
        List<string> twoNames = Terms(s_analyzer, "张伟，王芳");
        Assert.That(twoNames, Is.EqualTo(new[] { "张", "zhang", "张伟", "伟", "wei", "王", "wang", "王芳", "芳", "fang" }));
    }

    [Test]
    public void Characters_without_known_pinyin_still_give_unigrams_and_bigrams()
    {
        AssertAnalyzesTo(s_analyzer, "李䶮", ["李", "li", "李䶮", "䶮"], types: [S, P, D, S]);
    }

    [Test]
    public void Mixed_han_and_latin_name_gives_both_kinds_of_token()
    {
        AssertAnalyzesTo(s_analyzer, "张伟 David",
            ["张", "zhang", "张伟", "伟", "wei", "david"],
            types: [S, P, D, S, P, A]);
    }

    [Test]
    public void Romanised_pinyin_runs_are_only_split_when_a_segmenter_is_given()
    {
        AssertAnalyzesTo(s_analyzer, "Xiaoming Li", ["xiaoming", "li"]);
        AssertAnalyzesTo(s_segmentingAnalyzer, "Xiaoming Li",
            ["xiaoming", "xiao", "ming", "li"],
            startOffsets: [0, 0, 4, 9],
            endOffsets: [8, 4, 8, 11],
            types: [A, P, P, A],
            posIncrements: [1, 0, 0, 1]);
        // Not pinyin: no extra tokens.
        AssertAnalyzesTo(s_segmentingAnalyzer, "David", ["david"]);
    }

    [Test]
    public void Romanised_run_joins_the_han_form_through_the_segmenter()
    {
        List<string> han = Terms(s_segmentingAnalyzer, "欧阳娜娜");
        List<string> latin = Terms(s_segmentingAnalyzer, "OUYANG Nana");
        Assert.That(latin.Intersect(han), Is.EquivalentTo(new[] { "ou", "yang", "na" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" , - . ")]
    public void Empty_or_separator_only_input_gives_no_tokens(string input)
    {
        AssertAnalyzesTo(s_analyzer, input, [], finalOffset: input.Length);
    }

    [Test]
    public void Reused_analyzer_resets_between_names()
    {
        var analyzer = new PersonNameAnalyzer(c => s_pinyin.GetValueOrDefault(c));
        TokenStream first = analyzer.GetTokenStream("name", "欧阳娜娜");
        AssertTokenStreamContents(first, "欧阳娜娜",
            ["欧", "ou", "欧阳", "阳", "yang", "阳娜", "娜", "na", "娜娜", "娜", "na"], finalOffset: 4);
        TokenStream second = analyzer.GetTokenStream("name", "Li Na");
        Assert.That(second, Is.SameAs(first));
        AssertTokenStreamContents(second, "Li Na", ["li", "na"], startOffsets: [0, 3], endOffsets: [2, 5], finalOffset: 5);
        TokenStream third = analyzer.GetTokenStream("name", "张伟");
        AssertTokenStreamContents(third, "张伟", ["张", "zhang", "张伟", "伟", "wei"], finalOffset: 2);
    }

    [Test]
    public void Stream_contract_increment_after_end_returns_false()
    {
        using TokenStream stream = s_analyzer.GetTokenStream("name", "张伟");
        stream.Reset();
        int count = 0;
        while (stream.IncrementToken())
        {
            count++;
        }
        stream.End();
        Assert.That(stream.IncrementToken(), Is.False);
        Assert.That(count, Is.EqualTo(5));
    }

    /// <summary>Greedy longest-syllable split over a tiny syllable list; null when the word is not all pinyin.</summary>
    private static string[]? SplitPinyin(string word)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < word.Length)
        {
            string? match = s_syllables.Where(s => string.CompareOrdinal(word, i, s, 0, s.Length) == 0)
                .OrderByDescending(s => s.Length).FirstOrDefault();
            if (match is null)
            {
                return null;
            }
            parts.Add(match);
            i += match.Length;
        }
        return parts.ToArray();
    }
}
