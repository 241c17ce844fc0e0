using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mdm.Application;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Storage.Postgres;
using Mdm.Tests.Storage;

namespace Mdm.Tests.Http;

/// <summary>
/// <c>mdm serve</c> on a PostgreSQL store (the server .ci/run starts): look-ups, search, a steward merge in the change
/// feed, and the audit trail, all read and written on the server database.
/// </summary>
[TestFixture]
public sealed class PostgresApiTests
{
    private string _dir = null!;
    private string _sources = null!;
    private string _store = null!;
    private ServerProcess _server = null!;

    [OneTimeSetUp]
    public void LoadAndServe()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("api-postgres");
        _sources = Path.Combine(EndToEnd.EndToEnd.DemoDirectory, "sources.json");
        var connection = PostgresTestServer.StoreFor(_dir);
        PostgresMdmStore.Drop(connection);
        _store = StoreLocation.PostgresPrefix + connection;
        LoadJob.Run(SourcesFile.Load(_sources), new LoadOptions { StorePath = _store });
        _server = ServerProcess.Start(_sources, _store, _dir);
    }

    [OneTimeTearDown]
    public void StopAndDelete()
    {
        _server?.Dispose();
        if (_store is not null)
        {
            var target = StoreLocation.Of(SourcesFile.Load(_sources), _store);
            PostgresMdmStore.Drop(target.Connection);
            foreach (var suffix in new[] { ".index", ".search" })
                if (Directory.Exists(target.FilesPath + suffix)) Directory.Delete(target.FilesPath + suffix, recursive: true);
        }
        EndToEnd.EndToEnd.DeleteDirectory(_dir);
    }

    private async Task<JsonNode> Get(string role, string path)
    {
        var response = await _server.Client(role).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body}");
        return JsonNode.Parse(body)!;
    }

    [Test]
    public async Task Look_ups_search_a_merge_in_the_change_feed_and_the_audit_trail_work_on_PostgreSQL()
    {
        List<Mdm.Engine.Resolution.CrossReference> xref;
        using (var store = StoreLocation.Of(SourcesFile.Load(_sources), _store).OpenReader()) xref = store.ReadCrossReference().ToList();
        var known = xref.First(x => x.System == "counter");
        var answer = await Get("system", $"/api/xref/{known.System}/{Uri.EscapeDataString(known.Key)}");
        Assert.That((string?)answer["goldenId"], Is.EqualTo(known.GoldenId));

        var batch = await _server.Client("system").PostAsJsonAsync("/api/xref/batch", new { keys = xref.Take(300).Select(x => new { system = x.System, key = x.Key }) });
        var batchAnswer = JsonNode.Parse(await batch.Content.ReadAsStringAsync())!;
        Assert.That((int)batchAnswer["found"]!, Is.EqualTo(300));

        var view = await Get("agent", $"/api/customers/{known.GoldenId}");
        Assert.That(view["records"]!.AsArray().Select(r => (string?)r!["key"]), Does.Contain(known.Key), "the view lists the customer's records");
        Assert.That((string?)view["value"]?["tier"], Is.Not.Null, "value and tier are served with the customer");
        var phone = (string?)view["fields"]!["phones"];
        if (phone is not null)
            Assert.That(phone, Does.Contain("*"), "masked for agents");

        var steward = await Get("steward", $"/api/customers/{known.GoldenId}");
        if ((string?)steward["fields"]!["phones"] is { } whole)
        {
            var hits = await Get("agent", $"/api/customers/search?q={Uri.EscapeDataString(whole.Split(',')[0])}");
            Assert.That(hits["hits"]!.AsArray().Select(h => (string?)h!["goldenId"]), Does.Contain(known.GoldenId), "the phone finds the customer");
        }

        long cursor = 0;
        while (true)
        {
            var page = await Get("system", $"/api/changes?after={cursor}&limit=100");
            cursor = (long)page["cursor"]!;
            if (!(bool)page["more"]!) break;
        }
        var singles = xref.GroupBy(x => x.GoldenId).Where(g => g.Count() == 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var (a, b) = (singles[5], singles[^5]);
        var merged = await _server.Client("steward").PostAsJsonAsync("/api/steward/merge", new { goldenA = a, goldenB = b, note = "on PostgreSQL" });
        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await merged.Content.ReadAsStringAsync());
        var feed = await Get("system", $"/api/changes?after={cursor}");
        Assert.That(feed["events"]!.AsArray().Any(e => (string?)e!["goldenId"] == b && (string?)e["redirectTo"] == a), Is.True, $"the feed shows {b} → {a}: {feed}");

        var audit = await Get("admin", "/api/audit?actor=test-steward&limit=100");
        Assert.That(audit.AsArray().Select(r => (string?)r!["action"]), Does.Contain("steward.merge"), "the merge is in the audit trail on the server");
        var health = await Get("agent", "/health");
        Assert.That((string?)health["store"], Does.Contain("postgresql://"));
    }
}
