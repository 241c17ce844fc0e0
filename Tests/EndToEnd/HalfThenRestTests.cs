using Mdm.Benchmarks.Generator;
using Mdm.Engine.Evaluation;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// Half of a labelled data set is loaded, then all of it. The second load must re-resolve only what the new records
/// touch: customers none of whose records arrived keep their golden IDs, and golden records whose members did not change
/// stay byte for byte as they were. The result must be as accurate as loading everything at once.
/// </summary>
[TestFixture]
public sealed class HalfThenRestTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private string _store = null!;
    private LoadSummary _second = null!;
    private Dictionary<string, string> _afterHalf = null!;
    private Dictionary<string, string> _afterRest = null!;
    private Dictionary<string, (string Fields, string Lineage, long UpdatedRun)> _goldenAfterHalf = null!;
    private Dictionary<string, (string Fields, string Lineage, long UpdatedRun)> _goldenAfterRest = null!;
    private HashSet<string> _secondHalfKeys = null!;

    [OneTimeSetUp]
    public void LoadHalfThenEverything()
    {
        _dir = EndToEnd.NewTempDirectory("half");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(1200, Seed: 42));
        var half = Path.Combine(_dir, "half");
        _secondHalfKeys = DatasetHalves.WriteFirstHalf(_data.Directory, half);
        _store = Path.Combine(_dir, "store", "mdm.db");

        EndToEnd.Load(Path.Combine(half, "sources.json"), _store);
        _afterHalf = EndToEnd.CrossReference(_store);
        _goldenAfterHalf = GoldenRows(_store);
        _second = EndToEnd.Load(_data.SourcesFile, _store);
        _afterRest = EndToEnd.CrossReference(_store);
        _goldenAfterRest = GoldenRows(_store);
    }

    [OneTimeTearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    private static Dictionary<string, (string, string, long)> GoldenRows(string store) =>
        EndToEnd.Query(store, "SELECT golden_id, fields, lineage, updated_run FROM golden_records", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)))
            .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3, x.Item4));

    [Test]
    public void TheSecondLoadReResolvesOnlyWhatTheNewRecordsTouch()
    {
        var r = _second.Resolution;
        Assert.Multiple(() =>
        {
            Assert.That(r.Mode, Is.EqualTo("incremental"), r.FullReason);
            Assert.That(r.TouchedRecords, Is.EqualTo(_secondHalfKeys.Count), "changed records = the rows of the second half");
            Assert.That(r.AffectedRecords, Is.LessThan(_afterRest.Count), "not every record was re-resolved");
            Assert.That(_afterRest, Has.Count.EqualTo(_data.Records), "every record has a golden ID");
        });
    }

    [Test]
    public void CustomersNoneOfWhoseRecordsArrivedKeepTheirGoldenIds()
    {
        var truth = EndToEnd.Truth(_data.TruthFile);
        var touchedEntities = _secondHalfKeys.Select(k => truth[k]).ToHashSet();
        var untouched = _afterHalf.Keys.Where(k => !touchedEntities.Contains(truth[k])).ToList();
        Assert.That(untouched, Has.Count.GreaterThan(_afterHalf.Count / 3), "the data set has untouched customers to check");
        var moved = untouched.Where(k => _afterRest[k] != _afterHalf[k]).Select(k => $"{k}: {_afterHalf[k]} → {_afterRest[k]}").ToList();
        Assert.That(moved, Is.Empty, "records of untouched customers whose golden ID changed");
    }

    [Test]
    public void GoldenRecordsWhoseMembersDidNotChangeStayByteForByte()
    {
        var before = Members(_afterHalf);
        var after = Members(_afterRest);
        var same = before.Where(kv => after.TryGetValue(kv.Key, out var now) && now.SetEquals(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.That(same, Has.Count.GreaterThan(before.Count / 3));
        var rewritten = same.Where(g => _goldenAfterRest[g] != _goldenAfterHalf[g]).ToList();
        Assert.That(rewritten, Is.Empty, "golden records rewritten although their members are the same");
    }

    private static Dictionary<string, HashSet<string>> Members(Dictionary<string, string> xref)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, g) in xref)
        {
            if (!result.TryGetValue(g, out var set)) result[g] = set = [];
            set.Add(key);
        }
        return result;
    }

    [Test]
    public void LoadingInTwoHalvesIsAsAccurateAsLoadingAtOnce()
    {
        var once = Path.Combine(_dir, "once", "mdm.db");
        EndToEnd.Load(_data.SourcesFile, once);
        var truth = EndToEnd.Truth(_data.TruthFile);
        var inHalves = PairwiseEvaluation.Compute(_afterRest, truth);
        var atOnce = PairwiseEvaluation.Compute(EndToEnd.CrossReference(once), truth);
        TestContext.Out.WriteLine($"in halves F1 {inHalves.F1:0.0000} (P {inHalves.Precision:0.0000} R {inHalves.Recall:0.0000}); at once F1 {atOnce.F1:0.0000}");
        Assert.That(inHalves.F1, Is.GreaterThan(atOnce.F1 - 0.01));
    }
}
