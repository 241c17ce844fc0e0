using System.Diagnostics;
using Mdm.Benchmarks.Generator;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A real <c>mdm load</c> process is killed in the middle of a load (once while source records are being written, once
/// while golden customers are being resolved), the load is run again, and the store must end exactly as after one
/// uninterrupted load: no duplicate source records, no orphan golden IDs, the same cross-reference.
/// </summary>
[TestFixture]
public sealed class InterruptedLoadTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private Dictionary<string, string> _uninterrupted = null!;

    [OneTimeSetUp]
    public void LoadOnceWithoutInterruption()
    {
        _dir = EndToEnd.NewTempDirectory("interrupted");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(6000, Seed: 31));
        var store = Path.Combine(_dir, "clean", "mdm.db");
        EndToEnd.Load(_data.SourcesFile, store);
        _uninterrupted = EndToEnd.CrossReference(store);
    }

    [OneTimeTearDown]
    public void Delete() => EndToEnd.DeleteDirectory(_dir);

    // Progress lines the load prints to stderr: "load counter" once the first system is stored (so the kill lands while
    // the next systems are being ingested), "index" once resolution has started.
    [TestCase("load counter", TestName = "Killed while ingesting, re-run ends as one clean load")]
    [TestCase("index", TestName = "Killed while resolving, re-run ends as one clean load")]
    public void Killed_load_rerun_ends_in_the_same_state(string killWhenStderrShows)
    {
        var store = Path.Combine(_dir, killWhenStderrShows.Replace(' ', '_'), "mdm.db");

        var killed = RunAndKill(store, killWhenStderrShows);
        Assert.That(killed, Is.True, $"the load finished before '{killWhenStderrShows}' appeared: nothing was interrupted");
        Assert.That(File.Exists(store), Is.True, "the killed load had created its store");

        var rerun = EndToEnd.Load(_data.SourcesFile, store);

        Assert.That(rerun.Resolution.Ran, Is.True, "the re-run resolves what the killed run left unresolved");
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM source_records"), Is.EqualTo(_data.Records), "no duplicate or missing source records");
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM (SELECT system, source_key FROM source_records GROUP BY system, source_key HAVING COUNT(*) > 1)"), Is.Zero);
        AssertNoHalfWrittenClusters(store);
        Assert.That(EndToEnd.CrossReference(store), Is.EqualTo(_uninterrupted), "same golden ID for every source record as an uninterrupted load");
    }

    /// <summary>Starts <c>mdm load</c> and kills its process tree when stderr shows <paramref name="marker"/>. True if it was killed.</summary>
    [Test(Description = "Killed while re-resolving an incremental load, re-run ends as one clean load")]
    public void Killed_incremental_load_rerun_ends_in_the_same_state()
    {
        var half = Path.Combine(_dir, "half");
        if (!Directory.Exists(half)) DatasetHalves.WriteFirstHalf(_data.Directory, half);
        var clean = Path.Combine(_dir, "halves-clean", "mdm.db");
        EndToEnd.Load(Path.Combine(half, "sources.json"), clean);
        var second = EndToEnd.Load(_data.SourcesFile, clean);
        Assert.That(second.Resolution.Mode, Is.EqualTo("incremental"), "the second load of the uninterrupted sequence is incremental");
        var uninterrupted = EndToEnd.CrossReference(clean);

        var store = Path.Combine(_dir, "halves-killed", "mdm.db");
        EndToEnd.Load(Path.Combine(half, "sources.json"), store);
        var killed = RunAndKill(store, "re-resolve");
        Assert.That(killed, Is.True, "the incremental load finished before it re-resolved: nothing was interrupted");

        var rerun = EndToEnd.Load(_data.SourcesFile, store);
        Assert.That(rerun.Resolution.Mode, Is.EqualTo("incremental"), "the re-run resolves incrementally what the killed run left");
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM source_records"), Is.EqualTo(_data.Records), "no duplicate or missing source records");
        AssertNoHalfWrittenClusters(store);
        Assert.That(EndToEnd.CrossReference(store), Is.EqualTo(uninterrupted), "same golden ID for every source record as the uninterrupted loads");
    }

    private static void AssertNoHalfWrittenClusters(string store)
    {
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM golden_records g WHERE NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.golden_id = g.golden_id)"),
            Is.Zero, "no golden record without members");
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM golden_ids i WHERE i.status = 'active' AND NOT EXISTS (SELECT 1 FROM golden_records g WHERE g.golden_id = i.golden_id)"),
            Is.Zero, "no active golden ID without its golden record");
    }

    private bool RunAndKill(string store, string marker)
    {
        var mdm = Path.Combine(TestContext.CurrentContext.TestDirectory, "mdm.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { mdm, "load", "--config", _data.SourcesFile, "--store", store }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var seen = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains(marker, StringComparison.Ordinal) == true) seen.Set(); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = Task.Run(process.WaitForExit);
        var which = WaitHandle.WaitAny([seen.WaitHandle, ((IAsyncResult)exited).AsyncWaitHandle], TimeSpan.FromMinutes(2));
        if (which != 0) return false;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return true;
    }
}
