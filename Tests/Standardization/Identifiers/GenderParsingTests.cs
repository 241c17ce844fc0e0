using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class GenderParsingTests
{
    [TestCase("男", Sex.Male)]
    [TestCase("男性", Sex.Male)]
    [TestCase("先生", Sex.Male)]
    [TestCase("M", Sex.Male)]
    [TestCase("m", Sex.Male)]
    [TestCase(" Male ", Sex.Male)]
    [TestCase("1", Sex.Male)]
    [TestCase("１", Sex.Male)]
    [TestCase("Ｍ", Sex.Male)]
    [TestCase("Mr.", Sex.Male)]
    [TestCase("女", Sex.Female)]
    [TestCase("女性", Sex.Female)]
    [TestCase("女士", Sex.Female)]
    [TestCase("小姐", Sex.Female)]
    [TestCase("F", Sex.Female)]
    [TestCase("female", Sex.Female)]
    [TestCase("FEMALE", Sex.Female)]
    [TestCase("2", Sex.Female)]
    [TestCase("Ms", Sex.Female)]
    public void Known_values_are_recognised(string input, Sex expected)
    {
        Assert.That(GenderParsing.Parse(input, out var finding), Is.EqualTo(expected));
        Assert.That(finding, Is.Null);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase("未知")]
    [TestCase("保密")]
    [TestCase("0")]
    [TestCase("9")]
    [TestCase("U")]
    public void Blank_and_explicit_unknown_give_no_finding(string? input)
    {
        Assert.That(GenderParsing.Parse(input, out var finding), Is.EqualTo(Sex.Unknown));
        Assert.That(finding, Is.Null);
    }

    [TestCase("男女")]
    [TestCase("X")]
    [TestCase("3")]
    [TestCase("boy?")]
    [TestCase("男性客户的性别字段被填写成了很长的一句话")]
    public void Unrecognised_values_give_an_unparsed_finding(string input)
    {
        Assert.That(GenderParsing.Parse(input, out var finding), Is.EqualTo(Sex.Unknown));
        Assert.That(finding, Is.Not.Null);
        Assert.That(finding!.Field, Is.EqualTo("gender"));
        Assert.That(finding.Code, Is.EqualTo("unparsed"));
        Assert.That(finding.Message, Is.EqualTo($"'{input}' is not a recognised gender"));
    }
}
