using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class EmailAddressTests
{
    [TestCase("zhangsan@163.com", "zhangsan@163.com")]
    [TestCase("  Zhang.San@QQ.com ", "zhang.san@qq.com")]
    [TestCase("li_si+post@example.com.cn", "li_si+post@example.com.cn")] // +tag kept outside Gmail
    [TestCase("zhangsan＠163．com", "zhangsan@163.com")] // full-width @ and dot
    [TestCase("ｗａｎｇｗｕ＠１２６.ｃｏｍ", "wangwu@126.com")]
    [TestCase("zhangsan@163。com", "zhangsan@163.com")] // ideographic full stop
    [TestCase("mailto:Wang.Wu@Sina.com", "wang.wu@sina.com")]
    [TestCase("MAILTO:wangwu@sina.com", "wangwu@sina.com")]
    [TestCase("Zhang.San+news@gmail.com", "zhangsan@gmail.com")]
    [TestCase("z.h.a.n.g@googlemail.com", "zhang@gmail.com")]
    [TestCase("张三 <ZS@corp.example.cn>", "zs@corp.example.cn")]
    [TestCase("wangwu@sina.com.", "wangwu@sina.com")]
    [TestCase("o'brien@post.ie", "o'brien@post.ie")]
    public void Valid_addresses_are_normalized(string input, string expected)
    {
        var r = EmailAddress.Parse(input);
        Assert.That(r.IsValid, Is.True, r.Finding?.Message);
        Assert.That(r.Normalized, Is.EqualTo(expected));
        Assert.That(r.Finding, Is.Null);
    }

    [TestCase("zhangsan163.com", "no '@'")]
    [TestCase("zhang@san@163.com", "more than one '@'")]
    [TestCase("@163.com", "empty local part")]
    [TestCase("zhangsan@", "empty domain")]
    [TestCase("zhangsan@localhost", "domain 'localhost' has no '.'")]
    [TestCase("zhang san@163.com", "space in the address")]
    [TestCase("zhangsan@163 .com", "space in the address")]
    [TestCase("zhangsan@163..com", "empty label in domain '163..com'")]
    [TestCase(".zhangsan@163.com", "local part starts or ends with '.'")]
    [TestCase("zhang..san@163.com", "'..' in the local part")]
    [TestCase("张三@163.com", "character '张' not allowed in the local part")]
    [TestCase("zhangsan@163,com", "character ',' not allowed in the domain")]
    [TestCase("zhangsan@163.c", "top-level domain 'c' is not valid")]
    [TestCase("zhangsan@-163.com", "domain label '-163' starts or ends with '-'")]
    [TestCase("+tag@gmail.com", "Gmail local part is empty without dots and +tag")]
    public void Invalid_addresses_give_a_finding(string input, string message)
    {
        var r = EmailAddress.Parse(input);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Normalized, Is.Null);
        Assert.That(r.Finding!.Field, Is.EqualTo("email"));
        Assert.That(r.Finding.Code, Is.EqualTo("invalid_syntax"));
        Assert.That(r.Finding.Message, Is.EqualTo(message));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("　")]
    public void Blank_is_invalid_without_finding(string? input)
    {
        var r = EmailAddress.Parse(input);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Finding, Is.Null);
    }

    [Test]
    public void Gmail_variants_of_one_mailbox_normalize_to_the_same_address()
    {
        var a = EmailAddress.Parse("john.smith@gmail.com").Normalized;
        var b = EmailAddress.Parse("JohnSmith+orders@GoogleMail.com").Normalized;
        var c = EmailAddress.Parse("j.o.h.n.s.m.i.t.h@gmail.com").Normalized;
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.EqualTo(a));
        // Outside Gmail, dots are significant.
        Assert.That(EmailAddress.Parse("john.smith@163.com").Normalized, Is.Not.EqualTo(EmailAddress.Parse("johnsmith@163.com").Normalized));
    }
}
