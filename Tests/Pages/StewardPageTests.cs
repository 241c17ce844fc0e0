using System.Net.Http.Json;
using System.Text.Json;
using Mdm.Tests.Http;
using Microsoft.Playwright;

namespace Mdm.Tests.Pages;

/// <summary>The steward page in a real browser with a steward's key: the review queue, the evidence, and the decisions.</summary>
[TestFixture]
[NonParallelizable]
public sealed class StewardPageTests : PageFixture
{
    private ILocator Status => Page.Locator("#message [role=status]");

    private string GoldenIdOf(string system, string key) =>
        Query($"SELECT golden_id FROM cross_reference WHERE system = '{system}' AND source_key = '{key}'").Single()[0];

    [Test]
    public async Task TheQueueShowsBothRecordsAndTheWaterfallAndAcceptRemovesTheTask()
    {
        using var steward = Server.Client("steward");
        var tasks = (await steward.GetFromJsonAsync<JsonElement>("/api/reviews?limit=50")).GetProperty("tasks").EnumerateArray().ToList();
        Assert.That(tasks, Is.Not.Empty, "the demo leaves uncertain matches to review");
        var task = tasks[0];
        var taskId = task.GetProperty("taskId").GetInt64();
        var (a, b) = (task.GetProperty("recordA"), task.GetProperty("recordB"));
        var weighing = task.GetProperty("explanation").GetProperty("comparisons").EnumerateArray().Count(c => c.GetProperty("weight").GetDouble() != 0);

        await Open("steward.html", ServerProcess.Keys["steward"]);
        await Expect(Page.Locator("#queue button")).ToHaveCountAsync(tasks.Count);
        await Expect(Page.Locator("#queue button").First).ToHaveAttributeAsync("data-task-id", taskId.ToString()); // the API's order
        await Page.Locator($"#queue button[data-task-id='{taskId}']").ClickAsync();

        var compare = Page.GetByTestId("compare");
        foreach (var r in (JsonElement[])[a, b])
        {
            await Expect(compare.Locator("thead")).ToContainTextAsync($"{r.GetProperty("system").GetString()} / {r.GetProperty("key").GetString()}");
            await Expect(compare).ToContainTextAsync(r.GetProperty("fields").GetProperty("name").GetString()!);
        }
        // The prior's bar, then one per comparison that weighed anything.
        await Expect(Page.GetByTestId("waterfall").Locator(".bar")).ToHaveCountAsync(weighing + 1);
        await Expect(Page.GetByTestId("final-probability")).ToHaveTextAsync($"{task.GetProperty("probability").GetDouble() * 100:0.0} %");

        await Page.GetByLabel("Decision note").FillAsync("same person: checked with the branch");
        await Page.Locator("button[data-action=accept]").ClickAsync();

        await Expect(Status).ToContainTextAsync($"Accepted task #{taskId}");
        await Expect(Page.Locator($"#queue button[data-task-id='{taskId}']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#queue button")).ToHaveCountAsync(tasks.Count - 1);
        var now = GoldenIdOf(a.GetProperty("system").GetString()!, a.GetProperty("key").GetString()!);
        Assert.That(GoldenIdOf(b.GetProperty("system").GetString()!, b.GetProperty("key").GetString()!), Is.EqualTo(now), "accepted: one customer");
        await Expect(Status).ToContainTextAsync($"golden ID {now}");
    }

    [Test]
    public async Task SplitThenMergeShowTheGoldenIdsTheHistoryShowsTheSplitAndUndoTakesBackTheMerge()
    {
        var goldenId = Query("SELECT golden_id FROM golden_records WHERE kind = 0 AND systems LIKE '%,%,%' ORDER BY golden_id LIMIT 1").Single()[0];
        var leaving = Query($"SELECT system, source_key FROM cross_reference WHERE golden_id = '{goldenId}' ORDER BY system, source_key").First();

        await Open("steward.html", ServerProcess.Keys["steward"]);
        await Page.GetByLabel("Golden ID to split").FillAsync(goldenId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show records" }).ClickAsync();
        await Page.GetByLabel($"{leaving[0]}/{leaving[1]}").CheckAsync();
        await Page.GetByLabel("Split note").FillAsync("two people sharing a phone");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Split ticked records off" }).ClickAsync();

        await Expect(Status).ToContainTextAsync($"Split {leaving[0]}/{leaving[1]} off {goldenId}");
        var minted = GoldenIdOf(leaving[0], leaving[1]);
        Assert.That(minted, Is.Not.EqualTo(goldenId));
        await Expect(Status).ToContainTextAsync(minted);

        await Page.GetByLabel("First golden ID").FillAsync(goldenId);
        await Page.GetByLabel("Second golden ID").FillAsync(minted);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();
        await Expect(Status).ToContainTextAsync($"Merged {goldenId} and {minted}: golden ID now {goldenId}"); // the older ID survives

        await Page.GetByLabel("Golden ID for history").FillAsync(goldenId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show history" }).ClickAsync();
        var history = Page.GetByTestId("history");
        await Expect(history).ToContainTextAsync("split");
        await Expect(history).ToContainTextAsync("two people sharing a phone"); // the steward's note is kept with the event

        // Undo takes back the last action, the merge: the split-off record has its own customer again.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo the last steward action" }).ClickAsync();
        await Expect(Status).ToContainTextAsync($"Undid the last steward action on {goldenId}");
        await Expect(Status).ToContainTextAsync(minted);
        Assert.That(GoldenIdOf(leaving[0], leaving[1]), Is.EqualTo(minted), "the record is back under the split-off ID");
    }

    [Test]
    public async Task AnAgentKeyShowsTheForbiddenMessage()
    {
        var goldenId = Query("SELECT golden_id FROM golden_records ORDER BY golden_id LIMIT 1").Single()[0];

        await Open("steward.html", ServerProcess.Keys["agent"]);
        await Page.GetByLabel("Golden ID for history").FillAsync(goldenId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show history" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("role may not do this (403");
        await Expect(Page.GetByTestId("history")).ToHaveCountAsync(0);
    }
}
