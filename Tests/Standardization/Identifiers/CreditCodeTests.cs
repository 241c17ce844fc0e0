using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class CreditCodeTests
{
    [TestCase("91350100M000100Y43", "91350100M000100Y43", "350100")]
    [TestCase("91110000802100433B", "91110000802100433B", "110000")]
    [TestCase("91440300708461136T", "91440300708461136T", "440300")]
    [TestCase("91440300ma5fuy7l73", "91440300MA5FUY7L73", "440300")] // lower case
    [TestCase("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43", "350100")] // full width
    [TestCase(" 9111 0000 8021 0043 3B ", "91110000802100433B", "110000")]
    [TestCase("53100000500021676K", "53100000500021676K", "100000")] // civil affairs, central level
    [TestCase("Y1440300MA5DXXXX27", "Y1440300MA5DXXXX27", "440300")] // authority "other"
    public void Valid_codes_are_normalized(string input, string expected, string region)
    {
        var r = CreditCode.Parse(input);
        Assert.That(r.IsValid, Is.True, r.Finding?.Message);
        Assert.That(r.Normalized, Is.EqualTo(expected));
        Assert.That(r.RegionCode6, Is.EqualTo(region));
        Assert.That(r.Finding, Is.Null);
    }

    [TestCase("911100001000111007", "invalid_checksum", "check character is 7, expected E")]
    [TestCase("91350100M000100Y44", "invalid_checksum", "check character is 4, expected 3")]
    [TestCase("91110000802100433", "invalid_length", "17 characters, expected 18")]
    [TestCase("110108000000016", "invalid_length", "15 characters, expected 18")] // old business registration number
    [TestCase("91350100M000100YO3", "invalid_character", "character 'O' at position 17 is not in the credit code alphabet")]
    [TestCase("01350100M000100Y43", "invalid_character", "registration authority '0' does not exist")]
    [TestCase("90350100M000100Y43", "invalid_character", "entity type '0' does not exist")]
    [TestCase("919900008021004332", "invalid_region", "province code 99 does not exist")]
    [TestCase("9135A100M000100Y43", "invalid_region", "region code 35A100 is not numeric")]
    public void Invalid_codes_give_a_finding(string input, string code, string message)
    {
        var r = CreditCode.Parse(input);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Normalized, Is.Null);
        Assert.That(r.RegionCode6, Is.Null);
        Assert.That(r.Finding!.Field, Is.EqualTo("credit_code"));
        Assert.That(r.Finding.Code, Is.EqualTo(code));
        Assert.That(r.Finding.Message, Is.EqualTo(message));
    }

    [Test]
    public void Blank_is_invalid_without_finding()
    {
        Assert.That(CreditCode.Parse(null).Finding, Is.Null);
        Assert.That(CreditCode.Parse(" ").IsValid, Is.False);
    }

    [TestCase("91350100M000100Y4", '3')]
    [TestCase("91110000802100433", 'B')]
    [TestCase("91440300708461136", 'T')]
    [TestCase("12100000400000624", 'D')]
    public void Check_char_matches_published_codes(string first17, char expected)
    {
        Assert.That(CreditCode.ComputeCheckChar(first17), Is.EqualTo(expected));
    }

    [Test]
    public void Check_value_31_maps_to_zero()
    {
        // Find a body whose weighted sum is a multiple of 31 by varying the last character; its check must be '0'.
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int zeros = 0;
        foreach (var c in alphabet)
        {
            var body = "9111000080210043" + c;
            var check = CreditCode.ComputeCheckChar(body);
            Assert.That(alphabet, Does.Contain(check));
            if (check == '0')
            {
                zeros++;
                Assert.That(CreditCode.Parse(body + "0").IsValid, Is.True);
            }
        }
        // Weight 28 is coprime with 31, so exactly one of the 31 last characters yields each check value.
        Assert.That(zeros, Is.EqualTo(1));
    }

    [Test]
    public void Registration_authority_and_entity_type_are_exposed()
    {
        var r = CreditCode.Parse("53100000500021676K");
        Assert.That(r.RegistrationAuthority, Is.EqualTo('5'));
        Assert.That(r.EntityType, Is.EqualTo('3'));
    }
}
