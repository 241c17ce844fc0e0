using System.Text.Json;
using Mdm.Engine.Storage;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A data steward merges, splits and separates golden customers. The losing ID of a merge redirects to the survivor;
/// a split mints a new ID for the part that leaves; every change is in the history with its cause and before/after;
/// and the steward's decision wins over the scorer on every later run, a full re-load included.
/// </summary>
[TestFixture]
public sealed class StewardDecisionTests
{
    private string _dir = null!;
    private string _store = null!;

    [SetUp]
    public void CopyLoadedDemo()
    {
        _dir = EndToEnd.NewTempDirectory("steward");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    /// <summary>Golden IDs of persons with exactly <paramref name="members"/> records, in ID order.</summary>
    private List<string> PersonsWith(int members) =>
        EndToEnd.Query(_store, $"SELECT golden_id FROM golden_records WHERE kind=0 AND member_count={members} ORDER BY golden_id", r => r.GetString(0));

    [Test]
    public void MergeKeepsTheOlderIdAndTheOtherRedirectsToIt()
    {
        var singles = PersonsWith(1);
        var (older, younger) = (singles[10], singles[^10]);
        var customers = LiveStore.Customers(_store);
        var youngerRecord = customers[younger].Single();

        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var result = engine.Merge(younger, older, "alice", "same person, confirmed by phone");
            Assert.That(result.GoldenIds, Is.EqualTo(new[] { older }), "the older ID survives");
            Assert.Multiple(() =>
            {
                Assert.That(store.ResolveGoldenId(younger), Is.EqualTo(older), "the younger ID redirects to the survivor");
                var (system, key) = Split(youngerRecord);
                Assert.That(store.LookupGoldenId(system, key), Is.EqualTo(older), "the younger ID's record now maps to the survivor");
                var history = store.ReadHistory(older);
                var absorbed = history.Single(e => e.Kind == "absorbed");
                Assert.That(absorbed.Cause, Is.EqualTo("steward:alice"));
                Assert.That(absorbed.Detail, Does.Contain("same person, confirmed by phone"));
                Assert.That(Records(absorbed.After), Is.EquivalentTo(customers[older].Append(youngerRecord)), "after: both records");
                Assert.That(history.Any(e => e.GoldenId == younger && e.Kind == "merged"), Is.True, "the merged ID's own event is in the survivor's history");
            });
        }

        LiveStore.FullReload(_store);
        Assert.That(EndToEnd.CrossReference(_store)[youngerRecord], Is.EqualTo(older), "a full re-load keeps the steward's merge");
    }

    [Test]
    public void SplitMintsANewIdForThePartThatLeavesAndTheHistoryShowsBoth()
    {
        var customers = LiveStore.Customers(_store);
        var (golden, members) = customers.Where(c => c.Value.Count == 3).OrderBy(c => c.Key, StringComparer.Ordinal).First();
        var leaving = members.Last();

        var (store, engine) = LiveStore.Open(_store);
        string minted;
        using (store)
        using (engine)
        {
            var result = engine.Split(golden, [Split(leaving)], "bob", "different person at the same address");
            Assert.That(result.GoldenIds, Has.Count.EqualTo(2));
            Assert.That(result.GoldenIds, Does.Contain(golden), "the rest keeps the old ID");
            minted = result.GoldenIds.Single(g => g != golden);
            var (system, key) = Split(leaving);
            Assert.That(store.LookupGoldenId(system, key), Is.EqualTo(minted));

            var oldHistory = store.ReadHistory(golden).Where(e => e.Kind == "split").ToList();
            var newHistory = store.ReadHistory(minted).Where(e => e.Kind == "split").ToList();
            Assert.Multiple(() =>
            {
                Assert.That(oldHistory, Has.Count.EqualTo(1), "the old ID's history shows the split");
                Assert.That(newHistory, Has.Count.EqualTo(1), "the new ID's history shows where it came from");
                Assert.That(newHistory[0].Detail, Does.Contain(golden));
                Assert.That(oldHistory[0].Cause, Is.EqualTo("steward:bob"));
                Assert.That(Records(oldHistory[0].Before), Is.EquivalentTo(members), "before: all three records");
                Assert.That(Records(oldHistory[0].After), Is.EquivalentTo(members.Take(2)), "after: the two that stayed");
                Assert.That(Records(newHistory[0].After), Is.EquivalentTo(new[] { leaving }));
            });
        }

        LiveStore.FullReload(_store);
        var xref = EndToEnd.CrossReference(_store);
        Assert.Multiple(() =>
        {
            Assert.That(xref[leaving], Is.EqualTo(minted), "a full re-load keeps the split record on its new ID");
            Assert.That(members.Take(2).Select(k => xref[k]), Is.All.EqualTo(golden));
        });
    }

