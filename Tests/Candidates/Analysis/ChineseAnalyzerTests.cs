using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Mdm.Engine.Candidates.Analysis;
using static Mdm.Tests.Candidates.Analysis.AnalysisAssert;

namespace Mdm.Tests.Candidates.Analysis;

public sealed class ChineseAnalyzerTests
{
    private const string W = ChineseTokenizer.WordType;
    private const string D = ChineseWordBigramFilter.BigramType;
    private const string N = ChineseTokenizer.NumType;
    private const string A = ChineseTokenizer.AlphanumType;

    private static readonly ChineseAnalyzer s_analyzer = new();

    [Test]
    public void Full_address_drops_suffix_tokens_and_adds_bigrams_of_long_words()
    {
        // Segmented as 广东省/深圳市/南山区/粤海/街道/科技园/路/12/号; 街道, 路 and 号 are stop words.
        AssertAnalyzesTo(s_analyzer, "广东省深圳市南山区粤海街道科技园路12号",
            ["广东省", "广东", "东省", "深圳市", "深圳", "圳市", "南山区", "南山", "山区", "粤海", "科技园", "科技", "技园", "12"],
            startOffsets: [0, 0, 1, 3, 3, 4, 6, 6, 7, 9, 13, 13, 14, 17],
            endOffsets: [3, 2, 3, 6, 5, 6, 9, 8, 9, 11, 16, 15, 16, 19],
            types: [W, D, D, W, D, D, W, D, D, W, W, D, D, N],
            posIncrements: [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 2, 0, 0, 2]);
    }

    [Test]
    public void Full_width_digits_are_folded_and_keep_their_offsets()
    {
        AssertAnalyzesTo(s_analyzer, "深圳南山科技园路１２号",
            ["深圳", "南山", "科技园", "科技", "技园", "12"],
            startOffsets: [0, 2, 4, 4, 5, 8],
            endOffsets: [2, 4, 7, 6, 7, 10],
            types: [W, W, W, D, D, N],
            posIncrements: [1, 1, 1, 0, 0, 2]);
    }

    [Test]
    public void Short_and_full_forms_of_the_same_address_share_their_identifying_terms()
    {
        List<string> full = Terms(s_analyzer, "广东省深圳市南山区粤海街道科技园路12号");
        List<string> shortForm = Terms(s_analyzer, "深圳南山科技园路１２号");
        Assert.That(full.Intersect(shortForm), Is.EquivalentTo(new[] { "深圳", "南山", "科技园", "科技", "技园", "12" }));
    }

    [Test]
    public void Latin_run_inside_an_address_is_one_lower_cased_token()
    {
        AssertAnalyzesTo(s_analyzer, "北京市朝阳区建国路88号SOHO现代城",
            ["北京市", "北京", "京市", "朝阳区", "朝阳", "阳区", "建国路", "建国", "国路", "88", "soho", "现代", "城"],
            startOffsets: [0, 0, 1, 3, 3, 4, 6, 6, 7, 9, 12, 16, 18],
            endOffsets: [3, 2, 3, 6, 5, 6, 9, 8, 9, 11, 16, 18, 19],
            types: [W, D, D, W, D, D, W, D, D, N, A, W, W],
            posIncrements: [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 2, 1, 1]);
    }

