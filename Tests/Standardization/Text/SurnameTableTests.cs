using Mdm.Engine.Standardization.Text;

namespace Mdm.Tests.Standardization.Text;

public sealed class SurnameTableTests
{
    [TestCase("张伟", 1)]
    [TestCase("王小明", 1)]
    [TestCase("欧阳娜娜", 2)]
    [TestCase("歐陽娜娜", 2)]
    [TestCase("司马光", 2)]
    [TestCase("诸葛亮", 2)]
    [TestCase("上官婉儿", 2)]
    [TestCase("慕容复", 2)]
    [TestCase("欧阳", 1)]     // two chars: single surname 欧 + given 阳
    [TestCase("上官", 2)]     // 上 is no surname on its own
    [TestCase("張", 1)]
    [TestCase("伟", 0)]
    [TestCase("", 0)]
    public void MatchSurnameLength_prefers_compound_surnames(string name, int expected)
    {
        Assert.That(SurnameTable.Default.MatchSurnameLength(name), Is.EqualTo(expected));
    }

    [TestCase("zhang", true)]
    [TestCase("wang", true)]
    [TestCase("ouyang", true)]
    [TestCase("zeng", true)]
    [TestCase("lv", true)]
    [TestCase("xiaoming", false)]
    [TestCase("smith", false)]
    [TestCase("ceng", false)]   // 曾 is read zeng as a surname
    public void IsSurnamePinyin_knows_surname_readings(string latin, bool expected)
    {
        Assert.That(SurnameTable.Default.IsSurnamePinyin(latin), Is.EqualTo(expected));
    }
}
