using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class NationalIdTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [TestCase("11010519491231002X", "11010519491231002X")]
    [TestCase("11010519491231002x", "11010519491231002X")]
    [TestCase("310104198507123457", "310104198507123457")]
    [TestCase("320102200002291235", "320102200002291235")] // 29 February of a leap year
    [TestCase("440305198808080020", "440305198808080020")]
    [TestCase("110105 19491231 002X", "11010519491231002X")]
    [TestCase("110105-19491231-002X", "11010519491231002X")]
    [TestCase("　１１０１０５１９４９１２３１００２ｘ　", "11010519491231002X")] // full-width digits, ideographic spaces
    [TestCase("110105491231002", "11010519491231002X")] // first-generation 15 digits
    [TestCase("810000199001011230", "810000199001011230")] // residence permit of a Hong Kong resident
    [TestCase("911840198503070016", "911840198503070016")] // 2023 foreign permanent resident card (Beijing, USA)
    public void Valid_numbers_are_normalized_to_18_characters(string input, string expected)
    {
        var r = NationalId.Parse(input, Today);
        Assert.That(r.IsValid, Is.True, r.Finding?.Message);
        Assert.That(r.Normalized18, Is.EqualTo(expected));
        Assert.That(r.Finding, Is.Null);
        Assert.That(r.Input, Is.EqualTo(input));
    }

    [TestCase("110105194912310021", "invalid_checksum", "check character is 1, expected X")]
    [TestCase("110105194912310033", "invalid_checksum", "check character is 3, expected 8")]
    [TestCase("110105199902300015", "invalid_date", "birth date 19990230 is not a real date")]
    [TestCase("110105199913010012", "invalid_date", "birth date 19991301 is not a real date")]
    [TestCase("110105209901010012", "invalid_date", "birth date 2099-01-01 is in the future")]
    [TestCase("440524188001010014", "invalid_date", "birth date 1880-01-01 is before 1900")]
    [TestCase("110105189912310015", "invalid_date", "birth date 1899-12-31 is before 1900")]
    [TestCase("99010519800101001X", "invalid_region", "province code 99 does not exist")]
    [TestCase("000105198001010010", "invalid_region", "province code 00 does not exist")]
    [TestCase("910105198001010015", "invalid_region", "province code 91 does not exist")] // 9 + "10" is no province either
    [TestCase("11010519491231002", "invalid_length", "17 characters, expected 18 (or 15 for a first-generation number)")]
    [TestCase("11010519491231002X1", "invalid_length", "19 characters, expected 18 (or 15 for a first-generation number)")]
    [TestCase("11010519491231002A", "invalid_character", "character 'A' at position 18 is not allowed")]
    [TestCase("1101051949X231002X", "invalid_character", "character 'X' at position 11 is not allowed")]
    [TestCase("110105990230002", "invalid_date", "birth date 19990230 is not a real date")]
    [TestCase("无", "unparsed", "no digits in '无'")]
    public void Invalid_numbers_give_a_finding(string input, string code, string message)
    {
        var r = NationalId.Parse(input, Today);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Normalized18, Is.Null);
        Assert.That(r.BirthDate, Is.Null);
        Assert.That(r.Sex, Is.EqualTo(Sex.Unknown));
        Assert.That(r.Finding, Is.Not.Null);
        Assert.That(r.Finding!.Field, Is.EqualTo("national_id"));
        Assert.That(r.Finding.Code, Is.EqualTo(code));
        Assert.That(r.Finding.Message, Is.EqualTo(message));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Blank_is_invalid_without_finding(string? input)
    {
        var r = NationalId.Parse(input, Today);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Finding, Is.Null);
        Assert.That(r.Input, Is.EqualTo(input ?? ""));
    }

    [Test]
    public void Standard_examples_have_the_published_check_characters()
    {
        // Examples printed in GB 11643-1999 and widely reproduced.
        Assert.That(NationalId.ComputeCheckChar("11010519491231002"), Is.EqualTo('X'));
        Assert.That(NationalId.ComputeCheckChar("44052418800101001"), Is.EqualTo('4'));
    }

    [Test]
    public void Check_char_detects_every_single_digit_change()
    {
        const string body = "31010419850712345";
        var check = NationalId.ComputeCheckChar(body);
        Span<char> copy = stackalloc char[17];
        for (int i = 0; i < 17; i++)
        {
            for (char d = '0'; d <= '9'; d++)
            {
                if (d == body[i])
                    continue;
                body.AsSpan().CopyTo(copy);
                copy[i] = d;
                Assert.That(NationalId.ComputeCheckChar(copy), Is.Not.EqualTo(check), $"position {i + 1} → {d}");
            }
        }
    }

    [Test]
    public void Check_char_rejects_non_digits()
    {
        Assert.Throws<ArgumentException>(() => NationalId.ComputeCheckChar("1101051949123100"));
        Assert.Throws<ArgumentException>(() => NationalId.ComputeCheckChar("1101051949123100A"));
    }

    [Test]
    public void Valid_number_yields_birth_date_sex_and_region()
    {
        var r = NationalId.Parse("11010519491231002X", Today);
        Assert.That(r.BirthDate, Is.EqualTo(new DateOnly(1949, 12, 31)));
        Assert.That(r.Sex, Is.EqualTo(Sex.Female)); // sequence digit 2
        Assert.That(r.RegionCode6, Is.EqualTo("110105"));
        Assert.That(r.WasLegacy15, Is.False);
        Assert.That(r.IsForeignPermanentResident, Is.False);

        var male = NationalId.Parse("310104198507123457", Today);
        Assert.That(male.Sex, Is.EqualTo(Sex.Male)); // sequence digit 5
        Assert.That(male.BirthDate, Is.EqualTo(new DateOnly(1985, 7, 12)));
        Assert.That(male.RegionCode6, Is.EqualTo("310104"));
    }

    [Test]
    public void Legacy_15_digit_number_is_converted_and_flagged()
    {
        var r = NationalId.Parse("110105491231002", Today);
        Assert.That(r.IsValid, Is.True);
        Assert.That(r.WasLegacy15, Is.True);
        Assert.That(r.Normalized18, Is.EqualTo("11010519491231002X"));
        Assert.That(r.BirthDate, Is.EqualTo(new DateOnly(1949, 12, 31)));
        Assert.That(r.Sex, Is.EqualTo(Sex.Female));
    }

    [Test]
    public void Foreign_permanent_resident_card_has_no_region()
    {
        var r = NationalId.Parse("911840198503070016", Today);
        Assert.That(r.IsForeignPermanentResident, Is.True);
        Assert.That(r.RegionCode6, Is.Null);
        Assert.That(r.BirthDate, Is.EqualTo(new DateOnly(1985, 3, 7)));
        Assert.That(r.Sex, Is.EqualTo(Sex.Male));
    }

    [Test]
    public void Future_is_relative_to_the_given_day()
    {
        Assert.That(NationalId.Parse("110105209901010012", new DateOnly(2099, 1, 1)).IsValid, Is.True);
        Assert.That(NationalId.Parse("110105209901010012", new DateOnly(2098, 12, 31)).IsValid, Is.False);
    }
}
