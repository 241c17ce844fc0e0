using Mdm.Benchmarks.Generator;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A generated dataset with 5 % deliberately broken rows (broken quotes, missing and duplicate keys, undecodable
/// GB18030 bytes, malformed JSON): every broken row must be kept as a reject that says where and what, and every good
/// row must still load.
/// </summary>
[TestFixture]
public sealed class GeneratedBadRowsTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private string _store = null!;
    private LoadSummary _summary = null!;
    private List<(string System, long Line, string Reason)> _expected = null!;
    private List<(string System, long Line, string? Field, string Reason)> _stored = null!;

    [OneTimeSetUp]
    public void LoadDirtyDataset()
    {
        _dir = EndToEnd.NewTempDirectory("badrows");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(600, Seed: 13, BadRowRate: 0.05));
        _store = Path.Combine(_dir, "store", "mdm.db");
        _summary = EndToEnd.Load(_data.SourcesFile, _store);
        _expected = EndToEnd.ExpectedRejects(Path.Combine(_data.Directory, DatasetGenerator.RejectsFileName));
        _stored = EndToEnd.Query(_store, "SELECT system, line, field, reason FROM rejects",
            r => (r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)));
    }

    [OneTimeTearDown]
    public void DeleteStore() => EndToEnd.DeleteDirectory(_dir);

    /// <summary>Words a reject's reason must contain (any of them, ignoring case) for each kind of broken row.</summary>
    private static string[] ReasonWords(string expectedReason) => expectedReason switch
    {
        "broken quote" => ["quote", "malformed"],
        "missing key" => ["missing key"],
        "duplicate key" => ["duplicate key"],
        "undecodable bytes" => ["undecodable", "decode"],
        "malformed json" => ["json"],
        _ => throw new AssertionException($"rejects_expected.csv has an unknown reason '{expectedReason}'"),
    };

    [Test]
    public void TheDatasetHasEveryKindOfBrokenRow()
    {
        Assert.That(_expected.Select(e => e.Reason).Distinct(),
            Is.EquivalentTo(new[] { "broken quote", "missing key", "duplicate key", "undecodable bytes", "malformed json" }));
    }

    [Test]
    public void EveryBrokenRowIsStoredAsARejectWithItsSystemLineAndReason()
    {
        var problems = new List<string>();
        foreach (var (system, line, reason) in _expected)
        {
            var matches = _stored.Where(s => s.System == system && s.Line == line).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{system} line {line} ({reason}): {matches.Count} rejects stored");
                continue;
            }
            var stored = matches[0];
            if (!ReasonWords(reason).Any(w => stored.Reason.Contains(w, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{system} line {line} ({reason}): stored reason '{stored.Reason}'");
            if (reason is "missing key" or "duplicate key" or "undecodable bytes" && string.IsNullOrEmpty(stored.Field))
                problems.Add($"{system} line {line} ({reason}): no field named");
        }
        Assert.That(problems, Is.Empty);
        Assert.That(_stored, Has.Count.EqualTo(_expected.Count), "no good row was rejected");
    }

    [Test]
    public void EveryGoodRowIsInTheCrossReference()
    {
        var truth = EndToEnd.Truth(_data.TruthFile);
        var xref = EndToEnd.CrossReference(_store);
        Assert.That(truth.Keys.Where(k => !xref.ContainsKey(k)).Take(20).ToList(), Is.Empty, "good rows missing from the cross-reference");
        Assert.That(xref, Has.Count.EqualTo(truth.Count));
    }

    [Test]
    public void SummaryCountsEveryRowOnceAndTheRejectsOfEachSystem()
    {
        var expectedPerSystem = _expected.GroupBy(e => e.System).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Multiple(() =>
        {
            foreach (var s in _summary.Systems)
            {
                Assert.That(s.Read, Is.EqualTo(s.Accepted + s.Rejected), $"{s.System}: read = accepted + rejected");
                Assert.That(s.Rejected, Is.EqualTo(expectedPerSystem.GetValueOrDefault(s.System)), $"{s.System}: rejected");
                Assert.That(s.Accepted, Is.EqualTo(_data.RecordsPerSystem[s.System]), $"{s.System}: accepted");
            }
            Assert.That(_summary.RecordsRejected, Is.EqualTo(_data.BadRows), "rejected over all systems");
        });
    }
}
