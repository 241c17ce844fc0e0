using System.Text;
using Mdm.Engine.Candidates.Analysis;

namespace Mdm.Tests.Candidates.Analysis;

public sealed class JiebaDictionaryTests
{
    [Test]
    public void Default_dictionary_holds_every_han_word_of_the_jieba_list()
    {
        JiebaDictionary dictionary = JiebaDictionary.Default;
        Assert.Multiple(() =>
        {
            Assert.That(dictionary.WordCount, Is.EqualTo(348_975));
            Assert.That(dictionary.TotalFrequency, Is.EqualTo(60_101_961));
            Assert.That(dictionary.MaxWordLength, Is.EqualTo(16));
            Assert.That(JiebaDictionary.Default, Is.SameAs(dictionary));
        });
    }

    [TestCase("天地", 1989)]
    [TestCase("长江大桥", 3858)]
    [TestCase("有限公司", 6278)]
    [TestCase("中华人民共和国", 9989)]
    [TestCase("平舆县", 2)] // a rare place name: low frequencies were deliberately kept
    [TestCase("号", 44621)]
    [TestCase("中华人民共", 0)] // only a prefix
    [TestCase("科技园路", 0)]
    [TestCase("T恤", 0)] // mixed Latin/Han entries were dropped
    [TestCase("", 0)]
    public void Frequencies_match_the_source_list(string word, int expected)
    {
        Assert.That(JiebaDictionary.Default.GetFrequency(word), Is.EqualTo(expected));
        Assert.That(JiebaDictionary.Default.Contains(word), Is.EqualTo(expected > 0));
    }

    [Test]
    public void Load_reads_jieba_format_with_or_without_pos_and_ignores_blank_lines()
    {
        const string text = "天地 1989 n\n\n天圣\t32\tns\r\n南京市 2046\n  长江大桥   3858 ns  \n";
        JiebaDictionary dictionary = JiebaDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Multiple(() =>
        {
            Assert.That(dictionary.WordCount, Is.EqualTo(4));
            Assert.That(dictionary.TotalFrequency, Is.EqualTo(1989 + 32 + 2046 + 3858));
            Assert.That(dictionary.GetFrequency("天圣"), Is.EqualTo(32));
            Assert.That(dictionary.GetFrequency("长江大桥"), Is.EqualTo(3858));
            Assert.That(dictionary.GetFrequency("天"), Is.EqualTo(0));
        });
    }

    [Test]
    public void A_repeated_word_keeps_its_last_frequency_and_zero_frequency_words_are_prefixes_only()
    {
        const string text = "南京 5\n南京 7\n南京市 0\n";
        JiebaDictionary dictionary = JiebaDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.That(dictionary.GetFrequency("南京"), Is.EqualTo(7));
        Assert.That(dictionary.Contains("南京市"), Is.False);
        Assert.That(dictionary.WordCount, Is.EqualTo(1));
    }

    [Test]
    public void Unsorted_input_builds_the_same_trie()
    {
        var sorted = JiebaDictionary.Create(new Dictionary<string, int> { ["北京"] = 3, ["北京市"] = 2, ["市长"] = 4 });
        var unsorted = JiebaDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes("市长 4\n北京市 2\n北京 3\n")));
        foreach (string word in new[] { "北京", "北京市", "市长", "北", "市" })
        {
            Assert.That(unsorted.GetFrequency(word), Is.EqualTo(sorted.GetFrequency(word)), word);
        }
        Assert.That(unsorted.NodeCount, Is.EqualTo(sorted.NodeCount));
    }

    [TestCase("南京\n")]
    [TestCase("南京 many\n")]
    [TestCase("南京 -3\n")]
    public void Malformed_lines_are_rejected_with_their_line_number(string text)
    {
        var ex = Assert.Throws<FormatException>(() =>
            JiebaDictionary.Load(new MemoryStream(Encoding.UTF8.GetBytes("北京 3\n" + text))));
        Assert.That(ex!.Message, Does.StartWith("Line 2:"));
    }
}
