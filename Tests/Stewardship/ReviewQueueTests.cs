using Mdm.Engine.Records;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;

namespace Mdm.Tests.Stewardship;

/// <summary>The review queue's order: nearest the link threshold first, moved up by customer value when a lookup gives one.</summary>
[TestFixture]
public sealed class ReviewQueueTests
{
    private sealed class Tasks(params ReviewTaskView[] tasks) : IReviewStore
    {
        public IReadOnlyList<ReviewTaskView> ReadReviewTasks(string? status) => tasks.Where(t => status is null || t.Status == status).ToList();
        public long? LastLoadRun() => null;
        public IReadOnlyList<StoredReject> ReadRejects(long runId, string? system, int limit) => [];
        public GoldenRecordView? ReadGoldenRecord(string goldenId) => null;
        public (string Status, string? RedirectTo)? ReadGoldenIdStatus(string goldenId) => null;
        public IReadOnlyList<ReviewRecord> ReadMembers(string goldenId) => [];
    }

    private static ReviewTaskView Task(long id, double probability, string goldenA, string goldenB, string status = "open") =>
        new(id, status, probability, "uncertain match", "{}", Record(id * 2), Record(id * 2 + 1), goldenA, goldenB, 1, null, null);

    private static ReviewRecord Record(long id) =>
        new((int)id, "crm", "K" + id, PartyKind.Person, new Dictionary<string, string> { ["name"] = "张伟" });

    [Test]
    public void TheTaskNearestTheLinkThresholdComesFirst()
    {
        var queue = new ReviewQueue(new Tasks(Task(1, 0.55, "G1", "G2"), Task(2, 0.94, "G3", "G4"), Task(3, 0.80, "G5", "G6")), linkThreshold: 0.95);
        Assert.That(queue.Read().Select(i => i.TaskId), Is.EqualTo(new long[] { 2, 3, 1 }));
    }

    [Test]
    public void DistanceIsInLogOddsSoTheSameProbabilityGapWeighsMoreNearCertainty()
    {
        // 0.99 and 0.91 are both 0.04 from 0.95, but 0.99 is further in log-odds (about 2.4 bits against 0.9).
        var queue = new ReviewQueue(new Tasks(Task(1, 0.99, "G1", "G2"), Task(2, 0.91, "G3", "G4")), linkThreshold: 0.95);
        var items = queue.Read();
        Assert.That(items.Select(i => i.TaskId), Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(items[0].DistanceBits, Is.EqualTo(Math.Log2(0.95 / 0.05) - Math.Log2(0.91 / 0.09)).Within(1e-9));
    }

    [Test]
    public void AValueLookupMovesAValuableCustomersTaskUp()
    {
        var store = new Tasks(Task(1, 0.94, "G1", "G2"), Task(2, 0.80, "G3", "G4"));
        Assert.That(new ReviewQueue(store, 0.95).Read()[0].TaskId, Is.EqualTo(1), "without values: uncertainty alone");

        IReadOnlyCollection<string>? asked = null;
        var valued = new ReviewQueue(store, 0.95, ids =>
        {
            asked = ids;
            return new Dictionary<string, long> { ["G4"] = 5_000_000 }; // ¥50,000 a year
        });
        var items = valued.Read();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.TaskId), Is.EqualTo(new long[] { 2, 1 }));
            Assert.That(items[0].ValueCents, Is.EqualTo(5_000_000), "the larger of the two customers' values");
            Assert.That(items[1].ValueCents, Is.Null, "no value known");
            Assert.That(asked, Is.EquivalentTo(new[] { "G1", "G2", "G3", "G4" }), "one lookup for every golden ID of the queue");
        });
    }

    [Test]
    public void StatusAndLimitPickTheTasks()
    {
        var store = new Tasks(Task(1, 0.94, "G1", "G2"), Task(2, 0.80, "G3", "G4"), Task(3, 0.90, "G5", "G6", status: "linked"));
        var queue = new ReviewQueue(store, 0.95);
        Assert.Multiple(() =>
        {
            Assert.That(queue.Read(limit: 1).Select(i => i.TaskId), Is.EqualTo(new long[] { 1 }));
            Assert.That(queue.Read("linked").Select(i => i.TaskId), Is.EqualTo(new long[] { 3 }));
            Assert.That(queue.Read("all"), Has.Count.EqualTo(3));
            Assert.That(() => queue.Read("closed"), Throws.ArgumentException);
        });
    }
}
