using Mdm.Application;
using System.Text.Json.Nodes;
using Mdm.Api.Cli;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A full extract retires the records it lacks only when it was read cleanly: the demo's CRM file rewritten as one JSON
/// array (a full extract in the wrong layout) must not retire 1,468 customers.
/// </summary>
[TestFixture]
public sealed class RetirementGuardTests
{
    private string _dir = null!;
    private string _store = null!;

    [SetUp]
    public void CopyDemo()
    {
        _dir = EndToEnd.NewTempDirectory("retire-guard");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void Delete() => EndToEnd.DeleteDirectory(_dir);

    /// <summary>The demo's sources with the CRM file replaced by <paramref name="crmText"/>.</summary>
    private string SourcesWithCrm(string crmText, JsonObject? retirement = null)
    {
        var crm = Path.Combine(_dir, "crm.json");
        File.WriteAllText(crm, crmText, EndToEnd.Utf8NoBom);
        var json = JsonNode.Parse(File.ReadAllText(LiveStore.DemoSources))!;
        foreach (var list in new[] { "sources", "transactions" })
            foreach (var source in json[list]!.AsArray())
            {
                var isCrm = source!["system"]!.GetValue<string>() == "crm" && list == "sources";
                source["path"] = isCrm ? crm : Path.Combine(EndToEnd.DemoDirectory, source["path"]!.GetValue<string>());
                if (isCrm && retirement is not null) source["retirement"] = retirement;
            }
        var path = Path.Combine(_dir, "sources.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static string CrmLines => File.ReadAllText(Path.Combine(EndToEnd.DemoDirectory, "crm.jsonl"));

    private static string CrmAsOneArray => "[" + string.Join(",\n", CrmLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

    private int CrmRecordsInCrossReference() => EndToEnd.CrossReference(_store).Keys.Count(k => k.StartsWith("crm/", StringComparison.Ordinal));

    [Test]
    public void A_full_extract_in_the_wrong_layout_retires_nothing_and_says_why_with_exit_code_3()
    {
        var before = CrmRecordsInCrossReference();
        Assert.That(before, Is.GreaterThan(1000));
        var sources = SourcesWithCrm(CrmAsOneArray);

        var summary = LoadJob.Run(SourcesFile.Load(sources), new LoadOptions { StorePath = _store });
        var crm = summary.Of("crm");
        Assert.Multiple(() =>
        {
            Assert.That(crm.Retired, Is.Zero, "nothing retired");
            Assert.That(crm.RetirementsWithheld, Is.EqualTo(before), "every CRM record would have been retired");
            Assert.That(crm.RetirementWithheld, Does.Contain("rejected"));
            Assert.That(CrmRecordsInCrossReference(), Is.EqualTo(before), "the customers are still there");
        });

        var (exit, error) = EndToEnd.RunCli("load", "--config", sources, "--store", _store);
        Assert.That(exit, Is.EqualTo(3), "the caller is told");
        Assert.That(error, Does.Contain("crm").And.Contain("NOT retired"));
    }

    [Test]
    public void A_clean_extract_that_lacks_a_few_records_retires_them()
    {
        var lines = CrmLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var before = CrmRecordsInCrossReference();
        var sources = SourcesWithCrm(string.Join('\n', lines.Skip(10)) + "\n");
        var crm = LoadJob.Run(SourcesFile.Load(sources), new LoadOptions { StorePath = _store }).Of("crm");
        Assert.That(crm.RetirementWithheld, Is.Null);
        Assert.That(crm.Retired, Is.EqualTo(10));
        Assert.That(CrmRecordsInCrossReference(), Is.EqualTo(before - 10));
    }

    [Test]
    public void A_much_shorter_extract_retires_nothing_unless_the_threshold_is_lowered()
    {
        var lines = CrmLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var before = CrmRecordsInCrossReference();
        var shortFile = string.Join('\n', lines.Take(lines.Length / 3)) + "\n";
        var crm = LoadJob.Run(SourcesFile.Load(SourcesWithCrm(shortFile)), new LoadOptions { StorePath = _store }).Of("crm");
        Assert.That(crm.Retired, Is.Zero);
        Assert.That(crm.RetirementWithheld, Does.Contain("fewer than 50"));

        var lowered = new JsonObject { ["min_share_of_store"] = 0.2 };
        crm = LoadJob.Run(SourcesFile.Load(SourcesWithCrm(shortFile, lowered)), new LoadOptions { StorePath = _store }).Of("crm");
        Assert.That(crm.RetirementWithheld, Is.Null);
        Assert.That(crm.Retired, Is.EqualTo(before - lines.Length / 3));
    }

    [Test]
    public void A_bad_retirement_setting_is_a_configuration_error()
    {
        var sources = SourcesWithCrm(CrmLines, new JsonObject { ["max_reject_share"] = 1.5 });
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Load(sources));
        Assert.That(ex!.Message, Does.Contain("crm").And.Contain("max_reject_share"));
    }
}