    [Test]
    public void MergingBackWhatASplitTookOffJoinsThemAgainTheNewerDecisionWins()
    {
        var customer = PersonsWith(3)[0];
        var records = LiveStore.Customers(_store)[customer].ToList();
        var leaving = Split(records[0]);
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var split = engine.Split(customer, [leaving], "alice", "looked like two people");
            var minted = split.GoldenIds.Single(g => g != customer);
            var merged = engine.Merge(customer, minted, "bob", "they were one after all");
            Assert.That(merged.GoldenIds, Is.EqualTo(new[] { customer }), "the merge undoes the split: one customer, the older ID");
            Assert.That(store.LookupGoldenId(leaving.System, leaving.Key), Is.EqualTo(customer));
            Assert.That(store.ResolveGoldenId(minted), Is.EqualTo(customer), "the split-off ID redirects to the survivor");
            Assert.That(store.ReadHistory(customer).Any(e => e.GoldenId == minted && e.Kind == "merged"), Is.True, "the merge is in the survivor's history");
        }
        LiveStore.FullReload(_store);
        Assert.That(EndToEnd.CrossReference(_store)[records[0]], Is.EqualTo(customer), "a full re-load keeps the later decision");
    }

    [Test]
    public void UndoingAMergeGivesBothCustomersTheirRecordsAndIdsBackAndAFullReloadKeepsThatToo()
    {
        var singles = PersonsWith(1);
        var (older, younger) = (singles[20], singles[^20]);
        var customers = LiveStore.Customers(_store);
        var youngerRecord = customers[younger].Single();
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            engine.Merge(younger, older, "alice");
            Assert.That(store.ResolveGoldenId(younger), Is.EqualTo(older), "merged");
            var undone = engine.Undo(older, "bob", "merged by mistake");
            Assert.That(undone.GoldenIds, Is.EquivalentTo(new[] { older, younger }), "two customers again, under the IDs they had");
            var (system, key) = Split(youngerRecord);
            Assert.Multiple(() =>
            {
                Assert.That(store.LookupGoldenId(system, key), Is.EqualTo(younger), "the younger customer's record is back under its own ID");
                Assert.That(store.ResolveGoldenId(younger), Is.EqualTo(younger), "the younger ID is active again, no longer a redirect");
                Assert.That(store.ReadHistory(older).Last().Cause, Is.EqualTo("steward:bob"), "the undo is in the history as bob's action");
            });
        }
        LiveStore.FullReload(_store);
        var xref = EndToEnd.CrossReference(_store);
        Assert.That(xref[youngerRecord], Is.EqualTo(younger), "a full re-load keeps the undo");
        Assert.That(customers[older].Select(r => xref[r]), Is.All.EqualTo(older));
    }

    [Test]
    public void UndoingASplitJoinsTheRecordsAgainUnderTheOriginalIdAndUndoingTheUndoSplitsAgain()
    {
        var customer = PersonsWith(3)[1];
        var records = LiveStore.Customers(_store)[customer].ToList();
        var leaving = Split(records[0]);
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var minted = engine.Split(customer, [leaving], "alice").GoldenIds.Single(g => g != customer);
            var undone = engine.Undo(minted, "alice", "split the wrong record");
            Assert.That(undone.GoldenIds, Is.EqualTo(new[] { customer }), "one customer again, the original ID");
            Assert.That(store.LookupGoldenId(leaving.System, leaving.Key), Is.EqualTo(customer));
            Assert.That(store.ResolveGoldenId(minted), Is.EqualTo(customer), "the split-off ID redirects to the original");

            var redone = engine.Undo(customer, "alice", "no, the split was right");
            Assert.That(redone.GoldenIds, Has.Count.EqualTo(2), "undoing the undo splits again");
            Assert.That(store.LookupGoldenId(leaving.System, leaving.Key), Is.EqualTo(minted), "with the split-off ID it had");
        }
    }

    [Test]
    public void UndoOnACustomerNoStewardTouchedSaysSo()
    {
        var untouched = PersonsWith(2)[3];
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
            Assert.That(() => engine.Undo(untouched, "alice"), Throws.ArgumentException.With.Message.Contains("no steward action"));
    }

    [Test]
    public void AForcedSeparationSurvivesAFullReload()
    {
        var customers = LiveStore.Customers(_store);
        var (golden, members) = customers.Where(c => c.Value.Count == 2).OrderBy(c => c.Key, StringComparer.Ordinal).Skip(5).First();
        var (a, b) = (members.Min!, members.Max!);

        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var result = engine.Decide(Split(a), Split(b), sameCustomer: false, "carol", "father and son");
            Assert.That(result.GoldenIds, Has.Count.EqualTo(2), "the two records are now two customers");
        }
        var afterDecision = EndToEnd.CrossReference(_store);
        Assert.That(afterDecision[a], Is.Not.EqualTo(afterDecision[b]));

        var reload = LiveStore.FullReload(_store);
        Assert.That(reload.Resolution.Mode, Is.EqualTo("full"));
        var afterReload = EndToEnd.CrossReference(_store);
        Assert.Multiple(() =>
        {
            Assert.That(afterReload[a], Is.Not.EqualTo(afterReload[b]), "the separation wins over the scorer on a full re-load");
            Assert.That(afterReload[a], Is.EqualTo(afterDecision[a]), "and both keep the IDs the decision gave them");
            Assert.That(afterReload[b], Is.EqualTo(afterDecision[b]));
        });
    }

    [Test]
    public void DecidingAReviewTaskLinksTheRecordsAndClosesTheTask()
    {
        var task = EndToEnd.Query(_store, "SELECT task_id, golden_a, golden_b FROM review_tasks WHERE status='open' AND golden_a<>golden_b ORDER BY task_id LIMIT 1",
            r => (Id: r.GetInt64(0), A: r.GetString(1), B: r.GetString(2))).Single();
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var result = engine.DecideReview(task.Id, sameCustomer: true, "dave");
            Assert.That(result.GoldenIds, Has.Count.EqualTo(1), "one customer now");
            Assert.That(store.ResolveGoldenId(task.A), Is.EqualTo(store.ResolveGoldenId(task.B)));
            Assert.That(store.LoadReviewTask(task.Id)!.Status, Is.EqualTo("linked"));
            Assert.Throws<ArgumentException>(() => engine.DecideReview(task.Id, sameCustomer: false, "dave"), "a decided task cannot be decided again");
        }
    }

    [Test]
    public void TheStewardCommandsWorkFromTheCommandLine()
    {
        var singles = PersonsWith(1);
        var (a, b) = (singles[3], singles[4]);
        var (exit, error) = EndToEnd.RunCli("steward", "merge", a, b, "--config", LiveStore.DemoSources, "--store", _store, "--by", "erin");
        Assert.That(exit, Is.Zero, error);
        var (historyExit, historyError) = EndToEnd.RunCli("history", b, "--config", LiveStore.DemoSources, "--store", _store, "--json");
        Assert.That(historyExit, Is.Zero, historyError);
        using var store = SqliteMdmStore.Open(_store);
        Assert.That(store.ResolveGoldenId(b), Is.EqualTo(a));

        var (badExit, badError) = EndToEnd.RunCli("steward", "merge", a, "G999999999", "--config", LiveStore.DemoSources, "--store", _store, "--by", "erin");
        Assert.That(badExit, Is.EqualTo(2));
        Assert.That(badError, Does.Contain("G999999999"));
    }

    private static (string System, string Key) Split(string systemKey)
    {
        var slash = systemKey.IndexOf('/', StringComparison.Ordinal);
        return (systemKey[..slash], systemKey[(slash + 1)..]);
    }

    private static List<string> Records(string? membersJson)
    {
        Assert.That(membersJson, Is.Not.Null, "the event records its members");
        using var doc = JsonDocument.Parse(membersJson!);
        return doc.RootElement.GetProperty("records").EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
