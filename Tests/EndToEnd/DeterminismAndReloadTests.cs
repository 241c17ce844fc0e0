using Mdm.Benchmarks.Generator;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// One generated dataset loaded into two fresh stores: the same files must give the same golden IDs everywhere, and
/// loading the same files again into a store must change nothing.
/// </summary>
[TestFixture]
public sealed class DeterminismAndReloadTests
{
    private string _dir = null!;
    private GeneratedDataset _data = null!;
    private string _storeA = null!;
    private string _storeB = null!;
    private LoadSummary _firstLoadB = null!;
    private Dictionary<string, string> _xrefA = null!;
    private Dictionary<string, string> _xrefB = null!;
    private List<string> _goldenA = null!;
    private List<string> _goldenB = null!;

    [OneTimeSetUp]
    public void LoadTwice()
    {
        _dir = EndToEnd.NewTempDirectory("determinism");
        _data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(600, Seed: 7));
        _storeA = Path.Combine(_dir, "a", "mdm.db");
        _storeB = Path.Combine(_dir, "b", "mdm.db");
        EndToEnd.Load(_data.SourcesFile, _storeA);
        _firstLoadB = EndToEnd.Load(_data.SourcesFile, _storeB);
        // Snapshots taken now, so the reload test (which writes to store B) cannot disturb the comparison.
        _xrefA = EndToEnd.CrossReference(_storeA);
        _xrefB = EndToEnd.CrossReference(_storeB);
        _goldenA = GoldenRecords(_storeA);
        _goldenB = GoldenRecords(_storeB);
    }

    [OneTimeTearDown]
    public void DeleteStores() => EndToEnd.DeleteDirectory(_dir);

    private static List<string> GoldenRecords(string store) =>
        EndToEnd.Query(store, "SELECT golden_id, kind, member_count, systems, fields, lineage FROM golden_records ORDER BY golden_id",
            r => $"{r.GetString(0)} kind={r.GetInt64(1)} members={r.GetInt64(2)} systems={r.GetString(3)} fields={r.GetString(4)} lineage={r.GetString(5)}");

    [Test]
    public void TwoFreshStoresGiveTheSameGoldenIdForEveryRecord()
    {
        Assert.That(_xrefA, Has.Count.EqualTo(_data.Records), "every generated record is in the cross-reference");
        var different = _xrefA.Where(x => _xrefB.GetValueOrDefault(x.Key) != x.Value)
            .Select(x => $"{x.Key}: {x.Value} vs {_xrefB.GetValueOrDefault(x.Key) ?? "(absent)"}").Take(20).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_xrefB.Keys, Is.EquivalentTo(_xrefA.Keys));
            Assert.That(different, Is.Empty, "records with a different golden ID in the second store");
        });
    }

    [Test]
    public void TwoFreshStoresBuildTheSameGoldenRecords()
    {
        Assert.That(_goldenA, Is.Not.Empty);
        Assert.That(_goldenB, Is.EqualTo(_goldenA));
    }

    [Test]
    public void ReloadingTheSameFilesChangesNothing()
    {
        var reload = EndToEnd.Load(_data.SourcesFile, _storeB);

        Assert.That(reload.Systems.Select(s => s.System), Is.EquivalentTo(_firstLoadB.Systems.Select(s => s.System)));
        Assert.Multiple(() =>
        {
            foreach (var s in reload.Systems)
            {
                var first = _firstLoadB.Of(s.System);
                Assert.That(s.Read, Is.EqualTo(first.Read), $"{s.System}: read");
                Assert.That(s.Unchanged, Is.EqualTo(s.Accepted), $"{s.System}: every record unchanged");
                Assert.That(s.Accepted, Is.EqualTo(first.Accepted), $"{s.System}: accepted");
                Assert.That((s.New, s.Changed, s.Retired), Is.EqualTo((0L, 0L, 0L)), $"{s.System}: new, changed, retired");
            }
            Assert.That(reload.Resolution.Ran, Is.False, "nothing changed, so nothing to resolve");
            Assert.That(EndToEnd.CrossReference(_storeB), Is.EquivalentTo(_xrefB), "cross-reference after the reload");
            Assert.That(GoldenRecords(_storeB), Is.EqualTo(_goldenB), "golden records after the reload");
            Assert.That(EndToEnd.Count(_storeB, "SELECT COUNT(*) FROM runs WHERE status='succeeded'"), Is.EqualTo(2), "both runs recorded as succeeded");
        });
    }
}
