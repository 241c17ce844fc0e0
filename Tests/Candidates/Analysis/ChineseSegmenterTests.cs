using Mdm.Engine.Candidates.Analysis;

namespace Mdm.Tests.Candidates.Analysis;

public sealed class ChineseSegmenterTests
{
    private static ChineseSegmenter Segmenter => ChineseSegmenter.Default;

    // Expected cuts are those of Python jieba's cut(text, HMM=False) over the same dictionary (checked with an
    // independent reimplementation of jieba's get_DAG/calc on 60,000 lines: identical).
    [TestCase("南京市长江大桥", "南京市/长江大桥")]
    [TestCase("中华人民共和国", "中华人民共和国")]
    [TestCase("我来到北京清华大学", "我/来到/北京/清华大学")]
    [TestCase("他说的确实在理", "他/说/的/确实/在/理")]
    [TestCase("结婚的和尚未结婚的", "结婚/的/和/尚未/结婚/的")]
    [TestCase("工信处女干事每月经过下属科室都要亲口交代", "工信处/女干事/每月/经过/下属/科室/都/要/亲口/交代")]
    [TestCase("研究生命起源", "研究/生命/起源")]
    [TestCase("广东省深圳市南山区粤海街道科技园路12号", "广东省/深圳市/南山区/粤海/街道/科技园/路/12/号")]
    [TestCase("上海市浦东新区张江高科技园区碧波路690号", "上海市浦东新区/张/江/高/科技园区/碧波/路/690/号")]
    [TestCase("内蒙古自治区呼和浩特市新城区", "内蒙古自治区/呼和浩特市/新城区")]
    [TestCase("成都市武侯区人民南路四段11号", "成都市/武侯区/人民/南路/四段/11/号")]
    [TestCase("北京市海淀区中关村大街", "北京市/海淀区/中关村/大街")]
    [TestCase("中国邮政集团有限公司", "中国邮政/集团/有限公司")]
    [TestCase("阿里巴巴网络技术有限公司", "阿里巴巴/网络/技术/有限公司")]
    [TestCase("香港特别行政区", "香港特别行政区")]
    [TestCase("二〇二三年", "二/〇/二三年")]
    public void Segments_like_jieba_without_hmm(string text, string expected)
    {
        Assert.That(string.Join("/", Segmenter.Cut(text)), Is.EqualTo(expected));
    }

