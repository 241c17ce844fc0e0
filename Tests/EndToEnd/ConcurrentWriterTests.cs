using System.Diagnostics;
using System.Text.Json;
using Mdm.Engine.Standardization.Identifiers;
using Mdm.Engine.Storage;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// Several real <c>mdm</c> processes writing one store at once: they take turns through the store's writer lock, so one
/// person's records get one golden ID, every record gets its cross-reference row, and no process crashes.
/// </summary>
[TestFixture]
public sealed class ConcurrentWriterTests
{
    private string _dir = null!;
    private string _store = null!;
    private string _sources = null!;

    [SetUp]
    public void CopyDemo()
    {
        _dir = EndToEnd.NewTempDirectory("concurrent");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
        // The demo's sources, but no file is a full extract: records that arrive in real time are not in the files, and a
        // full extract would (rightly) retire them.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(LiveStore.DemoSources))!;
        foreach (var list in new[] { "sources", "transactions" })
            foreach (var source in json[list]!.AsArray())
            {
                source!["path"] = Path.Combine(EndToEnd.DemoDirectory, source["path"]!.GetValue<string>());
                if (list == "sources") source["full_extract"] = false;
            }
        _sources = Path.Combine(_dir, "sources.json");
        File.WriteAllText(_sources, json.ToJsonString());
    }

    [TearDown]
    public void Delete() => EndToEnd.DeleteDirectory(_dir);

    private static string MdmDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "mdm.dll");

    /// <summary>Starts <c>dotnet mdm.dll ARGS</c> as a process of its own.</summary>
    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(MdmDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["MDM_WRITER_WAIT"] = "300";
        return Process.Start(info)!;
    }

    private static (int Exit, string Output, string Error) Finish(Process p)
    {
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail("an mdm process hung"); }
        return (p.ExitCode, output.Result, error.Result);
    }

    private static string IdCard(int n)
    {
        var first17 = $"44030519{80 + n % 20:D2}0101{n % 1000:D3}";
        return first17 + NationalId.ComputeCheckChar(first17);
    }

    private Process Resolve(string key, string name, string idCard) => Start("resolve", "--config", _sources, "--store", _store,
        "--system", "counter", "--json",
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["客户编号"] = key, ["客户名称"] = name, ["证件号码"] = idCard, ["联系电话"] = "13912345678", ["地址"] = "广东省深圳市南山区科技园路8号", ["客户类型"] = "个人",
        }));

    /// <summary>The store is whole: every active record has one cross-reference row, every active golden ID has members.</summary>
    private void AssertConsistent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM source_records r WHERE r.retired_run IS NULL AND NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.record_id = r.record_id)"),
                Is.Zero, "active records without a cross-reference row");
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM golden_ids g WHERE g.status = 'active' AND NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.golden_id = g.golden_id)"),
                Is.Zero, "active golden IDs without members");
        });
    }

    [Test]
    public void Eight_concurrent_resolves_of_one_person_give_one_golden_ID()
    {
        var processes = Enumerable.Range(0, 8).Select(i => Resolve($"RACE-{i}", "欧阳明轩", IdCard(1))).ToList();
        var results = processes.Select(Finish).ToList();
        foreach (var (exit, _, error) in results) Assert.That(exit, Is.Zero, error);
        var xref = EndToEnd.CrossReference(_store);
        var golden = Enumerable.Range(0, 8).Select(i => xref.GetValueOrDefault($"counter/RACE-{i}")).ToList();
        Assert.That(golden, Has.None.Null, "every resolved record has its cross-reference row");
        Assert.That(golden.Distinct().Count(), Is.EqualTo(1), $"one person, one golden ID: {string.Join(", ", golden)}");
        var printed = results.Select(r => JsonDocument.Parse(r.Output).RootElement.GetProperty("goldenId").GetString()).Distinct().ToList();
        Assert.That(printed, Is.EqualTo(new[] { golden[0] }), "what each process printed is what the store holds");
        AssertConsistent();
    }

    [Test]
    public void Resolves_and_a_steward_action_during_a_full_load_all_land()
    {
        var load = Start("load", "--config", _sources, "--store", _store, "--full");
        var resolves = Enumerable.Range(0, 4).Select(i => Resolve($"DURING-{i}", $"司马{"一二三四"[i]}", IdCard(10 + i))).ToList();
        var secondLoad = Start("load", "--config", _sources, "--store", _store);
        var steward = Start("steward", "link", "counter/C21033053", "counter/C92579553", "--config", _sources, "--store", _store, "--by", "test");
        foreach (var p in new[] { load, secondLoad }.Concat(resolves).Append(steward))
        {
            var (exit, _, error) = Finish(p);
            Assert.That(exit, Is.Zero, error);
        }
        var xref = EndToEnd.CrossReference(_store);
        for (var i = 0; i < 4; i++) Assert.That(xref.ContainsKey($"counter/DURING-{i}"), Is.True, $"DURING-{i} has its cross-reference row");
        Assert.That(xref["counter/C21033053"], Is.EqualTo(xref["counter/C92579553"]), "the steward's forced link holds, whatever ran after it");
        AssertConsistent();
    }

    [Test]
    public void A_writer_that_waits_too_long_says_who_holds_the_store_and_exits_75()
    {
        using var held = StoreWriterLock.Acquire(_store, "test holder", TimeSpan.Zero);
        var (exit, _, error) = Finish(Start("resolve", "--config", _sources, "--store", _store, "--wait", "0.5",
            "--system", "counter", "--json", """{"客户编号":"WAIT-1","客户名称":"张三"}"""));
        Assert.That(exit, Is.EqualTo(75), error);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(error, Does.Contain($"process {Environment.ProcessId} (test holder)"));
        Assert.That(error, Does.Contain("--wait"));
    }
}
