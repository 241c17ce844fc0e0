using Mdm.Engine.Records;
using Mdm.Engine.Search;
using Mdm.Tests.EndToEnd;

namespace Mdm.Tests.Search;

/// <summary>Steward merges, full resolutions and reopening keep the search index in step with the store.</summary>
[TestFixture]
public sealed class CustomerSearchMergeTests
{
    private string _dir = null!;
    private string _path = null!;

    [SetUp]
    public void CopyLoadedDemo()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("search-merge");
        _path = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void DeleteFiles() => EndToEnd.EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void AfterAMergeTheRetiredIdsDocumentIsGoneAndItsIdFindsTheSurvivor()
    {
        var (store, engine) = LiveStore.Open(_path);
        using (store)
        using (engine)
        using (var search = CustomerSearchIndex.Open(CustomerSearchIndex.PathOf(_path), store))
        {
            engine.Subscribers.Add(search);
            var a = engine.ResolveRecord(new SourceRecord("counter", "MERGE-A", PartyKind.Person, new Dictionary<string, string>
                { ["name"] = "上官婉清", ["phone"] = "13211112222", ["address"] = "广东省深圳市南山区科技园路1号" })).GoldenId;
            var b = engine.ResolveRecord(new SourceRecord("counter", "MERGE-B", PartyKind.Person, new Dictionary<string, string>
                { ["name"] = "诸葛明远", ["phone"] = "13233334444", ["address"] = "北京市海淀区中关村大街1号" })).GoldenId;
            Assert.That(a, Is.Not.EqualTo(b));
            var before = search.DocumentCount;
            var survivor = engine.Merge(a, b, "alice").GoldenIds.Single();
            var retired = survivor == a ? b : a;
            Assert.Multiple(() =>
            {
                Assert.That(search.DocumentCount, Is.EqualTo(before - 1), "one document fewer");
                Assert.That(search.Search(new CustomerQuery { GoldenId = retired }).Select(h => h.GoldenId), Is.EqualTo(new[] { survivor }));
                Assert.That(search.Search(new CustomerQuery { Phone = "13233334444" }).Select(h => h.GoldenId), Is.EqualTo(new[] { survivor }));
                Assert.That(search.Search(new CustomerQuery { Phone = "13211112222" }).Select(h => h.GoldenId), Is.EqualTo(new[] { survivor }));
                Assert.That(search.Search(new CustomerQuery { Name = "诸葛明远" }).Select(h => h.GoldenId).First(), Is.EqualTo(survivor));
            });
        }
    }

    [Test]
    public void AFullResolutionRebuildsAndAReopenedCurrentIndexIsNotRebuilt()
    {
        int goldenCount;
        {
            var (store, engine) = LiveStore.Open(_path);
            using (store)
            using (engine)
            using (var search = CustomerSearchIndex.Open(CustomerSearchIndex.PathOf(_path), store))
            {
                Assert.That(search.LastRebuildSeconds, Is.GreaterThan(0), "missing index: built on open");
                engine.Subscribers.Add(search);
                engine.FullResolution = true;
                var run = store.BeginRun("load", null);
                engine.Resolve(run);
                store.FinishRun(run, "succeeded", "{}");
                goldenCount = EndToEnd.EndToEnd.Query(_path, "SELECT COUNT(*) FROM golden_records", r => r.GetInt64(0)).Single() is var n ? (int)n : 0;
                Assert.That(search.DocumentCount, Is.EqualTo(goldenCount), "one document per golden customer");
            }
        }
        using var reopenedStore = Mdm.Engine.Storage.SqliteMdmStore.Open(_path);
        using var reopened = CustomerSearchIndex.Open(CustomerSearchIndex.PathOf(_path), reopenedStore);
        Assert.Multiple(() =>
        {
            Assert.That(reopened.LastRebuildSeconds, Is.Zero, "current index: not rebuilt");
            Assert.That(reopened.DocumentCount, Is.EqualTo(goldenCount));
        });
    }
}
