using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mdm.Tests.EndToEnd;

namespace Mdm.Tests.Http;

/// <summary>
/// The HTTP API as its users meet it: a real <c>mdm serve</c> process on a loopback port over the loaded demo store.
/// Source systems look up and resolve; agents see customers with identifiers masked; stewards merge and split, and the
/// change feed shows it; every call is in the audit trail; no key is 401, the wrong role 403.
/// </summary>
[TestFixture]
public sealed class ApiTests
{
    private string _dir = null!;
    private string _store = null!;
    private string _sources = null!;
    private ServerProcess _server = null!;

    [OneTimeSetUp]
    public void LoadAndServe()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("api");
        _store = Path.Combine(_dir, "demo.db");
        _sources = Path.Combine(EndToEnd.EndToEnd.DemoDirectory, "sources.json");
        EndToEnd.EndToEnd.Load(_sources, _store);
        _server = ServerProcess.Start(_sources, _store, _dir);
    }

    [OneTimeTearDown]
    public void StopAndDelete()
    {
        _server?.Dispose();
        EndToEnd.EndToEnd.DeleteDirectory(_dir);
    }

    private HttpClient As(string? role) => _server.Client(role);

    private static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>(system, key, golden ID) rows of the store's cross-reference.</summary>
    private List<(string System, string Key, string GoldenId)> Xref(string where = "1=1") =>
        EndToEnd.EndToEnd.Query(_store, $"SELECT system, source_key, golden_id FROM cross_reference WHERE {where} ORDER BY system, source_key",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    [Test]
    public async Task A_source_system_gets_the_golden_id_and_record_of_its_key()
    {
        var (system, key, golden) = Xref().First(x => x.System == "counter");
        var answer = await Json(await As("system").GetAsync($"/api/xref/{system}/{Uri.EscapeDataString(key)}"));
        Assert.That((string?)answer["goldenId"], Is.EqualTo(golden));
        Assert.That((string?)answer["customer"]!["goldenId"], Is.EqualTo(golden));
        var keys = answer["customer"]!["records"]!.AsArray().Select(r => $"{r!["system"]}/{r["key"]}").ToList();
        Assert.That(keys, Does.Contain($"{system}/{key}"), "the golden record lists the key asked for among its records");

        var unknown = await As("system").GetAsync("/api/xref/counter/NO-SUCH-KEY");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_batch_of_1000_keys_answers_in_request_order_and_more_is_refused()
    {
        var known = Xref().Take(990).ToList();
        var keys = known.Select(k => new { system = k.System, key = k.Key }).ToList();
        keys.InsertRange(500, Enumerable.Range(0, 10).Select(i => new { system = "crm", key = $"UNKNOWN-{i}" }));
        Assert.That(keys, Has.Count.EqualTo(1000));
        var answer = await Json(await As("system").PostAsJsonAsync("/api/xref/batch", new { keys }));
        Assert.That((int)answer["found"]!, Is.EqualTo(990));
        Assert.That((int)answer["missing"]!, Is.EqualTo(10));
        var results = answer["results"]!.AsArray();
        Assert.That(results, Has.Count.EqualTo(1000));
        var expected = known.Take(500).Select(k => (string?)k.GoldenId).Concat(Enumerable.Repeat<string?>(null, 10)).Concat(known.Skip(500).Select(k => (string?)k.GoldenId));
        Assert.That(results.Select(r => (string?)r!["goldenId"]), Is.EqualTo(expected), "each answer stands at its key's place");

        var tooMany = Enumerable.Range(0, 1001).Select(i => new { system = "crm", key = $"K{i}" }).ToList();
        var refused = await As("system").PostAsJsonAsync("/api/xref/batch", new { keys = tooMany });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("at most 1000 keys"));
    }

    [Test]
    public async Task No_key_is_401_an_unknown_key_401_and_the_wrong_role_403()
    {
        var (system, key, golden) = Xref().First();
        Assert.That((await As(null).GetAsync($"/api/xref/{system}/{key}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _server.Client(null, "not-a-configured-key-at-all").GetAsync($"/api/xref/{system}/{key}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        // Each role only where its policy lets it in; admin everywhere.
        var cases = new (string Role, string Path, HttpStatusCode Expected)[]
        {
            ("agent", $"/api/xref/{system}/{key}", HttpStatusCode.Forbidden),
            ("steward", "/api/changes", HttpStatusCode.Forbidden),
            ("system", $"/api/customers/{golden}", HttpStatusCode.Forbidden),
            ("agent", $"/api/customers/{golden}/history", HttpStatusCode.Forbidden),
            ("agent", "/api/audit", HttpStatusCode.Forbidden),
            ("steward", "/api/audit", HttpStatusCode.Forbidden),
            ("admin", $"/api/xref/{system}/{key}", HttpStatusCode.OK),
            ("admin", $"/api/customers/{golden}", HttpStatusCode.OK),
            ("steward", $"/api/customers/{golden}/history", HttpStatusCode.OK),
            ("admin", "/api/audit", HttpStatusCode.OK),
        };
        foreach (var (role, path, expected) in cases)
            Assert.That((await As(role).GetAsync(path)).StatusCode, Is.EqualTo(expected), $"{role} GET {path}");
        var merge = await As("agent").PostAsJsonAsync("/api/steward/merge", new { goldenA = golden, goldenB = golden });
        Assert.That(merge.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an agent cannot merge");
        Assert.That((await As(null).GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the health check needs no key");
    }

    [Test]
    public async Task An_agent_sees_identifiers_and_phones_masked_a_steward_sees_them_whole()
    {
        var golden = EndToEnd.EndToEnd.Query(_store,
            "SELECT golden_id, fields FROM golden_records WHERE fields LIKE '%national_id%' AND fields LIKE '%phones%' LIMIT 1", r => (r.GetString(0), r.GetString(1))).Single();
        var stored = JsonNode.Parse(golden.Item2)!;
        var id = (string)stored["national_id"]!;
        var agent = await Json(await As("agent").GetAsync($"/api/customers/{golden.Item1}"));
        var steward = await Json(await As("steward").GetAsync($"/api/customers/{golden.Item1}"));
        var masked = (string)agent["fields"]!["national_id"]!;
        Assert.That(masked, Is.EqualTo(id[..4] + new string('*', id.Length - 8) + id[^4..]));
        Assert.That((string)steward["fields"]!["national_id"]!, Is.EqualTo(id));
        var phones = (string)agent["fields"]!["phones"]!;
        Assert.That(phones, Does.Contain("****"));
        Assert.That(phones, Is.Not.EqualTo((string)stored["phones"]!));
        var body = agent.ToJsonString();
        Assert.That(body, Does.Not.Contain(id), "the whole ID number appears nowhere in an agent's view, records included");
        foreach (var record in agent["records"]!.AsArray())
            if (record!["fields"]!["phone"] is { } p) Assert.That((string)p!, Does.Contain("*"), "source records' phones are masked too");
    }

    [Test]
    public async Task A_record_resolved_over_http_gets_the_same_answer_as_its_customer_and_is_looked_up_after()
    {
        // A new CRM record of a known person: same name, ID number and phone as a golden customer.
        var (goldenId, fields) = EndToEnd.EndToEnd.Query(_store,
            "SELECT golden_id, fields FROM golden_records WHERE kind = 0 AND fields LIKE '%national_id%' AND fields LIKE '%birth_date%' ORDER BY golden_id LIMIT 1 OFFSET 7",
            r => (r.GetString(0), JsonNode.Parse(r.GetString(1))!)).Single();
        var record = new Dictionary<string, string>
        {
            ["id"] = "HTTP-NEW-1", ["name"] = (string)fields["name"]!, ["id_no"] = (string)fields["national_id"]!,
            ["birth_date"] = (string)fields["birth_date"]!, ["phone"] = ((string)fields["phones"]!).Split(' ')[0],
        };
        var resolved = await Json(await As("system").PostAsJsonAsync("/api/records/crm", record));
        Assert.That((string?)resolved["goldenId"], Is.EqualTo(goldenId));
        Assert.That((string?)resolved["outcome"], Is.EqualTo("linked"));
        Assert.That(resolved["explanation"]!["comparisons"]!.AsArray(), Is.Not.Empty, "the answer explains the match");
        var lookedUp = await Json(await As("system").GetAsync("/api/xref/crm/HTTP-NEW-1"));
        Assert.That((string?)lookedUp["goldenId"], Is.EqualTo(goldenId), "committed before it answered");

        var rejected = await As("system").PostAsJsonAsync("/api/records/crm", new Dictionary<string, string> { ["name"] = "没有键" });
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await rejected.Content.ReadAsStringAsync(), Does.Contain("id"), "the reject names the missing key column");
        Assert.That((await As("system").PostAsJsonAsync("/api/records/nosuchsystem", record)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_steward_merge_shows_in_the_change_feed_a_split_undoes_it_and_undo_takes_back_the_split()
    {
        var singles = EndToEnd.EndToEnd.Query(_store,
            "SELECT golden_id FROM golden_records WHERE member_count = 1 AND kind = 0 ORDER BY golden_id DESC LIMIT 2", r => r.GetString(0));
        var (a, b) = (singles[1], singles[0]); // a is older
        var leaving = Xref($"golden_id = '{b}'").Single();
        var cursor = (long)(await Json(await As("system").GetAsync("/api/changes?after=0&limit=1")))["cursor"]!;
        // Read to the end of the feed first: the cursor a following system holds.
        while (true)
        {
            var page = await Json(await As("system").GetAsync($"/api/changes?after={cursor}&limit=100"));
            cursor = (long)page["cursor"]!;
            if (!(bool)page["more"]!) break;
        }

        var merged = await Json(await As("steward").PostAsJsonAsync("/api/steward/merge", new { goldenA = a, goldenB = b, note = "same person, checked by phone" }));
        Assert.That(merged["goldenIds"]!.AsArray().Select(x => (string?)x), Is.EqualTo(new[] { a }), "the older ID survives");
        var feed = await Json(await As("system").GetAsync($"/api/changes?after={cursor}"));
        var events = feed["events"]!.AsArray();
        Assert.That(events.Any(e => (string?)e!["goldenId"] == b && (string?)e["redirectTo"] == a), Is.True, $"the feed tells a follower {b} now redirects to {a}: {feed}");
        Assert.That(events.All(e => ((string)e!["cause"]!).StartsWith("steward:test-steward", StringComparison.Ordinal)), Is.True, "caused by the steward's key");
        Assert.That((string?)(await Json(await As("system").GetAsync($"/api/xref/{leaving.System}/{leaving.Key}")))["goldenId"], Is.EqualTo(a));
        var viaOld = await Json(await As("agent").GetAsync($"/api/customers/{b}"));
        Assert.That((string?)viaOld["goldenId"], Is.EqualTo(a));
        Assert.That((string?)viaOld["requestedId"], Is.EqualTo(b));
        cursor = (long)feed["cursor"]!;

        var split = await Json(await As("steward").PostAsJsonAsync("/api/steward/split",
            new { goldenId = a, records = new[] { new { system = leaving.System, key = leaving.Key } }, note = "undo: different people after all" }));
        var after = split["goldenIds"]!.AsArray().Select(x => (string)x!).ToList();
        Assert.That(after, Has.Count.EqualTo(2).And.Contains(a));
        var xrefNow = (string?)(await Json(await As("system").GetAsync($"/api/xref/{leaving.System}/{leaving.Key}")))["goldenId"];
        Assert.That(xrefNow, Is.Not.EqualTo(a), "the split record left the customer");
        var splitFeed = await Json(await As("system").GetAsync($"/api/changes?after={cursor}"));
        Assert.That(splitFeed["events"]!.AsArray().Select(e => (string?)e!["goldenId"]), Does.Contain(xrefNow), "the feed shows the split-off customer");

        // Undo takes back the last steward action (the split): the record is with a again; undo again redoes the split.
        var undone = await Json(await As("steward").PostAsJsonAsync("/api/steward/undo", new { goldenId = xrefNow, note = "split by mistake" }));
        Assert.That(undone["goldenIds"]!.AsArray().Select(x => (string?)x), Is.EqualTo(new[] { a }), $"{undone}");
        Assert.That((string?)(await Json(await As("system").GetAsync($"/api/xref/{leaving.System}/{leaving.Key}")))["goldenId"], Is.EqualTo(a));
        var redone = await Json(await As("steward").PostAsJsonAsync("/api/steward/undo", new { goldenId = a }));
        Assert.That((string?)(await Json(await As("system").GetAsync($"/api/xref/{leaving.System}/{leaving.Key}")))["goldenId"], Is.EqualTo(xrefNow),
            $"undoing the undo splits again, under the split-off ID: {redone}");
        Assert.That((await As("agent").PostAsJsonAsync("/api/steward/undo", new { goldenId = a })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var history = await Json(await As("steward").GetAsync($"/api/customers/{a}/history"));
        var kinds = history.AsArray().Select(e => (string?)e!["kind"]).ToList();
        Assert.That(kinds, Does.Contain("merged"));
        Assert.That(history.AsArray().Any(e => ((string?)e?["detail"] ?? "").Contains("different people after all")), Is.True, "the steward's note is in the history");

        // Steward actions answer only once audited.
        var audit = await Json(await As("admin").GetAsync("/api/audit?actor=test-steward&limit=100"));
        var actions = audit.AsArray().Select(r => (string?)r!["action"]).ToList();
        Assert.That(actions, Does.Contain("steward.merge").And.Contain("steward.split").And.Contain("steward.undo"));
        var mergeRow = audit.AsArray().First(r => (string?)r!["action"] == "steward.merge")!;
        Assert.That((string?)mergeRow["detail"], Does.Contain(a).And.Contain(b));
        Assert.That((long)mergeRow["status"]!, Is.EqualTo(200));
    }

    [Test]
    public async Task Every_lookup_and_every_refused_call_is_in_the_audit_trail_with_who_and_when()
    {
        var (system, key, golden) = Xref().Skip(3).First();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Json(await As("agent").GetAsync($"/api/customers/{golden}"));
        Assert.That((await As("agent").PostAsJsonAsync("/api/steward/merge", new { goldenA = golden, goldenB = golden })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await As(null).GetAsync($"/api/customers/{golden}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Json(await As("system").GetAsync($"/api/xref/{system}/{key}"));
        // Look-ups are written in the background within moments; a steward action flushes everything before it.
        JsonArray rows = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            rows = (await Json(await As("admin").GetAsync("/api/audit?limit=100&after=0"))).AsArray();
            var all = rows;
            var lastId = (long)all[^1]!["auditId"]!;
            while (all.Count == 100)
            {
                all = (await Json(await As("admin").GetAsync($"/api/audit?limit=100&after={lastId}"))).AsArray();
                foreach (var r in all) rows.Add(r!.DeepClone());
                if (all.Count > 0) lastId = (long)all[^1]!["auditId"]!;
            }
            if (rows.Any(r => (string?)r?["action"] == "xref.lookup" && ((string?)r?["target"] ?? "").Contains(key))) break;
            await Task.Delay(100);
        }
        var view = rows.Last(r => (string?)r?["action"] == "customer.view" && (string?)r?["target"] == $"goldenId={golden}")!;
        Assert.That((string?)view["actor"], Is.EqualTo("test-agent"));
        Assert.That((string?)view["role"], Is.EqualTo("agent"));
        Assert.That(DateTimeOffset.Parse((string)view["at"]!), Is.GreaterThanOrEqualTo(before));
        var lookup = rows.Last(r => (string?)r?["action"] == "xref.lookup" && ((string?)r?["target"] ?? "").Contains(key))!;
        Assert.That((string?)lookup["actor"], Is.EqualTo("test-system"));
        // Refused calls are in the trail as well: who tried what, and the answer.
        var denied = rows.Where(r => (string?)r?["action"] == "denied" && DateTimeOffset.Parse((string)r!["at"]!) >= before).ToList();
        Assert.That(denied.Any(r => (string?)r!["actor"] == "test-agent" && (string?)r["target"] == "/api/steward/merge" && (long)r["status"]! == 403), Is.True,
            $"the agent's refused merge: {string.Join("; ", denied)}");
        Assert.That(denied.Any(r => (string?)r!["actor"] == "anonymous" && (long)r["status"]! == 401), Is.True, "the call without a key");
    }

    [Test]
    public async Task The_api_describes_itself_and_reports_its_health()
    {
        var openapi = await Json(await As(null).GetAsync("/openapi/v1.json"));
        var paths = openapi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Does.Contain("/api/xref/{system}/{key}").And.Contain("/api/xref/batch").And.Contain("/api/records/{system}")
            .And.Contain("/api/changes").And.Contain("/api/customers/{goldenId}").And.Contain("/api/steward/merge").And.Contain("/api/audit"));
        var docs = await As(null).GetAsync("/api-docs");
        Assert.That(docs.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await docs.Content.ReadAsStringAsync(), Does.Contain("openapi").IgnoreCase, "the browsable API page loads the document");
        var health = await Json(await As(null).GetAsync("/health"));
        Assert.That((string?)health["status"], Is.EqualTo("ok"));
        Assert.That((int)health["activeRecords"]!, Is.EqualTo(EndToEnd.EndToEnd.Count(_store, "SELECT COUNT(*) FROM source_records WHERE retired_run IS NULL")));
    }

    [Test]
    public async Task Request_size_and_page_size_are_limited()
    {
        var huge = new string('x', 2_000_000);
        var tooBig = await As("system").PostAsync("/api/records/crm", new StringContent($"{{\"id\":\"X\",\"name\":\"{huge}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.That((int)tooBig.StatusCode, Is.EqualTo(413).Or.EqualTo(400), "a body over the 1 MiB limit is refused");
        var page = await As("system").GetAsync("/api/changes?limit=100000");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("at most"));
    }

    [Test]
    public void A_second_writer_waits_for_the_server_and_says_who_holds_the_store()
    {
        var (exit, _, error) = EndToEnd.EndToEnd.RunCliCapturingOutput("load", "--config", _sources, "--store", _store, "--wait", "0");
        Assert.That(exit, Is.EqualTo(75), error);
        Assert.That(error, Does.Contain("serve"), "the message names the server holding the store");
    }

    [Test]
    public async Task A_steward_reads_the_queue_by_priority_and_accepting_or_rejecting_a_task_takes_it_off()
    {
        var queue = await Json(await As("steward").GetAsync("/api/reviews?limit=100"));
        var tasks = queue["tasks"]!.AsArray();
        Assert.That(tasks, Has.Count.GreaterThanOrEqualTo(2), "the demo leaves uncertain matches for a steward");
        var priorities = tasks.Select(t => (double)t!["priority"]!).ToList();
        Assert.That(priorities, Is.Ordered.Descending);
        var first = tasks[0]!;
        Assert.That(first["explanation"]!["comparisons"]!.AsArray(), Is.Not.Empty);
        Assert.That((string?)first["recordA"]!["system"], Is.Not.Null);
        var one = await Json(await As("steward").GetAsync($"/api/reviews/{(long)first["taskId"]!}"));
        Assert.That((double)one["probability"]!, Is.EqualTo((double)first["probability"]!));

        var (accept, reject) = ((long)tasks[0]!["taskId"]!, (long)tasks[1]!["taskId"]!);
        var rejectA = (SystemKey: $"{tasks[1]!["recordA"]!["system"]}/{tasks[1]!["recordA"]!["key"]}", 0);
        var rejectB = $"{tasks[1]!["recordB"]!["system"]}/{tasks[1]!["recordB"]!["key"]}";
        var accepted = await Json(await As("steward").PostAsJsonAsync($"/api/reviews/{accept}/accept", new { note = "same customer" }));
        Assert.That(accepted["goldenIds"]!.AsArray(), Has.Count.EqualTo(1), "both records now have one golden ID");
        await Json(await As("steward").PostAsJsonAsync($"/api/reviews/{reject}/reject", new { note = "different customers" }));
        var open = (await Json(await As("steward").GetAsync("/api/reviews?limit=100")))["tasks"]!.AsArray().Select(t => (long)t!["taskId"]!).ToList();
        Assert.That(open, Does.Not.Contain(accept).And.Not.Contain(reject));
        var decided = await Json(await As("steward").GetAsync($"/api/reviews/{reject}"));
        Assert.That((string?)decided["status"], Is.EqualTo("separated"));
        Assert.That((string?)decided["decidedBy"], Is.EqualTo("test-steward"));
        string Golden(string systemKey) => EndToEnd.EndToEnd.Query(_store, "SELECT golden_id FROM cross_reference WHERE system || '/' || source_key = '" + systemKey.Replace("'", "''") + "'", r => r.GetString(0)).Single();
        Assert.That(Golden(rejectA.SystemKey), Is.Not.EqualTo(Golden(rejectB)), "a rejected pair is kept apart");
        var again = await As("steward").PostAsJsonAsync($"/api/reviews/{reject}/accept", new { note = "changed my mind" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a decided task cannot be decided again");
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already"));
    }

    [Test]
    public async Task An_agent_sees_a_customers_value_tier_and_last_transactions_across_systems()
    {
        var (golden, cents, count, tier) = EndToEnd.EndToEnd.Query(_store,
            "SELECT golden_id, lifetime_cents, transaction_count, tier FROM customer_values WHERE transaction_count >= 2 ORDER BY recent_cents DESC LIMIT 1",
            r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3))).Single();
        var expected = EndToEnd.EndToEnd.Count(_store,
            $"SELECT SUM(t.amount_cents) FROM transactions t JOIN cross_reference x ON x.system = t.system AND x.source_key = t.source_key WHERE x.golden_id = '{golden}'");
        Assert.That(cents, Is.EqualTo(expected), "the stored value is the sum of the customer's transactions in every system");
        var view = await Json(await As("agent").GetAsync($"/api/customers/{golden}"));
        Assert.That((decimal)view["value"]!["lifetime"]!, Is.EqualTo(expected / 100m));
        Assert.That((long)view["value"]!["transactionCount"]!, Is.EqualTo(count));
        Assert.That((string?)view["value"]!["tier"], Is.EqualTo(tier));
        Assert.That(tier, Is.EqualTo("super"), "the demo's most valuable customer is in the top tier");
        var transactions = view["transactions"]!.AsArray();
        Assert.That(transactions, Has.Count.EqualTo(Math.Min(count, 10)));
        Assert.That(transactions.Select(t => (string?)t!["date"]), Is.Ordered.Descending, "newest first");
        var prospect = EndToEnd.EndToEnd.Query(_store, "SELECT golden_id FROM customer_values WHERE tier = 'prospect' LIMIT 1", r => r.GetString(0)).Single();
        var none = await Json(await As("agent").GetAsync($"/api/customers/{prospect}"));
        Assert.That((string?)none["value"]!["tier"], Is.EqualTo("prospect"));
        Assert.That(none["transactions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task An_agent_finds_a_caller_by_phone_in_any_format_by_id_number_by_golden_id_and_by_name()
    {
        var (golden, fields) = EndToEnd.EndToEnd.Query(_store,
            "SELECT golden_id, fields FROM golden_records WHERE kind = 0 AND fields LIKE '%+861%' AND fields LIKE '%national_id%' ORDER BY golden_id LIMIT 1 OFFSET 11",
            r => (r.GetString(0), JsonNode.Parse(r.GetString(1))!)).Single();
        var e164 = ((string)fields["phones"]!).Split(' ')[0];
        var national = e164[3..];
        var typed = $"{national[..3]}-{national[3..7]} {national[7..]}";
        async Task<List<string?>> Find(string q, string? city = null) =>
            (await Json(await As("agent").GetAsync($"/api/customers/search?q={Uri.EscapeDataString(q)}" + (city is null ? "" : $"&city={Uri.EscapeDataString(city)}"))))
                ["hits"]!.AsArray().Select(h => (string?)h!["goldenId"]).ToList();
        Assert.That(await Find(typed), Does.Contain(golden), $"phone typed as {typed}");
        Assert.That(await Find("+86 " + national), Does.Contain(golden));
        Assert.That(await Find(((string)fields["national_id"]!).ToLowerInvariant()), Does.Contain(golden), "ID number, lower-case x");
        Assert.That(await Find(golden.ToLowerInvariant()), Is.EqualTo(new[] { golden }));
        var byName = await Find((string)fields["name"]!);
        Assert.That(byName, Does.Contain(golden), "the exact name finds the customer");
        var first = (await Json(await As("agent").GetAsync($"/api/customers/search?q={Uri.EscapeDataString((string)fields["name"]!)}")))["hits"]!.AsArray()[0]!;
        Assert.That((string?)first["name"], Is.EqualTo((string)fields["name"]!), "an exact name match ranks first");
        Assert.That(await Find("13"), Is.Empty.Or.Not.Contain(golden), "two digits are no phone number");
        Assert.That((await As("agent").GetAsync("/api/customers/search?q=")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await As("system").GetAsync("/api/customers/search?q=x")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
