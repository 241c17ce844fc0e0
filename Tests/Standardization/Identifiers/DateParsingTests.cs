using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class DateParsingTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [TestCase("1985-03-07", null, "1985-03-07")]
    [TestCase("1985/3/7", null, "1985-03-07")]
    [TestCase("1985.03.07", null, "1985-03-07")]
    [TestCase("19850307", null, "1985-03-07")]
    [TestCase("1985年3月7日", null, "1985-03-07")]
    [TestCase("1985年03月07", null, "1985-03-07")]
    [TestCase("1985年3月7号", null, "1985-03-07")]
    [TestCase("１９８５－０３－０７", null, "1985-03-07")]
    [TestCase("１９８５年３月７日", null, "1985-03-07")]
    [TestCase("1985-03-07T08:30:00+08:00", null, "1985-03-07")]
    [TestCase("1985-03-07 00:00:00", null, "1985-03-07")]
    [TestCase("1985/3/7 0:00:00", null, "1985-03-07")]
    [TestCase("  1985-03-07  ", null, "1985-03-07")]
    [TestCase("25/03/1985", null, "1985-03-25")] // only day/month possible
    [TestCase("03/25/1985", null, "1985-03-25")] // only month/day possible
    [TestCase("07/07/1985", null, "1985-07-07")] // reads the same both ways
    [TestCase("03/04/1985", "dd/MM/yyyy", "1985-04-03")]
    [TestCase("03/04/1985", "MM/dd/yyyy", "1985-03-04")]
    [TestCase("3-4-1985", "dd/MM/yyyy", "1985-04-03")] // format does not match exactly, but decides the order
    [TestCase("07031985", "ddMMyyyy", "1985-03-07")]
    [TestCase("7 Mar 1985", null, "1985-03-07")]
    [TestCase("March 7, 1985", null, "1985-03-07")]
    [TestCase("07-MAR-1985", null, "1985-03-07")]
    [TestCase("2000-02-29", null, "2000-02-29")]
    [TestCase("2025-06-01", null, "2025-06-01")] // today itself
    public void Valid_dates_are_parsed(string input, string? format, string expected)
    {
        var r = DateParsing.Parse(input, format, Today);
        Assert.That(r.IsValid, Is.True, r.Finding?.Message);
        Assert.That(r.Value, Is.EqualTo(DateOnly.ParseExact(expected, "yyyy-MM-dd")));
        Assert.That(r.Finding, Is.Null);
    }

    [TestCase("1999-02-30", "invalid_date", "1999-02-30 is not a real date")]
    [TestCase("19991301", "invalid_date", "1999-13-01 is not a real date")]
    [TestCase("1900-02-29", "invalid_date", "1900-02-29 is not a real date")]
    [TestCase("03/04/1985", "ambiguous_date", "'03/04/1985' could be day/month or month/day; give the source's date format")]
    [TestCase("1899-12-31", "out_of_range", "1899-12-31 is before 1900")]
    [TestCase("2025-06-02", "out_of_range", "2025-06-02 is in the future")]
    [TestCase("0", "placeholder", "'0' is a placeholder, not a date")]
    [TestCase("00000000", "placeholder", "'00000000' is a placeholder, not a date")]
    [TestCase("0000-00-00", "placeholder", "'0000-00-00' is a placeholder, not a date")]
    [TestCase("19000101", "placeholder", "1900-01-01 is a placeholder, not a date")]
    [TestCase("1900-01-01 00:00:00", "placeholder", "1900-01-01 is a placeholder, not a date")]
    [TestCase("9999-12-31", "placeholder", "9999-12-31 is a placeholder, not a date")]
    [TestCase("不详", "unparsed", "'不详' is not a recognised date")]
    [TestCase("1985-03", "unparsed", "'1985-03' is not a recognised date")]
    [TestCase("85-03-07", "unparsed", "'85-03-07' is not a recognised date")]
    [TestCase("1985-03-07-01", "unparsed", "'1985-03-07-01' is not a recognised date")]
    [TestCase("Mars 7 1985", "unparsed", "'Mars 7 1985' is not a recognised date")]
    public void Invalid_dates_give_a_finding(string input, string code, string message)
    {
        var r = DateParsing.Parse(input, null, Today);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Value, Is.Null);
        Assert.That(r.Finding!.Field, Is.EqualTo("birth_date"));
        Assert.That(r.Finding.Code, Is.EqualTo(code));
        Assert.That(r.Finding.Message, Is.EqualTo(message));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Blank_is_invalid_without_finding(string? input)
    {
        var r = DateParsing.Parse(input, null, Today);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Finding, Is.Null);
    }

    [TestCase("yyyy'")]
    [TestCase("%")]
    [TestCase("q")]
    [TestCase("\\")]
    [TestCase("")]
    public void Broken_format_falls_back_to_the_known_shapes(string format)
    {
        Assert.That(DateParsing.Parse("1985-03-07", format, Today).Value, Is.EqualTo(new DateOnly(1985, 3, 7)));
    }

    [Test]
    public void Default_today_rejects_next_year()
    {
        var nextYear = DateTime.UtcNow.Year + 1;
        Assert.That(DateParsing.Parse($"{nextYear}-01-01").Finding!.Code, Is.EqualTo("out_of_range"));
        Assert.That(DateParsing.Parse("1985-03-07").IsValid, Is.True);
    }
}
