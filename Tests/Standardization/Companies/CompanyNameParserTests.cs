using Mdm.Engine.Standardization.Companies;

namespace Mdm.Tests.Standardization.Companies;

[TestFixture]
public sealed class CompanyNameParserTests
{
    [TestCase("深圳市腾达科技有限公司", "腾达科技", "有限公司", "4403", false)]
    [TestCase("腾达科技（深圳）有限公司", "腾达科技", "有限公司", "4403", false)]
    [TestCase("深圳腾达科技", "腾达科技", null, "4403", false)]
    [TestCase("广东省深圳市腾达科技有限公司", "腾达科技", "有限公司", "4403", false)]
    [TestCase("腾达科技有限公司", "腾达科技", "有限公司", null, false)]
    [TestCase("深圳市南山区腾达电子厂", "腾达电子", "厂", "440305", false)]
    [TestCase("深圳南山腾达科技有限公司", "腾达科技", "有限公司", "440305", false)]
    [TestCase("上海浦东发展银行股份有限公司", "浦东发展银行", "股份有限公司", "31", false)] // 浦东 is not cut without a city
    [TestCase("腾达集团有限公司", "腾达集团", "有限公司", null, false)]
    [TestCase("腾达（集团）股份有限公司", "腾达集团", "股份有限公司", null, false)]
    [TestCase("北京腾达信息技术有限责任公司", "腾达信息技术", "有限责任公司", "11", false)]
    [TestCase("中山大洋电机股份有限公司", "大洋电机", "股份有限公司", "4420", false)]
    [TestCase("重庆长安汽车股份有限公司", "长安汽车", "股份有限公司", "50", false)]
    [TestCase("阿斯利康投资（中国）有限公司", "阿斯利康投资", "有限公司", null, false)]
    [TestCase("深圳市创新投资合伙企业（有限合伙）", "创新投资", "有限合伙", "4403", false)]
    [TestCase("ＴＣＬ科技集团股份有限公司", "tcl科技集团", "股份有限公司", null, false)]
    // Region kept in the core when the rest is generic.
    [TestCase("上海银行股份有限公司", "上海银行", "股份有限公司", "31", false)]
    [TestCase("江西铜业股份有限公司", "江西铜业", "股份有限公司", "36", false)]
    [TestCase("平安银行股份有限公司", "平安银行", "股份有限公司", null, false)] // 平安 is a county, but not as a prefix
    // Branches.
    [TestCase("腾达科技有限公司深圳分公司", "腾达科技", "有限公司", "4403", true)]
    [TestCase("腾达科技深圳分公司", "腾达科技", "分公司", "4403", true)]
    [TestCase("中国工商银行股份有限公司深圳市分行", "中国工商银行", "股份有限公司", "4403", true)]
    [TestCase("中国银行深圳分行", "中国银行", "分行", "4403", true)]
    [TestCase("招商银行股份有限公司深圳科技园支行", "招商银行", "股份有限公司", "4403", true)]
    [TestCase("深圳市腾达科技有限公司广州营业部", "腾达科技", "有限公司", "4403", true)]
    public void Parses_chinese_company_names(string name, string core, string? legalForm, string? region, bool isBranch)
    {
        CompanyName? c = CompanyNameParser.Parse(name);

        Assert.That(c, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Core, Is.EqualTo(core), "core");
            Assert.That(c.LegalForm, Is.EqualTo(legalForm), "legal form");
            Assert.That(c.RegionCode, Is.EqualTo(region), "region");
            Assert.That(c.IsBranch, Is.EqualTo(isBranch), "branch");
        });
    }

    [Test]
    public void The_three_tengda_spellings_share_core_and_region()
    {
        var names = new[] { "深圳市腾达科技有限公司", "腾达科技（深圳）有限公司", "深圳腾达科技" };
        var parsed = Array.ConvertAll(names, n => CompanyNameParser.Parse(n)!);

        Assert.That(parsed.Select(p => p.Core).Distinct(), Is.EqualTo(new[] { "腾达科技" }));
        Assert.That(parsed.Select(p => p.RegionCode).Distinct(), Is.EqualTo(new[] { "4403" }));
    }

    [TestCase("腾达科技（深圳）有限公司", "腾达科技深圳有限公司")]
    [TestCase(" 深圳市 腾达科技 有限公司 ", "深圳市腾达科技有限公司")]
    [TestCase("ＴＣＬ科技集团股份有限公司", "tcl科技集团股份有限公司")]
    public void Normalizes_the_whole_chinese_name(string name, string normalized)
    {
        Assert.That(CompanyNameParser.Parse(name)!.Normalized, Is.EqualTo(normalized));
    }

    [TestCase("Acme Holdings Ltd.", "acme holdings", "ltd", null, false, "acme holdings ltd")]
    [TestCase("ACME HOLDINGS LIMITED", "acme holdings", "ltd", null, false, "acme holdings ltd")]
    [TestCase("Acme Co., Ltd.", "acme", "ltd", null, false, "acme ltd")]
    [TestCase("Acme, L.L.C.", "acme", "llc", null, false, "acme llc")]
    [TestCase("Acme Widgets, Inc.", "acme widgets", "inc", null, false, "acme widgets inc")]
    [TestCase("The Acme Corporation", "acme", "corp", null, false, "the acme corp")]
    [TestCase("Smith & Co.", "smith", "co", null, false, "smith and co")]
    [TestCase("Barclays PLC", "barclays", "plc", null, false, "barclays plc")]
    [TestCase("Muster GmbH", "muster", "gmbh", null, false, "muster gmbh")]
    [TestCase("Tengda Technology (Shenzhen) Co., Ltd.", "tengda technology", "ltd", "4403", false, "tengda technology shenzhen ltd")]
    [TestCase("Shenzhen Tengda Technology Co., Ltd.", "tengda technology", "ltd", "4403", false, "shenzhen tengda technology ltd")]
    [TestCase("Acme Ltd Shenzhen Branch", "acme", "ltd", "4403", true, "acme ltd shenzhen branch")]
    [TestCase("Bank of China Shenzhen Branch", "bank of china", null, "4403", true, "bank of china shenzhen branch")]
    [TestCase("Shanghai Bank", "shanghai bank", null, null, false, "shanghai bank")]
    public void Parses_english_company_names(string name, string core, string? legalForm, string? region, bool isBranch,
        string normalized)
    {
        CompanyName c = CompanyNameParser.Parse(name)!;

        Assert.Multiple(() =>
        {
            Assert.That(c.Core, Is.EqualTo(core), "core");
            Assert.That(c.LegalForm, Is.EqualTo(legalForm), "legal form");
            Assert.That(c.RegionCode, Is.EqualTo(region), "region");
            Assert.That(c.IsBranch, Is.EqualTo(isBranch), "branch");
            Assert.That(c.Normalized, Is.EqualTo(normalized), "normalized");
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Blank_names_give_null(string? name)
    {
        Assert.That(CompanyNameParser.Parse(name), Is.Null);
    }
}