    [Test]
    public void Company_name_written_two_ways_shares_brand_and_industry_terms()
    {
        List<string> first = Terms(s_analyzer, "深圳市腾达科技有限公司");
        List<string> second = Terms(s_analyzer, "腾达科技（深圳）有限公司");
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { "深圳市", "深圳", "圳市", "腾达", "科技" }));
            Assert.That(second, Is.EqualTo(new[] { "腾达", "科技", "深圳" }));
            Assert.That(first.Intersect(second), Is.EquivalentTo(new[] { "腾达", "科技", "深圳" }));
        });
    }

    [TestCase("中国邮政集团有限公司", new[] { "中国邮政", "中国", "国邮", "邮政" })]
    [TestCase("华为技术有限责任公司", new[] { "华为技术", "华为", "为技", "技术" })]
    [TestCase("平安银行股份有限公司", new[] { "平安", "银行" })]
    [TestCase("中国银行深圳分公司", new[] { "中国银行", "中国", "国银", "银行", "深圳", "分公司", "分公" })]
    public void Legal_form_words_are_dropped_but_words_containing_them_are_kept(string name, string[] expected)
    {
        // 分公司 survives as a word; its bigram 公司 is a stop word and is not emitted.
        Assert.That(Terms(s_analyzer, name), Is.EqualTo(expected));
    }

    [Test]
    public void Dictionary_road_names_stay_whole()
    {
        // 建国路 and 文三路 are jieba words: the stop word 路 only goes when it stands alone.
        Assert.That(Terms(s_analyzer, "文三路"), Is.EqualTo(new[] { "文三路", "文三", "三路" }));
        Assert.That(Terms(s_analyzer, "建国路"), Does.Contain("建国路"));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\u3000\t\r\n  ")]
    [TestCase("（）、，。")]
    [TestCase("号")]
    public void Input_without_content_gives_no_tokens_and_the_right_final_offset(string input)
    {
        AssertAnalyzesTo(s_analyzer, input, [], finalOffset: input.Length);
    }

    [Test]
    public void Reused_analyzer_resets_its_tokenizer_between_inputs()
    {
        var analyzer = new ChineseAnalyzer();
        TokenStream first = analyzer.GetTokenStream("address", "北京市朝阳区建国路88号SOHO现代城");
        AssertTokenStreamContents(first, "北京市朝阳区建国路88号SOHO现代城",
            ["北京市", "北京", "京市", "朝阳区", "朝阳", "阳区", "建国路", "建国", "国路", "88", "soho", "现代", "城"],
            finalOffset: 19);

        TokenStream second = analyzer.GetTokenStream("address", "深圳市腾达科技");
        Assert.That(second, Is.SameAs(first), "Lucene's reuse strategy hands back the same components");
        AssertTokenStreamContents(second, "深圳市腾达科技", ["深圳市", "深圳", "圳市", "腾达", "科技"],
            startOffsets: [0, 0, 1, 3, 5], endOffsets: [3, 2, 3, 5, 7], finalOffset: 7);

        // 80,000 chars (7 terms per 南京市长江大桥), then a short input: buffers grow and shrink without leaking old text.
        string longInput = string.Concat(Enumerable.Repeat("南京市长江大桥，", 10_000));
        Assert.That(Terms(analyzer, longInput), Has.Count.EqualTo(10_000 * 7));
        AssertAnalyzesTo(analyzer, "SOHO", ["soho"], types: [A]);
    }

    [Test]
    public void Stream_contract_increment_after_end_returns_false()
    {
        TokenStream stream = s_analyzer.GetTokenStream("address", "科技园路12号");
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var terms = new List<string>();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }
            Assert.That(stream.IncrementToken(), Is.False, "exhausted stream stays exhausted");
            stream.End();
            Assert.That(stream.IncrementToken(), Is.False, "no token after End()");
            Assert.That(terms, Is.EqualTo(new[] { "科技园", "科技", "技园", "12" }));
        }
        finally
        {
            stream.Dispose();
        }
    }

    [Test]
    public void Without_stop_words_or_bigrams_the_analyzer_emits_the_plain_segmentation()
    {
        var plain = new ChineseAnalyzer(ChineseSegmenter.Default, new CharArraySet(LuceneVersion.LUCENE_48, 0, false),
            emitWordBigrams: false);
        AssertAnalyzesTo(plain, "广东省深圳市南山区粤海街道科技园路12号",
            ["广东省", "深圳市", "南山区", "粤海", "街道", "科技园", "路", "12", "号"],
            posIncrements: [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    }

    [Test]
    public void Default_stop_words_cannot_be_modified()
    {
        Assert.That(ChineseAnalyzer.DefaultStopWords.IsReadOnly, Is.True);
        Assert.That(ChineseAnalyzer.DefaultStopWords.Contains("有限公司"), Is.True);
        Assert.That(ChineseAnalyzer.DefaultStopWords.Contains("科技"), Is.False);
    }

    [Test]
    public void Analyzer_shared_by_several_threads_gives_each_thread_correct_tokens()
    {
        string[] inputs = ["广东省深圳市南山区粤海街道科技园路12号", "腾达科技（深圳）有限公司", "北京市朝阳区建国路88号SOHO现代城", ""];
        string[] expected = inputs.Select(s => string.Join("/", Terms(s_analyzer, s))).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            string actual = string.Join("/", Terms(s_analyzer, inputs[i % inputs.Length]));
            if (actual != expected[i % inputs.Length])
            {
                failures.Add(actual);
            }
        });
        Assert.That(failures, Is.Empty);
    }
}
