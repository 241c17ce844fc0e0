using Mdm.Engine.Standardization.Names;

namespace Mdm.Tests.Standardization.Names;

public sealed class PersonNameParserTests
{
    // input → Full, Family, Given, PinyinSortedKey
    [TestCase("张伟", "张伟", "张", "伟", "wei zhang")]
    [TestCase("張偉", "张伟", "张", "伟", "wei zhang")]
    [TestCase("张 伟", "张伟", "张", "伟", "wei zhang")]
    [TestCase("　张　伟　", "张伟", "张", "伟", "wei zhang")]
    [TestCase("王小明", "王小明", "王", "小明", "ming wang xiao")]
    [TestCase("欧阳娜娜", "欧阳娜娜", "欧阳", "娜娜", "na na ou yang")]
    [TestCase("歐陽娜娜", "欧阳娜娜", "欧阳", "娜娜", "na na ou yang")]
    [TestCase("欧阳 娜娜", "欧阳娜娜", "欧阳", "娜娜", "na na ou yang")]
    [TestCase("司马光", "司马光", "司马", "光", "guang ma si")]
    [TestCase("司馬懿", "司马懿", "司马", "懿", "ma si yi")]
    [TestCase("上官婉儿", "上官婉儿", "上官", "婉儿", "er guan shang wan")]
    [TestCase("诸葛亮", "诸葛亮", "诸葛", "亮", "ge liang zhu")]
    [TestCase("諸葛孔明", "诸葛孔明", "诸葛", "孔明", "ge kong ming zhu")]
    [TestCase("单田芳", "单田芳", "单", "田芳", "fang shan tian")]
    [TestCase("曾国藩", "曾国藩", "曾", "国藩", "fan guo zeng")]
    [TestCase("区志强", "区志强", "区", "志强", "ou qiang zhi")]
    [TestCase("陳大文", "陈大文", "陈", "大文", "chen da wen")]
    [TestCase("黃美玲", "黄美玲", "黄", "美玲", "huang ling mei")]
    [TestCase("沈思远", "沈思远", "沈", "思远", "shen si yuan")]   // no phrase rule across the surname boundary
    [TestCase("王先生", "王", "王", null, "wang")]
    [TestCase("李女士", "李", "李", null, "li")]
    [TestCase("刘小姐", "刘", "刘", null, "liu")]
    [TestCase("买买提·艾力", "买买提艾力", null, "买买提艾力", "maimaitiaili")]
    [TestCase("阿依古丽•买买提", "阿依古丽买买提", null, "阿依古丽买买提", "ayigulimaimaiti")]
    public void Parses_han_names(string input, string full, string? family, string? given, string key)
    {
        PersonName? name = PersonNameParser.Parse(input);
        Assert.That(name, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(name!.Full, Is.EqualTo(full));
            Assert.That(name.Family, Is.EqualTo(family));
            Assert.That(name.Given, Is.EqualTo(given));
            Assert.That(name.Script, Is.EqualTo(NameScript.Han));
            Assert.That(name.PinyinSortedKey, Is.EqualTo(key));
        });
    }

    // input → Full, Family, Given, PinyinSortedKey
    [TestCase("Zhang Wei", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("WEI ZHANG", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("Zhang, Wei", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("ZHANG Wei", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("Wei ZHANG", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("Zhang Xiaoming", "zhang xiaoming", "zhang", "xiaoming", "ming xiao zhang")]
    [TestCase("Xiaoming Zhang", "zhang xiaoming", "zhang", "xiaoming", "ming xiao zhang")]
    [TestCase("Xiao Ming Zhang", "zhang xiaoming", "zhang", "xiaoming", "ming xiao zhang")]
    [TestCase("Zhang Xiao Ming", "zhang xiaoming", "zhang", "xiaoming", "ming xiao zhang")]
    [TestCase("Zhang Xiao-Ming", "zhang xiaoming", "zhang", "xiaoming", "ming xiao zhang")]
    [TestCase("Ouyang Nana", "ouyang nana", "ouyang", "nana", "na na ou yang")]
    [TestCase("Nana OUYANG", "ouyang nana", "ouyang", "nana", "na na ou yang")]
    [TestCase("LYU Xiaobo", "lv xiaobo", "lv", "xiaobo", "bo lv xiao")]
    [TestCase("Lǚ Xiǎobō", "lv xiaobo", "lv", "xiaobo", "bo lv xiao")]
    [TestCase("Ｚｈａｎｇ　Ｗｅｉ", "zhang wei", "zhang", "wei", "wei zhang")]
    [TestCase("Mr. Wang Fang", "wang fang", "wang", "fang", "fang wang")]
    [TestCase("Dr Li Na", "li na", "li", "na", "li na")]
    [TestCase("John A. Smith", "smith john a", "smith", "john a", "john smith")]
    [TestCase("Smith, John", "smith john", "smith", "john", "john smith")]
    [TestCase("Mrs. Mary Ann Johnson", "johnson mary ann", "johnson", "mary ann", "johnson maryann")]
    [TestCase("John SMITH", "smith john", "smith", "john", "john smith")]
    [TestCase("David Chen", "chen david", "chen", "david", "chen david")]
    [TestCase("Müller, Hans", "muller hans", "muller", "hans", "hans muller")]
    [TestCase("CHAN Tai Man", "chan taiman", "chan", "taiman", "chan man tai")]    // caps beats 满 (man) being a surname
    [TestCase("Smith J.", "smith j", "smith", "j", "j smith")]
    [TestCase("O'Brien, Patrick", "obrien patrick", "obrien", "patrick", "obrien patrick")]
    public void Parses_romanized_and_western_names(string input, string full, string family, string given, string key)
    {
        PersonName? name = PersonNameParser.Parse(input);
        Assert.That(name, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(name!.Full, Is.EqualTo(full));
            Assert.That(name.Family, Is.EqualTo(family));
            Assert.That(name.Given, Is.EqualTo(given));
            Assert.That(name.Script, Is.EqualTo(NameScript.Latin));
            Assert.That(name.PinyinSortedKey, Is.EqualTo(key));
        });
    }

    [TestCase("张伟", "Zhang Wei")]
    [TestCase("张伟", "WEI ZHANG")]
    [TestCase("张伟", "Zhang, Wei")]
    [TestCase("張偉", "Wei Zhang")]
    [TestCase("张小明", "Xiaoming Zhang")]
    [TestCase("张小明", "Xiao Ming Zhang")]
    [TestCase("张小明", "ZHANG Xiao Ming")]
    [TestCase("欧阳娜娜", "Nana Ouyang")]
    [TestCase("司马光", "Sima Guang")]
    [TestCase("上官婉儿", "Wan'er Shangguan")]
    [TestCase("诸葛亮", "Zhuge, Liang")]
    [TestCase("单田芳", "Shan Tianfang")]
    [TestCase("曾国藩", "Zeng Guofan")]
    [TestCase("吕晓波", "LYU XIAOBO")]
    // Both liu and li are surnames: whichever the parser takes for the family name, the syllables are the same.
    [TestCase("刘美丽", "Liu Mei Li")]
    [TestCase("黄忠晨", "HUANG ZHONG CHEN")]
    public void Han_and_romanized_forms_share_the_sorted_pinyin_key(string han, string romanized)
    {
        PersonName? a = PersonNameParser.Parse(han);
        PersonName? b = PersonNameParser.Parse(romanized);
        Assert.That(a?.PinyinSortedKey, Is.Not.Null.And.EqualTo(b?.PinyinSortedKey));
    }

    [Test]
    public void Uses_separate_family_and_given_columns()
    {
        PersonName? han = PersonNameParser.Parse(null, "歐陽", "娜娜");
        PersonName? latin = PersonNameParser.Parse(null, "Zhang", "Xiao Ming");
        Assert.Multiple(() =>
        {
            Assert.That(han, Is.EqualTo(new PersonName("欧阳娜娜", "欧阳", "娜娜", NameScript.Han, "ouyang", "nana")));
            Assert.That(latin, Is.EqualTo(new PersonName("zhang xiaoming", "zhang", "xiaoming", NameScript.Latin, "zhang", "xiaoming")));
        });
    }

    [Test]
    public void A_single_separate_column_decides_the_split()
    {
        // 东方明 would otherwise split as the compound surname 东方; the family column says 东.
        PersonName? byFamily = PersonNameParser.Parse("东方明", familyName: "东");
        // A Western name given-first, told by the given-name column.
        PersonName? byGiven = PersonNameParser.Parse("Wang Li", givenName: "Wang");
        Assert.Multiple(() =>
        {
            Assert.That(byFamily?.Family, Is.EqualTo("东"));
            Assert.That(byFamily?.Given, Is.EqualTo("方明"));
            Assert.That(byGiven?.Family, Is.EqualTo("li"));
            Assert.That(byGiven?.Given, Is.EqualTo("wang"));
        });
    }

    [Test]
    public void Prefers_a_han_full_name_over_romanized_columns()
    {
        PersonName? name = PersonNameParser.Parse("張偉", "Zhang", "Wei");
        Assert.That(name?.Full, Is.EqualTo("张伟"));
        Assert.That(name?.Script, Is.EqualTo(NameScript.Han));
    }

    [Test]
    public void Mixed_values_use_the_han_part()
    {
        PersonName? name = PersonNameParser.Parse("张伟 David");
        Assert.That(name, Is.EqualTo(new PersonName("张伟", "张", "伟", NameScript.Mixed, "zhang", "wei")));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("12345")]
    [TestCase("Mr.")]
    [TestCase("·")]
    public void Returns_null_when_nothing_is_usable(string? input)
    {
        Assert.That(PersonNameParser.Parse(input), Is.Null);
    }

    [Test]
    public void PinyinFull_concatenates_family_then_given()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PersonNameParser.Parse("欧阳娜娜")?.PinyinFull, Is.EqualTo("ouyangnana"));
            Assert.That(PersonNameParser.Parse("Wei ZHANG")?.PinyinFull, Is.EqualTo("zhangwei"));
            Assert.That(PersonNameParser.Parse("王先生")?.PinyinFull, Is.Null);
        });
    }

    [Test]
    public void Derived_keys_follow_a_with_expression()
    {
        PersonName name = PersonNameParser.Parse("张伟")!;
        PersonName changed = name with { PinyinGiven = "xiaoming" };
        Assert.Multiple(() =>
        {
            Assert.That(changed.PinyinSortedKey, Is.EqualTo("ming xiao zhang"));
            Assert.That(changed.PinyinFull, Is.EqualTo("zhangxiaoming"));
            Assert.That(name.PinyinSortedKey, Is.EqualTo("wei zhang"));
        });
    }
}
