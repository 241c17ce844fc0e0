using Mdm.Connectors.Configuration;
using Mdm.Engine.Value;

namespace Mdm.Tests.Value;

/// <summary>The "value" settings of the sources file: defaults, every setting read, and every mistake a configuration error naming it.</summary>
[TestFixture]
public sealed class ValueSettingsTests
{
    private static SourcesFile Parse(string value) =>
        SourcesFile.Parse($$"""{ "sources": [ { "system": "s", "path": "p.csv", "key": "id", "fields": { "name": "name" } } ]{{value}} }""",
            Path.GetTempPath(), "sources.json");

    [Test]
    public void Without_value_settings_the_defaults_hold()
    {
        var policy = Parse("").Value;
        Assert.That((policy.SuperShare, policy.LargeShare, policy.MediumShare, policy.Months, policy.AsOf), Is.EqualTo((0.01m, 0.04m, 0.15m, 12, ValueAsOf.Today)));
    }

    [Test]
    public void Every_setting_is_read()
    {
        var policy = Parse(""", "value": { "tiers": { "super": 0.02, "large": 0.08, "medium": 0.3 }, "months": 6, "as_of": "2024-06-30" }""").Value;
        Assert.That((policy.SuperShare, policy.LargeShare, policy.MediumShare, policy.Months, policy.AsOf.Date), Is.EqualTo((0.02m, 0.08m, 0.3m, 6, (DateOnly?)new DateOnly(2024, 6, 30))));
        Assert.That(Parse(""", "value": { "as_of": "latest_transaction" }""").Value.AsOf, Is.EqualTo(ValueAsOf.LatestTransaction));
        Assert.That(Parse(""", "value": { "tiers": { "large": 0.1 } }""").Value with { }, Is.EqualTo(TierPolicy.Default with { LargeShare = 0.1m }), "unnamed tiers keep their defaults");
    }

    [TestCase("""{ "tier": {} }""", "unknown setting \"tier\"")]
    [TestCase("""{ "tiers": { "huge": 0.1 } }""", "unknown tier \"huge\"")]
    [TestCase("""{ "tiers": { "super": 1.5 } }""", "\"super\" must be a share from 0 to 1, not 1.5")]
    [TestCase("""{ "tiers": { "super": "1%" } }""", "\"super\" must be a share from 0 to 1")]
    [TestCase("""{ "tiers": { "super": 0.5, "large": 0.4, "medium": 0.2 } }""", "add up to 1.1, more than 1")]
    [TestCase("""{ "months": 0 }""", "\"months\" must be a whole number from 1 to 1200, not 0")]
    [TestCase("""{ "months": 1.5 }""", "\"months\" must be a whole number")]
    [TestCase("""{ "as_of": "yesterday" }""", "\"as_of\" must be \"today\", \"latest_transaction\" or a date written yyyy-MM-dd, not \"yesterday\"")]
    [TestCase("""{ "as_of": "2024-02-30" }""", "\"as_of\" must be")]
    [TestCase("""[1]""", "\"value\": must be an object")]
    [TestCase("""{ "months": 6, "months": 7 }""", "\"months\" is given twice")]
    public void A_bad_value_setting_is_a_configuration_error_naming_it(string value, string message)
    {
        var ex = Assert.Throws<SourcesFileException>(() => Parse(", \"value\": " + value))!;
        Assert.That(ex.Message, Does.Contain(message));
        Assert.That(ex.Message, Does.StartWith("sources.json: \"value\""));
    }
}
