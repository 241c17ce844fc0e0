using Mdm.Engine.Standardization.Names;

namespace Mdm.Tests.Standardization.Names;

public class EnglishNicknamesTests
{
    [TestCase("tony", "anthony", true)]
    [TestCase("anthony", "tony", true)]     // order does not matter
    [TestCase("Bill", "WILLIAM", true)]     // case is ignored
    [TestCase("bob", "robert", true)]
    [TestCase("jack", "john", true)]
    [TestCase("liz", "beth", true)]         // two short forms of Elizabeth
    [TestCase("pat", "patricia", true)]     // a short form of two names matches both
    [TestCase("pat", "patrick", true)]
    [TestCase("john p", "jack", true)]      // only the first token counts
    [TestCase("patrick", "patricia", false)]
    [TestCase("john", "james", false)]
    [TestCase("tony", "tony", false)]       // equal names are an exact agreement, not a nickname
    [TestCase("wei", "william", false)]     // unknown name
    [TestCase("", "bill", false)]
    public void Recognizes_short_forms_of_one_given_name(string a, string b, bool expected) =>
        Assert.That(EnglishNicknames.AreVariants(a, b), Is.EqualTo(expected));

    [Test]
    public void Embedded_table_is_loaded() =>
        Assert.That(EnglishNicknames.NameCount, Is.GreaterThan(150));
}
