using Mdm.Connectors;

namespace Mdm.Tests.Connectors;

[TestFixture]
public sealed class ValueParsersTests
{
    [TestCase("1234.5", 1234.5)]
    [TestCase("1,234.50", 1234.50)]
    [TestCase("¥1234.5", 1234.5)]
    [TestCase("￥ 88", 88)]
    [TestCase("RMB 12.30", 12.30)]
    [TestCase("12元", 12)]
    [TestCase("１２３４．５", 1234.5)]
    [TestCase("１，２３４．５０", 1234.50)]
    [TestCase("-12.5", -12.5)]
    [TestCase("-¥12.5", -12.5)]
    [TestCase("¥-12.5", -12.5)]
    [TestCase("(12.50)", -12.50)]
    [TestCase("  42  ", 42)]
    public void Amounts_parse(string text, double expected)
    {
        Assert.That(ValueParsers.TryParseAmount(text, out var amount), Is.True);
        Assert.That(amount, Is.EqualTo((decimal)expected));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("12abc")]
    [TestCase("1.234,50")]
    [TestCase("¥")]
    [TestCase("--5")]
    [TestCase("1e5")]
    public void Non_amounts_do_not_parse(string text) =>
        Assert.That(ValueParsers.TryParseAmount(text, out _), Is.False);

    [TestCase("2024-03-01", null, 2024, 3, 1)]
    [TestCase("2024-3-1", null, 2024, 3, 1)]
    [TestCase("20240301", null, 2024, 3, 1)]
    [TestCase("2024/03/01", null, 2024, 3, 1)]
    [TestCase("2024.03.01", null, 2024, 3, 1)]
    [TestCase("2024年3月1日", null, 2024, 3, 1)]
    [TestCase("２０２４－０３－０１", null, 2024, 3, 1)]
    [TestCase("2024-03-01 23:59:59", null, 2024, 3, 1)]
    [TestCase("2024-03-01T23:30:00+08:00", null, 2024, 3, 1)]
    [TestCase("01/03/2024", "dd/MM/yyyy", 2024, 3, 1)]
    public void Dates_parse(string text, string? format, int year, int month, int day)
    {
        Assert.That(ValueParsers.TryParseDate(text, format, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("2024-02-30")]
    [TestCase("03/01/2024")]
    [TestCase("yesterday")]
    public void Non_dates_do_not_parse(string text) =>
        Assert.That(ValueParsers.TryParseDate(text, null, out _), Is.False);

    [Test]
    public void Timestamps_without_an_offset_are_utc_and_unix_times_are_recognised()
    {
        Assert.That(ValueParsers.TryParseTimestamp("2024-03-01 10:15:00", null, out var local), Is.True);
        Assert.That(local, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero)));
        Assert.That(ValueParsers.TryParseTimestamp("20240301101500", null, out var compact), Is.True);
        Assert.That(compact, Is.EqualTo(local));
        Assert.That(ValueParsers.TryParseTimestamp("1709288100", null, out var unix), Is.True);
        Assert.That(unix, Is.EqualTo(local));
        Assert.That(ValueParsers.TryParseTimestamp("1709288100000", null, out var unixMs), Is.True);
        Assert.That(unixMs, Is.EqualTo(local));
        Assert.That(ValueParsers.TryParseTimestamp("01.03.2024 10:15", "dd.MM.yyyy HH:mm", out var exact), Is.True);
        Assert.That(exact, Is.EqualTo(local));
        Assert.That(ValueParsers.TryParseTimestamp("soon", null, out _), Is.False);
    }
}
