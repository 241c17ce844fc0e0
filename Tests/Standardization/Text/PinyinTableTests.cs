using Mdm.Engine.Standardization.Text;

namespace Mdm.Tests.Standardization.Text;

public sealed class PinyinTableTests
{
    private static PinyinTable Pinyin => PinyinTable.Default;

    [TestCase("单", "shan")]
    [TestCase("曾", "zeng")]
    [TestCase("区", "ou")]
    [TestCase("解", "xie")]
    [TestCase("仇", "qiu")]
    [TestCase("朴", "piao")]
    [TestCase("查", "zha")]
    [TestCase("盖", "ge")]
    [TestCase("吕", "lv")]
    [TestCase("欧阳", "ouyang")]
    [TestCase("歐陽", "ouyang")]
    [TestCase("尉迟", "yuchi")]
    [TestCase("万俟", "moqi")]
    [TestCase("皇甫", "huangfu")]
    [TestCase("长孙", "zhangsun")]
    public void SurnameReading_uses_the_surname_pronunciation(string surname, string expected)
    {
        Assert.That(Pinyin.SurnameReading(surname), Is.EqualTo(expected));
    }

    [TestCase("伟")]
    [TestCase("小明")]
    [TestCase("")]
    public void SurnameReading_is_null_for_non_surnames(string value)
    {
        Assert.That(Pinyin.SurnameReading(value), Is.Null);
    }

    [TestCase('张', "zhang")]
    [TestCase('吕', "lv")]
    [TestCase('女', "nv")]
    [TestCase('略', "lve")]
    [TestCase('单', "dan")]
    [TestCase('曾', "ceng")]
    [TestCase('行', "xing")]
    [TestCase('張', "zhang")]
    [TestCase('\uF9B5', "li")]   // compatibility ideograph of 例
    public void Syllable_gives_the_toneless_default_reading(char han, string expected)
    {
        Assert.That(Pinyin.Syllable(han), Is.EqualTo(expected));
    }

    [Test]
    public void Syllable_is_null_for_non_han()
    {
        Assert.That(Pinyin.Syllable('A'), Is.Null);
    }

    [TestCase('行', new[] { "xing", "hang", "heng" })]
    [TestCase('重', new[] { "zhong", "chong" })]
    [TestCase('长', new[] { "chang", "zhang" })]
    [TestCase('朝', new[] { "chao", "zhao" })]
    [TestCase('乐', new[] { "le", "yue", "yao", "lao" })]
    public void Readings_list_every_polyphone_reading_default_first(char han, string[] expected)
    {
        Assert.That(Pinyin.Readings(han), Is.EqualTo(expected));
    }

    [Test]
    public void Readings_is_empty_for_non_han()
    {
        Assert.That(Pinyin.Readings('x'), Is.Empty);
    }

    [TestCase("张伟", false, " ", "zhang wei")]
    [TestCase("單田芳", true, " ", "shan tian fang")]
    [TestCase("单田芳", false, " ", "dan tian fang")]
    [TestCase("曾国藩", true, " ", "zeng guo fan")]
    [TestCase("欧阳娜娜", true, "", "ouyangnana")]
    [TestCase("欧阳娜娜", true, "-", "ou-yang-na-na")]
    [TestCase("北京市朝阳区 100020", false, " ", "bei jing shi chao yang qu 100020")]
    [TestCase("Room 3B, 张三", false, " ", "room 3b zhang san")]
    [TestCase("吕梁", false, " ", "lv liang")]
    [TestCase("", false, " ", "")]
    public void ToPinyin_converts_text(string text, bool asSurnameFirst, string separator, string expected)
    {
        Assert.That(Pinyin.ToPinyin(text, asSurnameFirst, separator), Is.EqualTo(expected));
    }

    [TestCase("zhang", true)]
    [TestCase("zhuang", true)]
    [TestCase("lv", true)]
    [TestCase("er", true)]
    [TestCase("smith", false)]
    [TestCase("ng", false)]      // interjection reading, not a name syllable
    [TestCase("zhangwei", false)]
    [TestCase("", false)]
    public void IsSyllable_accepts_single_pinyin_syllables(string latin, bool expected)
    {
        Assert.That(Pinyin.IsSyllable(latin), Is.EqualTo(expected));
    }

    [TestCase("xiaoming", new[] { "xiao", "ming" })]
    [TestCase("zhangwei", new[] { "zhang", "wei" })]
    [TestCase("xian", new[] { "xian" })]
    [TestCase("xi'an", new[] { "xi", "an" })]
    [TestCase("fangan", new[] { "fan", "gan" })]
    [TestCase("jianan", new[] { "jia", "nan" })]
    [TestCase("ouyangnana", new[] { "ou", "yang", "na", "na" })]
    [TestCase("zhuangshuang", new[] { "zhuang", "shuang" })]
    [TestCase("lvxiaobo", new[] { "lv", "xiao", "bo" })]
    [TestCase("xiao-ming", new[] { "xiao", "ming" })]
    public void SegmentSyllables_splits_pinyin_runs(string latin, string[] expected)
    {
        Assert.That(Pinyin.SegmentSyllables(latin), Is.EqualTo(expected));
    }

    [TestCase("smith")]
    [TestCase("john")]
    [TestCase("zhang3")]
    [TestCase("")]
    [TestCase("xi''an")]
    public void SegmentSyllables_returns_null_when_not_pinyin(string latin)
    {
        Assert.That(Pinyin.SegmentSyllables(latin), Is.Null);
    }
}
