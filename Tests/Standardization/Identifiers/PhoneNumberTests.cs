using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Tests.Standardization.Identifiers;

[TestFixture]
public sealed class PhoneNumberTests
{
    [TestCase("13812345678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("+86 138 1234 5678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("86-138-1234-5678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("(+86)13812345678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("0086 13812345678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("138-1234-5678", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("１３８１２３４５６７８", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("（＋８６）１３８ １２３４ ５６７８", "+8613812345678", PhoneKind.Mobile, null)]
    [TestCase("手机：13912345678", "+8613912345678", PhoneKind.Mobile, null)]
    [TestCase("013812345678", "+8613812345678", PhoneKind.Mobile, null)] // long-distance 0 before a mobile
    [TestCase("010-12345678", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("021 6432 1234", "+862164321234", PhoneKind.Landline, "21")]
    [TestCase("(0755)8765-4321", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("0755 87654321", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("+86 755 8765 4321", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("+86 (0)755 8765 4321", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("+86 10 1234 5678", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("0398-8765432", "+863988765432", PhoneKind.Landline, "398")] // 7-digit subscriber (Hangzhou's 0571 has 8: invalid below)
    [TestCase("0755-01234567", "+8675501234567", PhoneKind.Landline, "755")] // libphonenumber accepts a subscriber starting with 0; the own parser did not
    [TestCase("010-12345678转123", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("010-12345678 ext. 123", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("0755-87654321 分机 8001", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("010-12345678-123", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("0755-8765-4321-66", "+8675587654321", PhoneKind.Landline, "755")]
    [TestCase("010-12345678 x123", "+861012345678", PhoneKind.Landline, "10")]
    [TestCase("400-820-8820", "+864008208820", PhoneKind.ServiceNumber, null)]
    [TestCase("800 810 8888", "+868008108888", PhoneKind.ServiceNumber, null)]
    [TestCase("+852 9123 4567", "+85291234567", PhoneKind.International, null)]
    [TestCase("(852) 2123-4567", "+85221234567", PhoneKind.International, null)]
    [TestCase("+853 6612 3456", "+85366123456", PhoneKind.International, null)]
    [TestCase("+886 (0)2 2345 6789", "+886223456789", PhoneKind.International, null)]
    [TestCase("+886 912 345 678", "+886912345678", PhoneKind.International, null)]
    [TestCase("+1 (650) 253-0000", "+16502530000", PhoneKind.International, null)]
    [TestCase("+44 (0)20 7946 0958", "+442079460958", PhoneKind.International, null)]
    public void Valid_numbers_become_E164(string input, string e164, PhoneKind kind, string? area)
    {
        var r = PhoneNumber.Parse(input);
        Assert.That(r.IsValid, Is.True, r.Finding?.Message);
        Assert.That(r.E164, Is.EqualTo(e164));
        Assert.That(r.Kind, Is.EqualTo(kind));
        Assert.That(r.AreaCode, Is.EqualTo(area));
        Assert.That(r.Finding, Is.Null);
    }

    [TestCase("87654321", "missing_area_code", "fixed-line number 87654321 has no area code")]
    [TestCase("8765-432", "missing_area_code", "fixed-line number 8765432 has no area code")]
    [TestCase("1381234567", "invalid_length", "mobile number 1381234567 has 10 digits, expected 11")]
    [TestCase("138123456789", "invalid_length", "mobile number 138123456789 has 12 digits, expected 11")]
    // The codes below changed with libphonenumber (see Benchmarks/RESULTS.md, "Phone parsing: library vs own code").
    [TestCase("010-1234567", "invalid_number", "+86 101234567 is not a number the numbering plan of +86 assigns")]
    [TestCase("0571-8765432", "invalid_number", "+86 5718765432 is not a number the numbering plan of +86 assigns")]
    [TestCase("0755-876543210123456", "invalid_length", "19 digits is too long for a phone number")]
    [TestCase("12345", "missing_area_code", "12345 is a local number without its area code")]
    [TestCase("+852 9123 456", "invalid_number", "+852 9123456 is not a number the numbering plan of +852 assigns")]
    [TestCase("+1 234", "invalid_length", "+1 234 has 3 digits after the country code, too few")]
    [TestCase("246-1501", "missing_area_code", "fixed-line number 2461501 has no area code")]
    [TestCase("无", "unparsed", "no digits in the value")]
    public void Invalid_numbers_give_a_finding(string input, string code, string message)
    {
        var r = PhoneNumber.Parse(input);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.E164, Is.Null);
        Assert.That(r.Finding!.Field, Is.EqualTo("phone"));
        Assert.That(r.Finding.Code, Is.EqualTo(code));
        Assert.That(r.Finding.Message, Is.EqualTo(message));
    }

    [Test]
    public void Missing_area_code_is_reported_as_landline()
    {
        Assert.That(PhoneNumber.Parse("87654321").Kind, Is.EqualTo(PhoneKind.Landline));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void Blank_is_invalid_without_finding(string? input)
    {
        var r = PhoneNumber.Parse(input);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Finding, Is.Null);
        Assert.That(PhoneNumber.ParseMany(input), Is.Empty);
    }

    [TestCase("13812345678;13987654321", new[] { "+8613812345678", "+8613987654321" })]
    [TestCase("13812345678 13987654321", new[] { "+8613812345678", "+8613987654321" })]
    [TestCase("010-12345678 / 13812345678", new[] { "+861012345678", "+8613812345678" })]
    [TestCase("13812345678、13987654321，0755-87654321", new[] { "+8613812345678", "+8613987654321", "+8675587654321" })]
    [TestCase("13812345678；13987654321|400-820-8820", new[] { "+8613812345678", "+8613987654321", "+864008208820" })]
    [TestCase("+86 138 1234 5678", new[] { "+8613812345678" })]
    [TestCase("0755 8765 4321", new[] { "+8675587654321" })]
    [TestCase("+44 20 7946 0958", new[] { "+442079460958" })]
    [TestCase("010 12345678 138 1234 5678", new[] { "+861012345678", "+8613812345678" })]
    [TestCase("13812345678;;  ;", new[] { "+8613812345678" })]
    [TestCase("13812345678/0755-87654321", new[] { "+8613812345678", "+8675587654321" })]
    [TestCase("13812345678／13987654321", new[] { "+8613812345678", "+8613987654321" })]
    public void ParseMany_splits_on_separators_and_complete_numbers(string input, string[] expected)
    {
        var results = PhoneNumber.ParseMany(input);
        var e164 = new List<string?>();
        foreach (var r in results)
        {
            Assert.That(r.IsValid, Is.True, r.Finding?.Message);
            e164.Add(r.E164);
        }
        Assert.That(e164, Is.EqualTo(expected));
    }

    [Test]
    public void ParseMany_keeps_each_part_as_input_and_reports_bad_parts()
    {
        var results = PhoneNumber.ParseMany("13812345678; 87654321");
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].Input, Is.EqualTo("13812345678"));
        Assert.That(results[1].Input, Is.EqualTo("87654321"));
        Assert.That(results[1].IsValid, Is.False);
        Assert.That(results[1].Finding!.Code, Is.EqualTo("missing_area_code"));

        var split = PhoneNumber.ParseMany("13812345678 13987654321");
        Assert.That(split[1].Input, Is.EqualTo("13987654321"));
    }

    [Test]
    public void ParseMany_does_not_split_when_a_part_is_incomplete()
    {
        // "1381234 5678" is neither one number nor two: one invalid result, not fragments.
        var results = PhoneNumber.ParseMany("13812345678 1381234");
        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].IsValid, Is.False);
        Assert.That(results[0].Input, Is.EqualTo("13812345678 1381234"));
    }

    [TestCase("310/246 -1501")]
    [TestCase("310-246-1501")]
    [TestCase("(310) 246-1501")]
    [TestCase("310.246.1501")]
    [TestCase("1 310 246 1501")]
    [TestCase("+1 310-246-1501")]
    [TestCase("(310) 246-1501 ext. 12")]
    public void US_numbers_read_in_the_US_national_format(string input)
    {
        var results = PhoneNumber.ParseMany(input, "US");
        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].IsValid, Is.True, results[0].Finding?.Message);
        Assert.That(results[0].E164, Is.EqualTo("+13102461501"));
        Assert.That(results[0].Kind, Is.EqualTo(PhoneKind.FixedLineOrMobile));
    }

    [Test]
    public void A_slash_between_two_numbers_still_splits()
    {
        var results = PhoneNumber.ParseMany("310-246-1501 / 212-736-5000", "US");
        Assert.That(results.Select(r => r.E164), Is.EqualTo(new[] { "+13102461501", "+12127365000" }));
        var three = PhoneNumber.ParseMany("310/246 -1501 / 212 736 5000", "US");
        Assert.That(three.Select(r => r.E164), Is.EqualTo(new[] { "+13102461501", "+12127365000" }));
        Assert.That(three[0].Input, Is.EqualTo("310/246 -1501"));
    }

    [Test]
    public void A_slash_list_with_a_bad_part_reports_each_part()
    {
        var results = PhoneNumber.ParseMany("13812345678/87654321");
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].E164, Is.EqualTo("+8613812345678"));
        Assert.That(results[1].Finding!.Code, Is.EqualTo("missing_area_code"));
    }

    [Test]
    public void The_default_country_decides_national_numbers_only()
    {
        Assert.That(PhoneNumber.Parse("13812345678", "US").IsValid, Is.False);
        Assert.That(PhoneNumber.Parse("020 7946 0958", "GB").E164, Is.EqualTo("+442079460958"));
        Assert.That(PhoneNumber.Parse("020 7946 0958", "GB").Kind, Is.EqualTo(PhoneKind.Landline));
        Assert.That(PhoneNumber.Parse("+86 138 1234 5678", "US").E164, Is.EqualTo("+8613812345678"));
        Assert.That(PhoneNumber.Parse("+86 138 1234 5678", "US").Kind, Is.EqualTo(PhoneKind.International));
        Assert.That(PhoneNumber.Parse("011 86 138 1234 5678", "US").E164, Is.EqualTo("+8613812345678"));
        // 00 is not the US international prefix, but a number after it that reads as international is one.
        Assert.That(PhoneNumber.Parse("0044 20 7946 0958", "US").E164, Is.EqualTo("+442079460958"));
    }

    [Test]
    public void A_local_number_without_its_area_code_is_reported_in_any_country()
    {
        var r = PhoneNumber.Parse("246-1501", "US");
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Finding!.Code, Is.EqualTo("missing_area_code"));
        Assert.That(r.Finding.Message, Is.EqualTo("2461501 is a local number without its area code"));
    }

    [Test]
    public void An_unknown_country_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => PhoneNumber.Parse("13812345678", "XX"));
        Assert.That(PhoneNumber.IsSupportedCountry("US"), Is.True);
        Assert.That(PhoneNumber.IsSupportedCountry("us"), Is.False);
        Assert.That(PhoneNumber.IsSupportedCountry("ZZ"), Is.False);
    }
}