    [TestCase("北京市朝阳区建国路88号SOHO现代城", "北京市/朝阳区/建国路/88/号/soho/现代/城")]
    [TestCase("深圳南山科技园路１２号", "深圳/南山/科技园/路/12/号")]
    [TestCase("ＳＯＨＯ现代城Ｂ座", "soho/现代/城/b/座")]
    [TestCase("B座1201室", "b/座/1201/室")]
    [TestCase("B1201", "b/1201")]
    [TestCase("Room 1203, Tower B; 88 Jianguo Rd.", "room/1203/tower/b/88/jianguo/rd")]
    [TestCase("腾达科技（深圳）有限公司", "腾达/科技/深圳/有限公司")]
    [TestCase("杭州市·西湖区，文三路 478号", "杭州市/西湖区/文三路/478/号")]
    [TestCase("Straße Ünter", "straße/ünter")]
    public void Letters_and_digits_form_their_own_folded_tokens_and_punctuation_separates(string text, string expected)
    {
        Assert.That(string.Join("/", Segmenter.Cut(text)), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("，。、（）-—/ \t\r\n\u3000")]
    public void Text_without_letters_digits_or_han_gives_no_tokens(string text)
    {
        Assert.That(Segmenter.Cut(text), Is.Empty);
    }

    [Test]
    public void Tokens_carry_offsets_into_the_original_text_and_their_kind()
    {
        const string text = "（深圳）ＳＯＨＯ 12号";
        var tokens = new List<ChineseToken>();
        Segmenter.Segment(text, tokens);

        Assert.That(tokens, Is.EqualTo(new[]
        {
            new ChineseToken(1, 2, ChineseTokenKind.Word),
            new ChineseToken(4, 4, ChineseTokenKind.Alphanum),
            new ChineseToken(9, 2, ChineseTokenKind.Num),
            new ChineseToken(11, 1, ChineseTokenKind.Word),
        }));
        Assert.That(tokens[1].GetTerm(text), Is.EqualTo("soho"));
        Assert.That(text.Substring(tokens[1].Start, tokens[1].Length), Is.EqualTo("ＳＯＨＯ"));
    }

    [Test]
    public void Segment_appends_to_the_list_it_is_given()
    {
        var tokens = new List<ChineseToken> { new(0, 1, ChineseTokenKind.Word) };
        Segmenter.Segment("南京市", tokens);
        Assert.That(tokens, Has.Count.EqualTo(2));
        Assert.That(tokens[1], Is.EqualTo(new ChineseToken(0, 3, ChineseTokenKind.Word)));
    }

    [Test]
    public void Dynamic_programming_beats_greedy_longest_match()
    {
        // Greedy longest match would take 研究生 and strand 命; the best path is 研究/生命/起源.
        var dictionary = JiebaDictionary.Create(new Dictionary<string, int>
        {
            ["研究"] = 100, ["研究生"] = 20, ["生命"] = 100, ["命"] = 5, ["起源"] = 100,
        });
        var segmenter = new ChineseSegmenter(dictionary);
        Assert.That(segmenter.Cut("研究生命起源"), Is.EqualTo(new[] { "研究", "生命", "起源" }));
        Assert.That(segmenter.Cut("研究生"), Is.EqualTo(new[] { "研究生" }));
    }

    [Test]
    public void Unknown_characters_become_single_character_words()
    {
        var dictionary = JiebaDictionary.Create(new Dictionary<string, int> { ["长江"] = 10, ["大桥"] = 10 });
        var segmenter = new ChineseSegmenter(dictionary);
        Assert.That(segmenter.Cut("龘长江大桥鱻"), Is.EqualTo(new[] { "龘", "长江", "大桥", "鱻" }));
    }

    [Test]
    public void A_supplementary_ideograph_is_one_word_and_never_split()
    {
        // 𠀾 U+2003E and 𡈼 U+2123C are outside the BMP (surrogate pairs).
        const string text = "王𠀾伟𡈼";
        string[] terms = Segmenter.Cut(text);
        Assert.That(terms, Is.EqualTo(new[] { "王", "𠀾", "伟", "𡈼" }));
    }

    [Test]
    public void Long_han_runs_use_pooled_buffers_and_segment_the_same()
    {
        string text = string.Concat(Enumerable.Repeat("南京市长江大桥", 100)); // 700 chars, beyond the stack limit
        string[] terms = Segmenter.Cut(text);
        Assert.That(terms, Has.Length.EqualTo(200));
        Assert.That(terms.Distinct(), Is.EquivalentTo(new[] { "南京市", "长江大桥" }));
    }

    [Test]
    public void Overlong_letter_runs_are_cut_at_the_maximum_token_length()
    {
        string text = new string('x', ChineseSegmenter.MaxTokenLength * 2 + 10);
        var tokens = new List<ChineseToken>();
        Segmenter.Segment(text, tokens);
        Assert.That(tokens.Select(t => t.Length), Is.EqualTo(new[] { 255, 255, 10 }));
        Assert.That(tokens.Select(t => t.Start), Is.EqualTo(new[] { 0, 255, 510 }));
    }

    [Test]
    public void Concurrent_use_of_one_segmenter_gives_the_same_results_as_serial_use()
    {
        string[] inputs =
        [
            "广东省深圳市南山区粤海街道科技园路12号", "南京市长江大桥", "北京市朝阳区建国路88号SOHO现代城",
            "上海市浦东新区张江高科技园区碧波路690号", "阿里巴巴网络技术有限公司", "工信处女干事每月经过下属科室都要亲口交代",
        ];
        string[] expected = inputs.Select(s => string.Join("/", Segmenter.Cut(s))).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            string actual = string.Join("/", Segmenter.Cut(inputs[i % inputs.Length]));
            if (actual != expected[i % inputs.Length])
            {
                failures.Add(actual);
            }
        });
        Assert.That(failures, Is.Empty);
    }
}
