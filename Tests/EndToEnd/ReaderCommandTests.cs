using System.Diagnostics;
using System.Text.Json;
using Mdm.Benchmarks.Realtime;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// <c>mdm reviews</c>, <c>mdm rejects</c> and <c>mdm golden</c> run as a user runs them, on the loaded demo; and the first
/// command a newcomer types, from the repository root with a relative --config.
/// </summary>
[TestFixture]
public sealed class ReaderCommandTests
{
    private string _dir = null!;
    private string _store = null!;

    [OneTimeSetUp]
    public void CopyTheDemo()
    {
        _dir = EndToEnd.NewTempDirectory("readers");
        _store = LiveStore.CopyOfLoadedDemo(Path.Combine(_dir, "store"));
    }

    [OneTimeTearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    private (int ExitCode, string Output, string Error) Mdm(params string[] args) =>
        EndToEnd.RunCliCapturingOutput([.. args, "--config", LiveStore.DemoSources, "--store", _store]);

    [Test]
    public void ReviewsListsTheOpenQueueNearestTheLinkThresholdFirst()
    {
        var open = EndToEnd.Query(_store, "SELECT task_id, probability FROM review_tasks WHERE status='open'", r => (Id: r.GetInt64(0), P: r.GetDouble(1)));
        Assert.That(open, Is.Not.Empty, "the demo leaves review tasks");
        // Nearest the link threshold (0.95) in log-odds; refused links sit above it (0.9994: 7 bits away), doubtful ones below.
        static double Bits(double p) => Math.Log2(p / (1 - p));
        var nearest = open.OrderBy(t => Math.Abs(Bits(t.P) - Bits(0.95))).ThenBy(t => t.Id).First();

        var (exit, output, error) = Mdm("reviews", "--limit", "3");
        Assert.That(exit, Is.Zero, error);
        var rows = output.Split('\n').Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.That(rows, Has.Count.EqualTo(3), output);
        Assert.That(rows[0], Does.StartWith($"│ {nearest.Id} "), output);
        Assert.That(output, Does.Contain("mdm steward decide"), "says what to do next");

        var (jsonExit, json, jsonError) = Mdm("reviews", "--json", "--limit", "1000");
        Assert.That(jsonExit, Is.Zero, jsonError);
        var items = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(open.Count), "every open task");
            Assert.That(items.Select(i => i.GetProperty("priority").GetDouble()), Is.Ordered.Descending);
            var first = items[0];
            Assert.That(first.GetProperty("taskId").GetInt64(), Is.EqualTo(nearest.Id));
            Assert.That(first.GetProperty("recordA").GetProperty("system").GetString(), Is.Not.Empty);
            Assert.That(first.GetProperty("recordB").GetProperty("fields").EnumerateObject().Count(), Is.GreaterThan(0), "the source fields");
            Assert.That(first.GetProperty("recordA").GetProperty("goldenId").GetString(), Does.StartWith("G"));
            Assert.That(first.GetProperty("explanation").ValueKind, Is.EqualTo(JsonValueKind.Object), "the stored MatchExplanation");
        });
    }

    [Test]
    public void ReviewsOfAStatusNobodyDecidedSaysSo()
    {
        var (exit, output, error) = Mdm("reviews", "--status", "separated");
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("No separated review tasks"));
    }

    [Test]
    public void GoldenBySystemKeyShowsFieldsWithLineageAndMembers()
    {
        var (system, key, golden) = EndToEnd.Query(_store,
            "SELECT x.system, x.source_key, x.golden_id FROM cross_reference x JOIN golden_records g USING(golden_id) WHERE g.member_count >= 2 ORDER BY x.golden_id LIMIT 1",
            r => (r.GetString(0), r.GetString(1), r.GetString(2))).Single();
        var members = EndToEnd.Query(_store, $"SELECT system || '/' || source_key FROM cross_reference WHERE golden_id='{golden}'", r => r.GetString(0));

        var (exit, output, error) = Mdm("golden", $"{system}/{key}");
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain($"belongs to {golden}"));
        foreach (var m in members) Assert.That(output, Does.Contain(m), "every member as system/key");

        var (jsonExit, json, _) = Mdm("golden", golden, "--json");
        Assert.That(jsonExit, Is.Zero);
        var root = JsonDocument.Parse(json).RootElement;
        var name = root.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "name");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("members").GetArrayLength(), Is.EqualTo(members.Count));
            Assert.That(members, Does.Contain(name.GetProperty("system").GetString() + "/" + name.GetProperty("key").GetString()), "the name's lineage names a member");
            Assert.That(name.GetProperty("rule").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public void GoldenFollowsTheRedirectOfAMergedId()
    {
        var dir = Path.Combine(_dir, "merged");
        var store = LiveStore.CopyOfLoadedDemo(dir);
        var pair = EndToEnd.Query(store, "SELECT golden_a, golden_b FROM review_tasks WHERE status='open' AND golden_a <> golden_b LIMIT 1",
            r => (A: r.GetString(0), B: r.GetString(1))).Single();
        var (merge, mergeError) = EndToEnd.RunCli("steward", "merge", pair.A, pair.B, "--by", "test", "--config", LiveStore.DemoSources, "--store", store);
        Assert.That(merge, Is.Zero, mergeError);
        var survivor = string.CompareOrdinal(pair.A, pair.B) < 0 ? pair.A : pair.B; // the older ID, lower sequence
        var merged = survivor == pair.A ? pair.B : pair.A;

        var (exit, output, error) = EndToEnd.RunCliCapturingOutput("golden", merged, "--config", LiveStore.DemoSources, "--store", store);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain($"{merged} redirects to {survivor}"));
    }

    [Test]
    public void GoldenOfAnUnknownIdExitsTwo()
    {
        var (exit, _, error) = Mdm("golden", "G999999999");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no golden ID G999999999"));
    }

    [Test]
    public void RejectsOfTheCleanDemoSaysNone()
    {
        var (exit, output, error) = Mdm("rejects");
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("no rejects"));
    }

    [Test]
    public void RejectsListsTheLastLoadsBadLinesAndWritesThemSpreadsheetSafe()
    {
        // The demo with two broken lines in the CRM export, one of them a formula a spreadsheet would run.
        var data = Path.Combine(_dir, "bad-demo");
        Directory.CreateDirectory(data);
        foreach (var f in Directory.GetFiles(EndToEnd.DemoDirectory)) File.Copy(f, Path.Combine(data, Path.GetFileName(f)));
        var crm = Path.Combine(data, "crm.jsonl");
        var lines = File.ReadAllLines(crm, EndToEnd.Utf8NoBom).Length;
        File.AppendAllText(crm, "=HYPERLINK(\"http://x\")\n{\"id\": \"CRM-BROKEN\", \"name\": \n", EndToEnd.Utf8NoBom);
        var sources = Path.Combine(data, "sources.json");
        var store = Path.Combine(_dir, "bad-store", "mdm.db");
        Assert.That(EndToEnd.RunCli("load", "--config", sources, "--store", store).ExitCode, Is.Zero);

        var csv = Path.Combine(_dir, "rejects.csv");
        var (exit, output, error) = EndToEnd.RunCliCapturingOutput("rejects", "--system", "crm", "--out", csv, "--config", sources, "--store", store);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("2 reject(s) of crm"), output);
        Assert.That(output, Does.Contain($"│ crm    │ {lines + 1} "), "source and line");
        var written = File.ReadAllText(csv, EndToEnd.Utf8NoBom);
        Assert.That(written, Does.StartWith("run,system,line,key,field,reason,raw_text"));
        Assert.That(written, Does.Contain("'=HYPERLINK"), "a formula is prefixed so a spreadsheet shows it");

        var (jsonExit, json, _) = EndToEnd.RunCliCapturingOutput("rejects", "--json", "--config", sources, "--store", store);
        Assert.That(jsonExit, Is.Zero);
        var rejects = JsonDocument.Parse(json).RootElement.GetProperty("rejects").EnumerateArray().ToList();
        Assert.That(rejects.Select(r => r.GetProperty("rawText").GetString()), Does.Contain("=HYPERLINK(\"http://x\")"), "JSON keeps the raw text as it was");
    }

    [Test]
    public void DotnetRunFromTheRepositoryRootReadsARelativeConfigFromThere()
    {
        // The README's first load command; the Web SDK used to start the program in Api/, where this path does not exist.
        var configuration = TestContext.CurrentContext.TestDirectory.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var missing = Path.Combine(_dir, "no-store", "mdm.db");
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", configuration, "--project", "Api", "--",
            "profile", "--config", "Api/Samples/demo/sources.json", "--store", missing])
        {
            WorkingDirectory = EndToEnd.RepoRoot, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(error.Result, Does.Contain($"no store at {missing}"), "the sources file was found and read");
        Assert.That(process.ExitCode, Is.EqualTo(2));
    }

    [TestCase("--requests", "abc")]
    [TestCase("--threads", "0")]
    [TestCase("--requests")]
    [TestCase("--bogus", "1")]
    public void RealtimeBenchmarkRejectsBadArgumentsWithExitCodeTwo(params string[] args)
    {
        using var error = new StringWriter();
        Assert.That(RealtimeBenchmark.Run(args, TextWriter.Null, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("usage: realtime"));
    }
}
