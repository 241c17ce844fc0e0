using Mdm.Engine.Resolution;

namespace Mdm.Tests.Resolution;

public class GoldenIdAssignerTests
{
    private static GoldenIdAssignment Assign(List<List<int>> clusters, Dictionary<int, string> previous, Dictionary<string, long> ages)
    {
        var next = ages.Count == 0 ? 1 : ages.Values.Max() + 1;
        return GoldenIdAssigner.Assign(clusters.Select(c => (IReadOnlyList<int>)c).ToList(), previous,
            g => ages.GetValueOrDefault(g, long.MaxValue), () => $"G{next++:D3}");
    }

    [Test]
    public void Same_clusters_keep_the_same_ids()
    {
        var previous = new Dictionary<int, string> { [1] = "G001", [2] = "G001", [3] = "G002" };
        var ages = new Dictionary<string, long> { ["G001"] = 1, ["G002"] = 2 };
        var result = Assign([[1, 2], [3]], previous, ages);
        Assert.That(result.Ids, Is.EqualTo(new[] { "G001", "G002" }));
        Assert.That(result.Changes, Is.Empty);
    }

    [Test]
    public void Merge_keeps_the_older_id_and_redirects_the_other()
    {
        var previous = new Dictionary<int, string> { [1] = "G002", [2] = "G002", [3] = "G001" };
        var ages = new Dictionary<string, long> { ["G001"] = 1, ["G002"] = 2 };
        var result = Assign([[1, 2, 3]], previous, ages);
        Assert.That(result.Ids, Is.EqualTo(new[] { "G001" }));
        Assert.That(result.Changes.Single(), Is.EqualTo(new GoldenIdChange(GoldenIdChangeKind.MergedInto, "G002", "G001", 2)));
    }

    [Test]
    public void Split_keeps_the_id_on_the_larger_part_and_mints_one_for_the_other()
    {
        var previous = new Dictionary<int, string> { [1] = "G001", [2] = "G001", [3] = "G001" };
        var ages = new Dictionary<string, long> { ["G001"] = 1 };
        var result = Assign([[1, 2], [3]], previous, ages);
        Assert.That(result.Ids[0], Is.EqualTo("G001"));
        Assert.That(result.Ids[1], Is.EqualTo("G002"));
        Assert.That(result.Changes.Single(), Is.EqualTo(new GoldenIdChange(GoldenIdChangeKind.SplitFrom, "G002", "G001", 1)));
    }

    [Test]
    public void New_records_get_new_ids_in_a_deterministic_order()
    {
        var result = Assign([[5], [2, 9]], new Dictionary<int, string>(), new Dictionary<string, long>());
        Assert.That(result.Ids, Is.EqualTo(new[] { "G002", "G001" }), "minted in order of each cluster's first record");
        Assert.That(result.Changes.Select(c => c.Kind), Is.All.EqualTo(GoldenIdChangeKind.Created));
    }
}
