using System.Diagnostics;
using Mdm.Application;
using Mdm.Benchmarks.Generator;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Records;
using Mdm.Engine.Storage.Postgres;
using Mdm.Tests.Storage;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// The hub on a real PostgreSQL server (.ci/run starts one): the same input gives the same golden IDs, golden records
/// and cross-reference as on SQLite through a full load, an incremental one, a real-time resolve and steward actions;
/// and a loader killed mid-load leaves a store the re-run finishes as one clean load.
/// </summary>
[TestFixture]
public sealed class PostgresStoreTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private string _half = null!;
    private readonly List<string> _schemas = [];

    [OneTimeSetUp]
    public void Generate()
    {
        _dir = EndToEnd.NewTempDirectory("postgres-store");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(3000, Seed: 41));
        _half = Path.Combine(_dir, "half");
        DatasetHalves.WriteFirstHalf(_data.Directory, _half);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        var file = SourcesFile.Load(_data.SourcesFile);
        foreach (var s in _schemas)
        {
            PostgresMdmStore.Drop(s);
            var files = StoreLocation.Of(file, StoreLocation.PostgresPrefix + s).FilesPath;
            foreach (var suffix in new[] { ".index", ".search" })
                if (Directory.Exists(files + suffix)) Directory.Delete(files + suffix, recursive: true);
        }
        EndToEnd.DeleteDirectory(_dir);
    }

    /// <summary>A fresh PostgreSQL store of its own, as the --store value a command line would take.</summary>
    private string NewPostgresStore(string name)
    {
        var connection = PostgresTestServer.StoreFor(Path.Combine(_dir, name));
        PostgresMdmStore.Drop(connection);
        _schemas.Add(connection);
        return StoreLocation.PostgresPrefix + connection;
    }

    private static LoadSummary Load(string sources, string store) => LoadJob.Run(SourcesFile.Load(sources), new LoadOptions { StorePath = store });

    private static Dictionary<string, string> CrossReference(string sources, string store)
    {
        using var s = StoreLocation.Of(SourcesFile.Load(sources), store).OpenReader();
        return s.ReadCrossReference().ToDictionary(x => x.System + "/" + x.Key, x => x.GoldenId, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> GoldenFields(string sources, string store)
    {
        using var s = StoreLocation.Of(SourcesFile.Load(sources), store).OpenReader();
        var ids = s.ReadCrossReference().Select(x => x.GoldenId).Distinct().ToList();
        return ids.ToDictionary(g => g, g => string.Join("|", s.ReadGoldenRecord(g)!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)));
    }

    [Test]
    public void A_full_then_an_incremental_load_give_the_same_golden_ids_and_records_as_on_SQLite()
    {
        var sqlite = Path.Combine(_dir, "same", "mdm.db");
        var postgres = NewPostgresStore("same");
        var halfSources = Path.Combine(_half, "sources.json");

        var first = (Lite: Load(halfSources, sqlite), Pg: Load(halfSources, postgres));
        Assert.That(first.Pg.Resolution!.Mode, Is.EqualTo("full"));
        Assert.That(CrossReference(halfSources, postgres), Is.EqualTo(CrossReference(halfSources, sqlite)), "first extract: same cross-reference");

        var second = (Lite: Load(_data.SourcesFile, sqlite), Pg: Load(_data.SourcesFile, postgres));
        Assert.That(second.Pg.Resolution!.Mode, Is.EqualTo("incremental"), "the second load re-resolves what changed, on PostgreSQL too");
        Assert.That(second.Pg.Resolution.AffectedRecords, Is.EqualTo(second.Lite.Resolution!.AffectedRecords));
        var xref = CrossReference(_data.SourcesFile, postgres);
        Assert.That(xref, Has.Count.EqualTo(_data.Records));
        Assert.That(xref, Is.EqualTo(CrossReference(_data.SourcesFile, sqlite)), "after the incremental load: same golden ID for every record");
        Assert.That(GoldenFields(_data.SourcesFile, postgres), Is.EqualTo(GoldenFields(_data.SourcesFile, sqlite)), "same golden records");
        Assert.That(second.Pg.Tiers, Is.EqualTo(second.Lite.Tiers), "same customer tiers");
        Assert.That(Profile(_data.SourcesFile, postgres), Is.EqualTo(Profile(_data.SourcesFile, sqlite)), "the same data-quality profile and regional figures");
    }

    private static string ReportTableText(object? cell) => Mdm.Api.Reporting.ReportTable.PageText(cell);

    /// <summary>The data-quality profile's figures (not its timing or store name) as JSON.</summary>
    private static string Profile(string sources, string store)
    {
        using var s = StoreLocation.Of(SourcesFile.Load(sources), store).OpenReader();
        var p = new Mdm.Engine.Reports.QualityProfiler(s).Compute();
        // Every table of `mdm report` (systems, completeness, duplicates, overlap, invalid values, rejects, conflicts, regions), cell by cell.
        return string.Join("\n", Mdm.Api.Reporting.ReportTables.Build(p).SelectMany(t => t.Rows.Select(r => t.Id + ": " + string.Join(" | ", r.Select(ReportTableText)))));
    }

    [Test]
    public void Real_time_resolves_and_steward_actions_give_the_same_answers_as_on_SQLite()
    {
        var sqlite = Path.Combine(_dir, "live", "mdm.db");
        var postgres = NewPostgresStore("live");
        Load(_data.SourcesFile, sqlite);
        Load(_data.SourcesFile, postgres);
        var file = SourcesFile.Load(_data.SourcesFile);
        var known = CrossReference(_data.SourcesFile, sqlite).First(x => x.Key.StartsWith(file.Sources[0].System + "/", StringComparison.Ordinal));
        var results = new List<string>();
        foreach (var store in new[] { sqlite, postgres })
        {
            using var session = EngineSession.OpenExisting(file, StoreLocation.Of(file, store), null, "test", null, withSearch: false);
            var stored = session.Store.ReadRecords([session.Store.LoadRecordState(known.Key.Split('/')[0], known.Key.Split('/', 2)[1])!.Value.RecordId])[0].Record;
            // The same person arriving under a new key, and a new person.
            var again = session.Engine.ResolveRecord(new SourceRecord(stored.System, "RT-1", stored.Kind, stored.Fields));
            var stranger = session.Engine.ResolveRecord(new SourceRecord(stored.System, "RT-2", PartyKind.Person,
                new Dictionary<string, string> { ["name"] = "欧阳测试", ["phone"] = "13912345678" }));
            var customers = session.Store.ReadCrossReference().Select(x => x.GoldenId).Distinct().Order(StringComparer.Ordinal).ToList();
            var merge = session.Engine.Merge(customers[10], customers[20], "alice", "same person");
            var undo = session.Engine.Undo(customers[10], "alice");
            results.Add($"{again.GoldenId} {again.Outcome} | {stranger.GoldenId} {stranger.Outcome} | {string.Join(",", merge.GoldenIds)} | {string.Join(",", undo.GoldenIds)}");
        }
        Assert.That(results[0], Does.Contain(known.Value + " linked"), "the known person links to their customer");
        Assert.That(results[1], Is.EqualTo(results[0]), "PostgreSQL answers as SQLite does");
        Assert.That(CrossReference(_data.SourcesFile, postgres), Is.EqualTo(CrossReference(_data.SourcesFile, sqlite)), "and ends in the same cross-reference");
    }

    [Test]
    public void One_writer_at_a_time_the_second_is_told_who_writes_and_the_lock_is_free_once_the_first_closes()
    {
        var connection = NewPostgresStore("lock")[StoreLocation.PostgresPrefix.Length..];
        using (var first = PostgresMdmStore.OpenWriter(connection, "load"))
        {
            var busy = Assert.Throws<Mdm.Engine.Storage.StoreBusyException>(() => PostgresMdmStore.OpenWriter(connection, "resolve", TimeSpan.FromMilliseconds(300)));
            Assert.That(busy!.Message, Does.Contain("'mdm load'").And.Contain($"process {Environment.ProcessId}"));
            using var reader = PostgresMdmStore.Open(connection);
            Assert.That(reader.ResolvedRun, Is.Zero, "a reader needs no lock");
        }
        using var second = PostgresMdmStore.OpenWriter(connection, "resolve", TimeSpan.Zero);
        Assert.That(second.Location, Does.Contain("postgresql://"));
    }

    [Test]
    public void A_loader_killed_while_resolving_leaves_a_store_the_rerun_finishes_as_one_clean_load()
    {
        var clean = NewPostgresStore("clean");
        Load(_data.SourcesFile, clean);
        var store = NewPostgresStore("killed");
        var mdm = Path.Combine(TestContext.CurrentContext.TestDirectory, "mdm.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { mdm, "load", "--config", _data.SourcesFile, "--store", store }) start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            var seen = new ManualResetEventSlim();
            process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("index", StringComparison.Ordinal) == true) seen.Set(); };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            Assert.That(seen.Wait(TimeSpan.FromMinutes(2)) && !process.HasExited, Is.True, "the load was still running when it resolved: something to interrupt");
            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup, the server sees the connection drop
            process.WaitForExit();
        }
        var rerun = Load(_data.SourcesFile, store);
        Assert.That(rerun.Resolution!.Ran, Is.True, "the re-run resolves what the killed run left unresolved");
        using (var s = StoreLocation.Of(SourcesFile.Load(_data.SourcesFile), store).OpenReader())
            Assert.That(s.CountActiveRecords(), Is.EqualTo(_data.Records), "no duplicate or missing source records");
        Assert.That(CrossReference(_data.SourcesFile, store), Is.EqualTo(CrossReference(_data.SourcesFile, clean)), "the same cross-reference as an uninterrupted load");
    }
}
