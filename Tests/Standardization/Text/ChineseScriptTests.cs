using Mdm.Engine.Standardization.Text;

namespace Mdm.Tests.Standardization.Text;

public sealed class ChineseScriptTests
{
    [TestCase("張偉", "张伟")]
    [TestCase("歐陽娜娜", "欧阳娜娜")]
    [TestCase("陳", "陈")]
    [TestCase("黃", "黄")]
    [TestCase("頭髮", "头发")]
    [TestCase("後來", "后来")]
    [TestCase("皇后", "皇后")]
    [TestCase("臺北", "台北")]
    [TestCase("臺灣", "台湾")]
    [TestCase("乾燥", "干燥")]
    [TestCase("乾淨", "干净")]
    [TestCase("乾隆", "乾隆")]              // TSPhrases keeps 乾 in 乾隆
    [TestCase("乾坤", "乾坤")]
    [TestCase("著名", "著名")]              // not 着名
    [TestCase("顯著", "显著")]
    [TestCase("著作權", "著作权")]
    [TestCase("什麼", "什么")]
    [TestCase("瀋陽市", "沈阳市")]
    [TestCase("於是", "于是")]
    [TestCase("鍾小姐", "钟小姐")]
    [TestCase("颱風", "台风")]
    [TestCase("臺中市西屯區", "台中市西屯区")]
    [TestCase("香港九龍旺角彌敦道", "香港九龙旺角弥敦道")]
    public void ToSimplified_converts_traditional_text(string traditional, string expected)
    {
        Assert.That(ChineseScript.Default.ToSimplified(traditional), Is.EqualTo(expected));
    }

    [TestCase("台灣大學", "台湾大学")]      // Taiwan writes 台 for OpenCC-standard 臺
    [TestCase("裡面", "里面")]              // TW 裡 for 裏
    [TestCase("群眾", "群众")]              // TW 眾 for 衆
    [TestCase("麵包", "面包")]
    [TestCase("衞生署", "卫生署")]          // HK 衞 for 衛
    [TestCase("枱燈", "台灯")]              // HK 枱 for 檯
    [TestCase("敍述", "叙述")]              // HK 敍 for 敘
    [TestCase("一口吃個", "一口吃个")]      // TW variant phrase
    public void ToSimplified_reverts_taiwan_and_hong_kong_variants(string variant, string expected)
    {
        Assert.That(ChineseScript.Default.ToSimplified(variant), Is.EqualTo(expected));
    }

    [TestCase("张伟")]
    [TestCase("北京市朝阳区")]
    [TestCase("什么")]      // 么 must not become 幺
    [TestCase("显著")]      // 著 must not become 着
    [TestCase("沈默")]      // a simplified name: TSPhrases would give 沉默
    [TestCase("打坏")]      // simplified: TSPhrases would give 打坯
    [TestCase("Zhang Wei 123")]
    public void ToSimplified_leaves_simplified_text_untouched(string simplified)
    {
        Assert.That(ChineseScript.Default.ToSimplified(simplified), Is.SameAs(simplified));
    }

    [Test]
    public void ToSimplified_returns_the_same_instance_when_the_only_candidates_stay()
    {
        const string value = "乾隆皇帝"; // 乾 is convertible, but the phrase keeps it
        Assert.That(ChineseScript.Default.ToSimplified(value), Is.SameAs(value));
    }

    [Test]
    public void ToSimplified_does_not_apply_taiwan_vocabulary()
    {
        // TWPhrasesRev would turn the common given name 智慧 into 智能 and 軟體 into 软件; only the script changes.
        Assert.That(ChineseScript.Default.ToSimplified("林智慧"), Is.EqualTo("林智慧"));
        Assert.That(ChineseScript.Default.ToSimplified("軟體"), Is.EqualTo("软体"));
    }

    [TestCase("臺灣省臺北市萬華區康定路")]
    [TestCase("乾隆年間的頭髮")]
    [TestCase("薴麻")]
    [TestCase("著名的臺灣頭髮店")]
    public void ToSimplified_is_idempotent(string traditional)
    {
        string once = ChineseScript.Default.ToSimplified(traditional);
        Assert.That(ChineseScript.Default.ToSimplified(once), Is.EqualTo(once));
    }

    [Test]
    public void ToSimplified_converts_compatibility_ideographs_too()
    {
        // U+F9B5 is a compatibility form of 例.
        Assert.That(ChineseScript.Default.ToSimplified("\uF9B5如"), Is.EqualTo("例如"));
    }

    [Test]
    public void Default_is_safe_to_use_from_many_threads()
    {
        string[] inputs = ["張偉", "歐陽娜娜", "臺北市", "乾隆", "頭髮"];
        string[] expected = ["张伟", "欧阳娜娜", "台北市", "乾隆", "头发"];
        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = ChineseScript.Default.ToSimplified(inputs[i % inputs.Length]));
        for (int i = 0; i < results.Length; i++)
        {
            Assert.That(results[i], Is.EqualTo(expected[i % expected.Length]));
        }
    }
}
