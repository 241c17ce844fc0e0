using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

/// <summary>Parsers run on every raw source value: garbage must give findings, never exceptions.</summary>
[TestFixture]
public sealed class RobustnessTests
{
    private const string Pool = "0123456789０１２３４５６７８９xXＸ+-()（）/;,，；、 　.@＠年月日号转#extTMarchmailto:<>男女9\u00A0\t";

    [Test]
    public void Random_garbage_never_throws()
    {
        var random = new Random(20240611);
        var buffer = new char[48];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(0, buffer.Length);
            for (int k = 0; k < length; k++)
                buffer[k] = Pool[random.Next(Pool.Length)];
            var value = new string(buffer, 0, length);

            Assert.DoesNotThrow(() =>
            {
                var id = NationalId.Parse(value);
                Assert.That(id.IsValid || id.Normalized18 is null, Is.True);
                CreditCode.Parse(value);
                PhoneNumber.Parse(value);
                foreach (var phone in PhoneNumber.ParseMany(value))
                    Assert.That(phone.IsValid, Is.EqualTo(phone.E164 is not null));
                EmailAddress.Parse(value);
                DateParsing.Parse(value, i % 3 == 0 ? "dd/MM/yyyy" : null);
                GenderParsing.Parse(value, out _);
            }, value);
        }
    }

    [Test]
    public void Very_long_values_are_rejected_not_truncated_into_valid_ones()
    {
        var longPhone = new string('1', 40);
        Assert.That(PhoneNumber.Parse(longPhone).Finding!.Code, Is.EqualTo("invalid_length"));
        Assert.That(NationalId.Parse("11010519491231002X" + new string(' ', 500) + "1").Finding!.Code, Is.EqualTo("invalid_length"));
        Assert.That(CreditCode.Parse(new string('9', 100)).Finding!.Code, Is.EqualTo("invalid_length"));
        Assert.That(EmailAddress.Parse(new string('a', 300) + "@163.com").IsValid, Is.False);
        Assert.That(DateParsing.Parse(new string('1', 100)).Finding!.Code, Is.EqualTo("unparsed"));
    }
}
