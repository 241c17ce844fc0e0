using System.Collections.Concurrent;
using System.Text.Json;
using Mdm.Engine.Records;
using Mdm.Engine.Standardization.Identifiers;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// Records resolved one at a time as they arrive, through the same path a load takes: a known customer's record links
/// to that customer, a new person gets a new golden ID that the next record of the same person finds at once (the index
/// is updated before the call returns), and concurrent resolves never make two customers of one person.
/// </summary>
[TestFixture]
public sealed class RealtimeResolveTests
{
    private string _dir = null!;
    private string _store = null!;

    [SetUp]
    public void CopyLoadedDemo()
    {
        _dir = EndToEnd.NewTempDirectory("realtime");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    private static readonly string[] NewNames =
        ["上官婉清", "诸葛明远", "欧阳修文", "司马光远", "皇甫嵩林", "东方朔月", "慕容复兴", "令狐冲霄", "尉迟恭敬", "长孙无极", "公孙胜南", "独孤求真"];

    private static readonly string[] TraditionalNames =
        ["上官婉清", "諸葛明遠", "歐陽修文", "司馬光遠", "皇甫嵩林", "東方朔月", "慕容復興", "令狐沖霄", "尉遲恭敬", "長孫無極", "公孫勝南", "獨孤求真"];

    /// <summary>A valid 18-digit ID card for a Shenzhen Nanshan birth on the given day.</summary>
    private static string IdCard(int person)
    {
        var first17 = $"440305{new DateOnly(1970, 1, 1).AddDays(person * 397):yyyyMMdd}{person % 1000:D3}";
        return first17 + NationalId.ComputeCheckChar(first17);
    }

    /// <summary>One new person as three systems would send them: Simplified at the counter, Traditional at the HK desk, the CRM's own phone format.</summary>
    private static SourceRecord[] Variants(int person, string tag)
    {
        var name = NewNames[person];
        var phone = $"1391234{person:D4}";
        return
        [
            new SourceRecord("counter", $"RT-{tag}-{person}", PartyKind.Person, new Dictionary<string, string>
            {
                ["name"] = name, ["national_id"] = IdCard(person), ["phone"] = phone, ["address"] = $"广东省深圳市南山区科技园路{person + 1}号",
            }),
            new SourceRecord("hk_desk", $"HK-{tag}-{person}", PartyKind.Person, new Dictionary<string, string>
            {
                ["name"] = TraditionalNames[person], ["national_id"] = IdCard(person),
                ["phone"] = $"+86 139 1234 {person:D4}",
            }),
            new SourceRecord("crm", $"CRM-{tag}-{person}", PartyKind.Person, new Dictionary<string, string>
            {
                ["name"] = name, ["phone"] = $"86-139-1234-{person:D4}", ["address"] = $"深圳南山科技园路{person + 1}号",
            }),
        ];
    }

    [Test]
    public void AKnownCustomersRecordUnderANewKeyLinksToThatCustomerWithItsExplanation()
    {
        var (key, fieldsJson, golden) = EndToEnd.Query(_store, """
            SELECT s.source_key, s.fields, x.golden_id FROM source_records s JOIN cross_reference x ON x.record_id=s.record_id
            WHERE s.system='counter' AND s.kind=0 AND s.fields LIKE '%national_id%' ORDER BY s.record_id LIMIT 1
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2))).Single();
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(fieldsJson)!;
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var result = engine.ResolveRecord(new SourceRecord("counter", key + "-copy", PartyKind.Person, fields));
            Assert.Multiple(() =>
            {
                Assert.That(result.GoldenId, Is.EqualTo(golden), "the copy joins the customer of the original");
                Assert.That(result.Outcome, Is.EqualTo("linked"));
                Assert.That(result.Probability, Is.GreaterThanOrEqualTo(0.95));
                Assert.That(result.Explanation!.Comparisons.Any(c => c.Comparison == "national_id" && c.Level == "exact"), Is.True,
                    "the explanation shows the ID cards agree");
                Assert.That(store.LookupGoldenId("counter", key + "-copy"), Is.EqualTo(golden), "the cross-reference has the new key");
            });
            var again = engine.ResolveRecord(new SourceRecord("counter", key + "-copy", PartyKind.Person, fields));
            Assert.That(again.Outcome, Is.EqualTo("unchanged"), "the same record sent twice changes nothing");
            Assert.That(again.GoldenId, Is.EqualTo(golden));
        }
    }

    [Test]
    public void ANewPersonGetsANewIdThatTheirNextRecordFindsAtOnce()
    {
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var records = Variants(2, "a");
            var first = engine.ResolveRecord(records[0]);
            var second = engine.ResolveRecord(records[1]);
            var third = engine.ResolveRecord(records[2]);
            Assert.Multiple(() =>
            {
                Assert.That(first.Outcome, Is.EqualTo("created"));
                Assert.That(store.ResolveGoldenId(first.GoldenId), Is.EqualTo(first.GoldenId), "the new ID is active");
                Assert.That(second.Outcome, Is.EqualTo("linked"), "the Traditional-script record found the new customer in the index");
                Assert.That(second.GoldenId, Is.EqualTo(first.GoldenId));
                Assert.That(third.GoldenId, Is.EqualTo(first.GoldenId), "the CRM record (phone and address only) joins too");
                Assert.That(store.ReadHistory(first.GoldenId).Select(e => e.Kind), Does.Contain("created"));
            });

            // The counter record changes its address: same customer, golden record rebuilt.
            var moved = new SourceRecord("counter", records[0].Key, PartyKind.Person,
                new Dictionary<string, string>(records[0].Fields) { ["address"] = "北京市朝阳区建国路88号" });
            var update = engine.ResolveRecord(moved);
            Assert.That(update.Outcome, Is.EqualTo("updated"));
            Assert.That(update.GoldenId, Is.EqualTo(first.GoldenId));
        }
    }

    [Test]
    public void ARecordOfASystemTheStoreDoesNotKnowIsRefusedWithItsName()
    {
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            var ex = Assert.Throws<ArgumentException>(() => engine.ResolveRecord(new SourceRecord("billing", "B1", PartyKind.Person,
                new Dictionary<string, string> { ["name"] = "张伟" })));
            Assert.That(ex!.Message, Does.Contain("billing"));
        }
    }

    [Test]
    public void ConcurrentResolvesOfTheSamePeopleGiveOneGoldenIdPerPersonAsASerialRunDoes()
    {
        var persons = Enumerable.Range(0, NewNames.Length).ToList();
        var work = persons.SelectMany(p => Variants(p, "c").Select(r => (Person: p, Record: r))).ToList();
        // Records of one person arrive at the same moment on different threads.
        var shuffled = work.OrderBy(w => w.Record.Key.GetHashCode(StringComparison.Ordinal) ^ w.Person).ToList();
        var before = EndToEnd.Count(_store, "SELECT COUNT(*) FROM cross_reference");

        var serialStore = LiveStore.CopyOfLoadedDemo(Path.Combine(_dir, "serial"));
        var serial = new Dictionary<string, string>();
        var (s1, e1) = LiveStore.Open(serialStore);
        using (s1)
        using (e1)
            foreach (var w in work) serial[w.Record.Key] = e1.ResolveRecord(w.Record).GoldenId;

        var concurrent = new ConcurrentDictionary<string, string>();
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            Parallel.ForEach(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
                concurrent[w.Record.Key] = engine.ResolveRecord(w.Record).GoldenId);
        }
        var xref = EndToEnd.CrossReference(_store);
        Assert.Multiple(() =>
        {
            foreach (var p in persons)
            {
                var ids = work.Where(w => w.Person == p).Select(w => xref[w.Record.System + "/" + w.Record.Key]).Distinct().ToList();
                Assert.That(ids, Has.Count.EqualTo(1), $"{NewNames[p]}: one golden ID for all three records");
            }
            var perPerson = persons.Select(p => xref[$"counter/RT-c-{p}"]).ToList();
            Assert.That(perPerson.Distinct().Count(), Is.EqualTo(persons.Count), "different people, different golden IDs");
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM cross_reference"), Is.EqualTo(before + work.Count), "no resolve was lost");
            // Same partition as the serial run (the IDs themselves depend on arrival order).
            var serialGroups = work.GroupBy(w => serial[w.Record.Key]).Select(g => string.Join(",", g.Select(w => w.Record.Key).Order())).Order();
            var concurrentGroups = work.GroupBy(w => concurrent[w.Record.Key]).Select(g => string.Join(",", g.Select(w => w.Record.Key).Order())).Order();
            Assert.That(concurrentGroups, Is.EqualTo(serialGroups));
        });
    }

    [Test]
    public void TheResolveCommandPrintsTheGoldenIdAsJsonAndRejectsABadRecordWithItsReason()
    {
        var id = IdCard(7);
        var json = $$"""{"客户编号":"CLI-1","客户名称":"{{NewNames[7]}}","证件号码":"{{id}}","联系电话":"13912340007","地址":"深圳市南山区科技园路8号","客户类型":"个人"}""";
        var (exit, output, error) = EndToEnd.RunCliCapturingOutput("resolve", "--config", LiveStore.DemoSources, "--store", _store, "--system", "counter", "--json", json);
        Assert.That(exit, Is.Zero, error);
        using var doc = JsonDocument.Parse(output);
        var golden = doc.RootElement.GetProperty("goldenId").GetString();
        Assert.That(doc.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("created"));
        Assert.That(EndToEnd.CrossReference(_store)["counter/CLI-1"], Is.EqualTo(golden));

        var (badExit, _, badError) = EndToEnd.RunCliCapturingOutput("resolve", "--config", LiveStore.DemoSources, "--store", _store, "--system", "counter",
            "--json", """{"客户名称":"无编号"}""");
        Assert.That(badExit, Is.EqualTo(1));
        Assert.That(badError, Does.Contain("missing key"));
    }
}
