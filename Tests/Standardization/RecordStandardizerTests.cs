using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Standardization;

public class RecordStandardizerTests
{
    private static StandardizedRecord Organization(string id) =>
        new RecordStandardizer().Standardize(new SourceRecord("counter", "C1", PartyKind.Organization,
            new Dictionary<string, string> { [CanonicalField.Name] = "北京星城信息技术有限公司", [CanonicalField.NationalId] = id }));

    [Test]
    public void An_all_digit_credit_code_in_the_id_column_is_a_credit_code_not_a_broken_id_card()
    {
        // Real credit codes may be all digits; read as an ID card it has no valid birth date and would be dropped.
        var record = Organization("911101012986815226");
        Assert.That(record[Feature.CreditCode], Is.EqualTo("911101012986815226"));
        Assert.That(record[Feature.NationalId], Is.Null);
        Assert.That(record.Findings, Is.Empty);
    }

    [Test]
    public void A_sole_proprietors_id_card_on_an_organization_stays_an_id_card()
    {
        var record = Organization("11010519491231002X");
        Assert.That(record[Feature.NationalId], Is.EqualTo("11010519491231002X"));
        Assert.That(record[Feature.CreditCode], Is.Null);
    }

    [Test]
    public void A_credit_code_with_a_wrong_check_character_is_a_finding_and_no_evidence()
    {
        var record = Organization("911101012986815227");
        Assert.That(record[Feature.CreditCode], Is.Null);
        Assert.That(record[Feature.NationalId], Is.Null);
        Assert.That(record.Findings, Is.Not.Empty);
    }

    [TestCase("兰州泰辉医药", "taihui")]
    [TestCase("Lanzhou Taihui Pharmaceutical Co., Ltd.", "taihui")]
    [TestCase("创纳信息技术(上海)有限责任公司", "chuangna")]
    [TestCase("Shanghai Chuangna Information Technology Co., Ltd.", "chuangna")]
    public void Chinese_and_english_company_names_share_the_trade_name(string name, string brand)
    {
        var record = new RecordStandardizer().Standardize(new SourceRecord("crm", "C1", PartyKind.Organization,
            new Dictionary<string, string> { [CanonicalField.Name] = name }));
        Assert.That(record[Feature.CompanyBrand], Is.EqualTo(brand));
    }

    [Test]
    public void Phones_without_a_country_code_are_read_in_the_sources_country()
    {
        var us = new Mdm.Engine.Records.SystemProfile("shops", 50, new Dictionary<string, string>(), true, Country: "US");
        StandardizedRecord Shop(string phone) => new RecordStandardizer().Standardize(new SourceRecord("shops", "S1", PartyKind.Organization,
            new Dictionary<string, string> { [CanonicalField.Name] = "Arnie Morton's of Chicago", [CanonicalField.Phone] = phone }), us);

        Assert.That(Shop("310/246 -1501")[Feature.Phones], Is.EqualTo("+13102461501"));
        Assert.That(Shop("310-246-1501")[Feature.Phones], Is.EqualTo("+13102461501"));
        Assert.That(Shop("310-246-1501 / +86 138 1234 5678")[Feature.Phones], Is.EqualTo("+13102461501 +8613812345678"));
        Assert.That(Shop("310-246-1501").Findings, Is.Empty);
    }

    [Test]
    public void An_invalid_phone_is_no_evidence_but_a_finding()
    {
        var record = new RecordStandardizer().Standardize(new SourceRecord("crm", "C1", PartyKind.Person,
            new Dictionary<string, string> { [CanonicalField.Name] = "张伟", [CanonicalField.Phone] = "1381234567; 13987654321; 无" }));
        Assert.That(record[Feature.Phones], Is.EqualTo("+8613987654321"));
        Assert.That(record.Findings.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("phone", "invalid_length"), ("phone", "unparsed") }));

        var none = new RecordStandardizer().Standardize(new SourceRecord("crm", "C2", PartyKind.Person,
            new Dictionary<string, string> { [CanonicalField.Name] = "张伟", [CanonicalField.Phone] = "12345" }));
        Assert.That(none[Feature.Phones], Is.Null);
        Assert.That(none.Findings.Select(f => f.Field), Is.EqualTo(new[] { "phone" }));
    }

    [TestCase("91310105MA96E4356M", PartyKind.Organization)]   // check character holds: a company, whatever its short name
    [TestCase("91310105MA96E4356N", PartyKind.Person)]         // check character fails: no evidence of a kind
    public void A_valid_credit_code_in_the_id_column_makes_an_undeclared_record_an_organization(string id, PartyKind expected)
    {
        var record = new RecordStandardizer().Standardize(new SourceRecord("crm", "C1", PartyKind.Person,
            new Dictionary<string, string> { [CanonicalField.Name] = "华纳电子", [CanonicalField.NationalId] = id }));
        Assert.That(record.Kind, Is.EqualTo(expected));
        if (expected == PartyKind.Organization) Assert.That(record[Feature.CreditCode], Is.EqualTo(id));
    }
}
