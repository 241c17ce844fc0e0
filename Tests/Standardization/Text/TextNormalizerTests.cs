using Mdm.Engine.Standardization.Text;

namespace Mdm.Tests.Standardization.Text;

public sealed class TextNormalizerTests
{
    [TestCase("Ｚｈａｎｇ　Ｗｅｉ", "Zhang Wei")]
    [TestCase("１３８００１３８０００", "13800138000")]
    [TestCase("北京市朝阳区建国路８８号Ａ座", "北京市朝阳区建国路88号A座")]
    [TestCase("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com")]
    [TestCase("  张\u3000\u3000伟  ", "张 伟")]
    [TestCase("Zhang\u00A0\u00A0Wei", "Zhang Wei")]
    [TestCase("上海市\t浦东新区\r\n世纪大道", "上海市 浦东新区 世纪大道")]
    [TestCase("\uFEFF北京", "北京")]
    [TestCase("王\u200B小\u200D明", "王小明")]
    [TestCase("Li\u0007 Na", "Li Na")]
    [TestCase("ABC def", "ABC def")]
    public void Fold_normalizes_width_spaces_and_invisible_characters(string input, string expected)
    {
        Assert.That(TextNormalizer.Fold(input), Is.EqualTo(expected));
    }

    [TestCase("\uF900", "\u8C48")]                 // 豈 compatibility ideograph → unified 豈
    [TestCase("\uF91D林", "\u6B04林")]             // 欄
    [TestCase("\U0002F800", "\u4E3D")]             // CJK compatibility supplement → 丽
    [TestCase("葛\U000E0100城", "葛城")]            // ideographic variation selector dropped
    [TestCase("神\uFE00", "神")]                    // standardized variation selector dropped
    public void Fold_unifies_compatibility_ideographs(string input, string expected)
    {
        Assert.That(TextNormalizer.Fold(input), Is.EqualTo(expected));
    }

    [Test]
    public void Fold_keeps_unified_ideographs_that_live_in_the_compatibility_block()
    {
        // U+FA11 﨑 is a unified ideograph despite its code point; it must not be altered.
        const string value = "山\uFA11";
        Assert.That(TextNormalizer.Fold(value), Is.SameAs(value));
    }

    [TestCase("张伟")]
    [TestCase("Zhang Wei")]
    [TestCase("北京市 朝阳区 建国路88号")]
    [TestCase("x")]
    public void Fold_returns_the_same_instance_when_nothing_changes(string value)
    {
        Assert.That(TextNormalizer.Fold(value), Is.SameAs(value));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\u3000\t\u200B")]
    public void Fold_returns_empty_for_blank_input(string? value)
    {
        Assert.That(TextNormalizer.Fold(value), Is.EqualTo(string.Empty));
    }

    [TestCase('张', true)]
    [TestCase('㐀', true)]       // Extension A
    [TestCase('\uF900', true)]   // compatibility ideograph
    [TestCase('A', false)]
    [TestCase('〇', false)]
    [TestCase('，', false)]
    [TestCase('あ', false)]
    public void IsHan_recognizes_ideographs(char c, bool expected)
    {
        Assert.That(TextNormalizer.IsHan(c), Is.EqualTo(expected));
    }

    [TestCase("Room 5 张", true)]
    [TestCase("𠀀", true)]           // Extension B, surrogate pair
    [TestCase("Zhang Wei", false)]
    [TestCase("キム", false)]
    [TestCase("", false)]
    public void ContainsHan_detects_han_anywhere(string value, bool expected)
    {
        Assert.That(TextNormalizer.ContainsHan(value), Is.EqualTo(expected));
    }

    [TestCase("张 伟", "张伟")]
    [TestCase("欧阳\u3000娜 娜", "欧阳娜娜")]
    [TestCase(" 李\t明 ", "李明")]
    public void RemoveWhitespace_joins_han_names(string input, string expected)
    {
        Assert.That(TextNormalizer.RemoveWhitespace(input), Is.EqualTo(expected));
    }

    [Test]
    public void RemoveWhitespace_returns_the_same_instance_without_whitespace()
    {
        const string value = "张伟";
        Assert.That(TextNormalizer.RemoveWhitespace(value), Is.SameAs(value));
    }
}
