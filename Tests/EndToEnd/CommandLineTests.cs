using Mdm.Benchmarks.Generator;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// The <c>mdm</c> commands as an operator runs them: load a dataset, export the cross-reference, evaluate; and the
/// mistakes an operator makes (a missing sources file, a misspelt field) end in a clear message and exit code 2.
/// </summary>
[TestFixture]
public sealed class CommandLineTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private string _store = null!;

    [OneTimeSetUp]
    public void LoadWithTheCommandLine()
    {
        _dir = EndToEnd.NewTempDirectory("cli");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(400, Seed: 17));
        _store = Path.Combine(_dir, "store", "mdm.db");
        var (exitCode, error) = EndToEnd.RunCli("load", "--config", _data.SourcesFile, "--store", _store);
        Assert.That(exitCode, Is.Zero, $"mdm load failed: {error}");
        Assert.That(File.Exists(_store), Is.True, "mdm load created the store");
    }

    [OneTimeTearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void LoadWithoutStoreOptionUsesTheStoreNamedInTheSourcesFile()
    {
        // The generated sources file says "store": "mdm-data/mdm.db", relative to itself.
        var (exitCode, error) = EndToEnd.RunCli("load", "--config", _data.SourcesFile);
        Assert.That(exitCode, Is.Zero, error);
        var expected = Path.Combine(_data.Directory, "mdm-data", "mdm.db");
        Assert.That(File.Exists(expected), Is.True, expected);
        Assert.That(EndToEnd.CrossReference(expected), Is.EquivalentTo(EndToEnd.CrossReference(_store)), "same files, same golden IDs");
    }

    [Test]
    public void ExportXrefWritesOneRowPerAcceptedRecord()
    {
        var output = Path.Combine(_dir, "out", "xref.csv");
        var (exitCode, error) = EndToEnd.RunCli("export", "xref", "--config", _data.SourcesFile, "--store", _store, "--out", output);
        Assert.That(exitCode, Is.Zero, error);

        var lines = File.ReadAllLines(output, EndToEnd.Utf8NoBom);
        Assert.That(lines[0], Is.EqualTo("system,key,golden_id"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.That(rows.All(r => r.Length == 3), Is.True, "three columns per row");
        var exported = rows.ToDictionary(r => r[0] + "/" + r[1], r => r[2]);

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(EndToEnd.Count(_store, "SELECT COUNT(*) FROM cross_reference")), "rows = cross_reference rows");
            Assert.That(rows, Has.Count.EqualTo(EndToEnd.Count(_store, "SELECT COUNT(*) FROM source_records WHERE retired_run IS NULL")), "rows = accepted records");
            Assert.That(rows, Has.Count.EqualTo(_data.Records), "rows = generated records");
            Assert.That(exported, Is.EquivalentTo(EndToEnd.CrossReference(_store)), "the file is the store's cross-reference");
        });
    }

    [Test]
    public void EvaluateExitsZero()
    {
        var (exitCode, error) = EndToEnd.RunCli("evaluate", "--config", _data.SourcesFile, "--store", _store, "--truth", _data.TruthFile);
        Assert.That(exitCode, Is.Zero, error);
    }

    [Test]
    public void EvaluateWithoutAStoreExitsTwo()
    {
        var missingStore = Path.Combine(_dir, "nowhere", "mdm.db");
        var (exitCode, error) = EndToEnd.RunCli("evaluate", "--config", _data.SourcesFile, "--store", missingStore, "--truth", _data.TruthFile);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("mdm load"));
        Assert.That(File.Exists(missingStore), Is.False, "evaluate does not create a store");
    }

    [Test]
    public void LoadWithAMissingSourcesFileExitsTwo()
    {
        var missing = Path.Combine(_dir, "missing.json");
        int exitCode = -1;
        string error = "";
        Assert.DoesNotThrow(() => (exitCode, error) = EndToEnd.RunCli("load", "--config", missing));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("missing.json"));
    }

    [Test]
    public void LoadWithAnUnknownCanonicalFieldExitsTwoAndNamesTheField()
    {
        var folder = Path.Combine(_dir, "misspelt");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "people.csv"), "id,name,fax\nP1,张伟,010-12345678\n", EndToEnd.Utf8NoBom);
        var sources = Path.Combine(folder, "sources.json");
        File.WriteAllText(sources, """
            { "store": "mdm-data/mdm.db",
              "sources": [ { "system": "people", "path": "people.csv", "key": "id",
                             "fields": { "name": "name", "fax_number": "fax" } } ] }
            """, EndToEnd.Utf8NoBom);

        var (exitCode, error) = EndToEnd.RunCli("load", "--config", sources);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("fax_number"));
        Assert.That(Directory.Exists(Path.Combine(folder, "mdm-data")), Is.False, "nothing is loaded from a wrong sources file");
    }
}
