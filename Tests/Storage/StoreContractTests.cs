using Mdm.Engine.Quality;
using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;
using Mdm.Engine.Value;

namespace Mdm.Tests.Storage;

/// <summary>
/// The contract every store keeps, port by port, through the interfaces only (no SQL), run against every store of
/// <see cref="StoreFactory.All"/>.
/// </summary>
[TestFixtureSource(typeof(StoreFactory), nameof(StoreFactory.All))]
public sealed class StoreContractTests(StoreFactory factory)
{
    private string _place = null!;
    private IMdmStore _store = null!;

    [SetUp]
    public void OpenStore()
    {
        _place = EndToEnd.EndToEnd.NewTempDirectory("store-contract");
        _store = factory.Open(_place);
    }

    [TearDown]
    public void CloseStore()
    {
        _store?.Dispose();
        factory.Remove?.Invoke(_place);
        EndToEnd.EndToEnd.DeleteDirectory(_place);
    }

    private static SourceRecord Person(string system, string key, string name, string phone = "13800138000") =>
        new(system, key, PartyKind.Person, new Dictionary<string, string> { ["name"] = name, ["phone"] = phone });

    private int[] Upsert(long run, params (SourceRecord Record, int ExistingId)[] records) =>
        _store.UpsertSourceRecords(records.Select(r => (r.Record, 50, r.ExistingId)).ToList(), run);

    private static GoldenRecordRow Golden(string goldenId, string name, params (string System, string Key)[] members) =>
        GoldenRecordRow.From(new GoldenRecord
        {
            GoldenId = goldenId,
            Kind = PartyKind.Person,
            Fields = new(StringComparer.Ordinal) { ["name"] = name },
            Lineage = new(StringComparer.Ordinal) { ["name"] = new FieldLineage(members[0].System, members[0].Key, "trust 50") },
            MemberCount = members.Length,
            Systems = members.Select(m => m.System).Distinct().ToList(),
        });

    private static ResolutionWrite Resolution(IReadOnlyList<GoldenRecordRow> golden, IReadOnlyList<(int, string, string, string)> crossReference,
        IReadOnlyDictionary<string, long>? minted = null, ResolutionScope? scope = null, IReadOnlyList<ReviewTask>? reviews = null,
        IReadOnlyList<GoldenIdChange>? idChanges = null, IReadOnlyList<GoldenEvent>? events = null) => new()
    {
        GoldenRecords = golden,
        CrossReference = crossReference,
        Links = [],
        Reviews = reviews ?? [],
        IdChanges = idChanges ?? [],
        Events = events ?? [],
        Findings = [],
        MintedSequences = minted ?? new Dictionary<string, long>(),
        Scope = scope,
    };

    private static ReviewTask OpenTask(int a, int b, string goldenA, string goldenB) =>
        new(0, a, b, goldenA, goldenB, 0.7, "between thresholds", "{}", "open");

    [Test]
    public void Upserted_records_read_back_with_their_states()
    {
        ISourceRecordStore records = _store;
        var run = _store.BeginRun("load", null);
        var withFindings = new SourceRecord("crm", "2", PartyKind.Organization, new Dictionary<string, string> { ["name"] = "华为技术有限公司" })
        {
            Line = 7,
            UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ReadFindings = [new QualityFinding("phone", "unreadable", "not a phone number")],
        };
        var ids = Upsert(run, (Person("crm", "1", "张三"), -1), (withFindings, -1));

        Assert.That(ids.Distinct().Count(), Is.EqualTo(2));
        var states = records.LoadRecordStates("crm");
        Assert.That(states.Keys, Is.EquivalentTo(new[] { "1", "2" }));
        Assert.That(states["2"], Is.EqualTo(new RecordState(ids[1], withFindings.ContentHash, false)));
        Assert.That(records.LoadRecordState("crm", "1"), Is.EqualTo(new RecordState(ids[0], Person("crm", "1", "张三").ContentHash, false)));
        Assert.That(records.LoadRecordState("crm", "9"), Is.Null);
        Assert.That(records.LoadRecordStates("erp"), Is.Empty);

        var read = records.ReadRecords([ids[1]]).Single();
        Assert.That(read.RecordId, Is.EqualTo(ids[1]));
        Assert.That(read.Trust, Is.EqualTo(50));
        Assert.That(read.ContentHash, Is.EqualTo(withFindings.ContentHash));
        Assert.That(read.Record.Kind, Is.EqualTo(PartyKind.Organization));
        Assert.That(read.Record.Fields, Is.EqualTo(withFindings.Fields));
        Assert.That(read.Record.Line, Is.EqualTo(7));
        Assert.That(read.Record.UpdatedAt, Is.EqualTo(withFindings.UpdatedAt));
        Assert.That(read.Record.ReadFindings, Is.EqualTo(withFindings.ReadFindings));
        Assert.That(records.ReadActiveRecords().Select(r => r.RecordId), Is.EqualTo(ids.Order()));
        Assert.That(records.ReadActiveRecords(id => id == ids[0]).Single().Record.Key, Is.EqualTo("1"));
        Assert.That(records.CountActiveRecords(), Is.EqualTo(2));
        Assert.That(_store.ResolutionPending, Is.True, "changed records wait for a resolution");
    }

    [Test]
    public void An_update_keeps_the_id_and_a_retired_record_leaves_the_active_records_until_it_comes_back()
    {
        ISourceRecordStore records = _store;
        var first = _store.BeginRun("load", null);
        var ids = Upsert(first, (Person("crm", "1", "张三"), -1), (Person("crm", "2", "李四"), -1));
        var second = _store.BeginRun("load", null);
        var changed = Person("crm", "1", "张三丰");
        Assert.That(Upsert(second, (changed, ids[0])), Is.EqualTo(new[] { ids[0] }));
        records.RetireRecords([ids[1]], second);

        Assert.That(records.LoadRecordState("crm", "1"), Is.EqualTo(new RecordState(ids[0], changed.ContentHash, false)));
        Assert.That(records.LoadRecordState("crm", "2")!.Value.Retired, Is.True);
        Assert.That(records.ReadActiveRecords().Select(r => r.Record.Fields["name"]), Is.EqualTo(new[] { "张三丰" }));
        Assert.That(records.CountActiveRecords(), Is.EqualTo(1));
        Assert.That(records.ReadRecords(ids).Select(r => r.RecordId), Is.EqualTo(new[] { ids[0] }));
        Assert.That(records.ReadRecords(ids, includeRetired: true).Select(r => r.RecordId), Is.EqualTo(ids.Order()));
        Assert.That(records.ReadChangedSince(first), Is.EqualTo(new[] { (ids[0], false), (ids[1], true) }.OrderBy(c => c.Item1)));
        Assert.That(records.ReadChangedSince(second), Is.Empty);

        var third = _store.BeginRun("load", null);
        Upsert(third, (Person("crm", "2", "李四"), ids[1]));
        Assert.That(records.LoadRecordState("crm", "2")!.Value.Retired, Is.False, "a record the source sends again is active again");
        Assert.That(records.ReadChangedSince(second), Is.EqualTo(new[] { (ids[1], false) }));
    }

    [Test]
    public void A_profile_keeps_its_country_and_its_formats_across_a_reopen()
    {
        var run = _store.BeginRun("test", null, bulk: false);
        _store.SaveSystemProfile(new SystemProfile("us", 60, new Dictionary<string, string> { ["birth_date"] = "MM/dd/yyyy" }, true,
            KindDeclared: true, Country: "US"), run);
        _store.SaveSystemProfile(new SystemProfile("cn", 50, new Dictionary<string, string>(), false), run);
        _store.SaveSystemProfile(new SystemProfile("cn", 55, new Dictionary<string, string>(), true), run);
        _store.Dispose();
        _store = factory.Open(_place);

        var profiles = _store.LoadSystemProfiles();
        Assert.That(profiles["us"].Country, Is.EqualTo("US"));
        Assert.That(profiles["us"].KindDeclared, Is.True);
        Assert.That(profiles["us"].FieldFormats, Is.EqualTo(new Dictionary<string, string> { ["birth_date"] = "MM/dd/yyyy" }));
        Assert.That(profiles["cn"].Country, Is.EqualTo("CN"));
        Assert.That((profiles["cn"].Trust, profiles["cn"].FullExtract), Is.EqualTo((55, true)), "a profile saved again replaces the old one");
    }

    [Test]
    public void Rejects_are_read_back_by_the_last_load_run_and_system()
    {
        var old = _store.BeginRun("load", null);
        _store.AddRejects([new RejectedRow("crm", 3, "phone", "old", "x")], old);
        var load = _store.BeginRun("load", null);
        _store.AddRejects([new RejectedRow("erp", 2, null, "no key", "raw erp"), new RejectedRow("crm", 9, "name", "empty", null, "k9"),
            new RejectedRow("crm", 4, "phone", "bad phone", "raw crm")], load);
        _store.BeginRun("resolve", null);

        Assert.That(_store.LastLoadRun(), Is.EqualTo(load), "only loads have rejects worth showing");
        Assert.That(_store.ReadRejects(load, null, 10).Select(r => (r.System, r.Line)), Is.EqualTo(new[] { ("crm", (long?)4), ("crm", 9), ("erp", 2) }));
        Assert.That(_store.ReadRejects(load, "crm", 1).Single(), Is.EqualTo(new StoredReject(load, "crm", 4, "phone", "bad phone", "raw crm", null)));
        Assert.That(_store.ReadRejects(load, "crm", 10)[1].Key, Is.EqualTo("k9"));
    }

    [Test]
    public void A_transaction_extract_replaces_the_systems_transactions_and_no_others()
    {
        var run = _store.BeginRun("load", null);
        var ids = Upsert(run, (Person("crm", "1", "张三"), -1), (Person("erp", "1", "张三"), -1));
        _store.WriteResolution(Resolution([Golden("G1", "张三", ("crm", "1"), ("erp", "1"))], [(ids[0], "crm", "1", "G1"), (ids[1], "erp", "1", "G1")],
            new Dictionary<string, long> { ["G1"] = 1 }), run);
        _store.ReplaceTransactions("crm", [new SourceTransaction("crm", "1", 10.00m, new DateOnly(2026, 1, 1), 2)], run);
        _store.ReplaceTransactions("erp", [new SourceTransaction("erp", "1", 5.50m, new DateOnly(2026, 2, 1), 2)], run);
        _store.ReplaceTransactions("crm", [new SourceTransaction("crm", "1", 20.25m, new DateOnly(2026, 3, 1), 2),
            new SourceTransaction("crm", "1", 1.00m, null, 3)], run);

        Assert.That(_store.LoadRecentTransactions("G1", 10), Is.EqualTo(new[]
        {
            new CustomerTransaction("crm", "1", 2025, new DateOnly(2026, 3, 1)), new CustomerTransaction("erp", "1", 550, new DateOnly(2026, 2, 1)),
            new CustomerTransaction("crm", "1", 100, null),
        }), "newest first, undated last; the first crm extract is gone");
        Assert.That(_store.LatestTransactionDate(), Is.EqualTo(new DateOnly(2026, 3, 1)));
    }

    [Test]
    public void A_full_resolution_replaces_everything_and_a_scoped_one_only_its_scope()
    {
        IGoldenStore golden = _store;
        var first = _store.BeginRun("load", null);
        var ids = Upsert(first, (Person("crm", "1", "张三"), -1), (Person("erp", "1", "张三"), -1), (Person("crm", "2", "李四"), -1),
            (Person("crm", "3", "王五"), -1), (Person("crm", "4", "赵六"), -1), (Person("crm", "5", "赵六"), -1));
        golden.WriteResolution(Resolution(
            [Golden("G1", "张三", ("crm", "1"), ("erp", "1")), Golden("G2", "李四", ("crm", "2")), Golden("G3", "王五", ("crm", "3")),
                Golden("G4", "赵六", ("crm", "4"), ("crm", "5"))],
            [(ids[0], "crm", "1", "G1"), (ids[1], "erp", "1", "G1"), (ids[2], "crm", "2", "G2"), (ids[3], "crm", "3", "G3"), (ids[4], "crm", "4", "G4"), (ids[5], "crm", "5", "G4")],
            new Dictionary<string, long> { ["G1"] = 1, ["G2"] = 2, ["G3"] = 3, ["G4"] = 4 },
            reviews: [OpenTask(ids[0], ids[2], "G1", "G2"), OpenTask(ids[4], ids[5], "G4", "G4")]) with { IndexEpoch = "epoch-1" }, first);

        Assert.That(_store.ResolutionPending, Is.False);
        Assert.That(_store.ResolvedRun, Is.EqualTo(first));
        Assert.That(_store.IndexEpoch, Is.EqualTo("epoch-1"));
        Assert.That(golden.ReadCrossReference().Take(2), Is.EqualTo(new[] { new CrossReference("crm", "1", "G1"), new CrossReference("crm", "2", "G2") }),
            "by system and key");
        Assert.That(golden.LoadCrossReferenceByRecord(), Has.Count.EqualTo(6));
        Assert.That(golden.LookupGoldenId("erp", "1"), Is.EqualTo("G1"));
        Assert.That(golden.LookupGoldenId("erp", "9"), Is.Null);
        Assert.That(golden.LoadGoldenIdsOf([ids[1], ids[2]]), Is.EqualTo(new Dictionary<int, string> { [ids[1]] = "G1", [ids[2]] = "G2" }));
        Assert.That(golden.LoadMembers(["G1", "G9"]), Is.EqualTo(new Dictionary<string, List<int>> { ["G1"] = [ids[0], ids[1]] }));
        Assert.That(golden.LoadGoldenIdAges(), Is.EqualTo(new Dictionary<string, long> { ["G1"] = 1, ["G2"] = 2, ["G3"] = 3, ["G4"] = 4 }));
        Assert.That(golden.LoadGoldenIdAges(["G3"]), Is.EqualTo(new Dictionary<string, long> { ["G3"] = 3 }));
        Assert.That(golden.NextGoldenSequence(), Is.EqualTo(5));
        Assert.That(_store.ReadReviewTasks("open"), Has.Count.EqualTo(2));

        var before = new[] { "G1", "G4" }.ToDictionary(g => g, g => _store.ReadGoldenRecord(g)!);
        var crossReferenceBefore = golden.ReadCrossReference().ToList();
        // Record crm/3 moves into G2; the scope is the records of G1, G2 and G3, and G1 comes out as it was. G4 is outside.
        var second = _store.BeginRun("load", null);
        Upsert(second, (Person("crm", "3", "李四"), ids[3]));
        golden.WriteResolution(Resolution([Golden("G1", "张三", ("crm", "1"), ("erp", "1")), Golden("G2", "李四", ("crm", "2"), ("crm", "3"))],
            [(ids[0], "crm", "1", "G1"), (ids[1], "erp", "1", "G1"), (ids[2], "crm", "2", "G2"), (ids[3], "crm", "3", "G2")],
            scope: new ResolutionScope([ids[0], ids[1], ids[2], ids[3]], ["G1", "G2", "G3"]),
            idChanges: [new GoldenIdChange(GoldenIdChangeKind.MergedInto, "G3", "G2", 1)]), second);

        foreach (var (id, row) in before)
            Assert.That(_store.ReadGoldenRecord(id), Is.EqualTo(row).Using<GoldenRecordView>(SameRow), $"{id} did not change: its row stays as it was");
        Assert.That(_store.ReadGoldenRecord("G2")!.UpdatedRun, Is.EqualTo(second));
        Assert.That(_store.ReadGoldenRecord("G2")!.MemberCount, Is.EqualTo(2));
        Assert.That(_store.ReadGoldenRecord("G3"), Is.Null);
        Assert.That(golden.ReadCrossReference(), Is.EqualTo(crossReferenceBefore.Select(x => x.Key == "3" ? x with { GoldenId = "G2" } : x)));
        Assert.That(golden.LoadMembers(["G2"])["G2"], Is.EqualTo(new[] { ids[2], ids[3] }));
        Assert.That(_store.ReadReviewTasks("open").Select(t => (t.RecordA.RecordId, t.RecordB.RecordId)), Is.EqualTo(new[] { (ids[4], ids[5]) }),
            "open tasks of re-resolved records are replaced (here by none); G4's stays");
        Assert.That(_store.ResolvedRun, Is.EqualTo(second));
        Assert.That(_store.IndexEpoch, Is.EqualTo("epoch-1"), "a scoped write keeps the index's epoch");
    }

    private static bool SameRow(GoldenRecordView a, GoldenRecordView b) =>
        a.GoldenId == b.GoldenId && a.Kind == b.Kind && a.Fields.OrderBy(f => f.Key).SequenceEqual(b.Fields.OrderBy(f => f.Key)) && a.LineageJson == b.LineageJson
        && a.MemberCount == b.MemberCount && a.Systems.SequenceEqual(b.Systems) && a.UpdatedRun == b.UpdatedRun;

    [Test]
    public void A_merged_golden_ID_resolves_through_its_redirects_and_keeps_its_history()
    {
        var run = _store.BeginRun("load", null);
        var ids = Upsert(run, (Person("crm", "1", "张三"), -1), (Person("crm", "2", "张三"), -1), (Person("crm", "3", "张三"), -1));
        _store.WriteResolution(Resolution(
            [Golden("G1", "张三", ("crm", "1")), Golden("G2", "张三", ("crm", "2")), Golden("G3", "张三", ("crm", "3"))],
            [(ids[0], "crm", "1", "G1"), (ids[1], "crm", "2", "G2"), (ids[2], "crm", "3", "G3")],
            new Dictionary<string, long> { ["G1"] = 1, ["G2"] = 2, ["G3"] = 3 },
            events: [new GoldenEvent("G1", "created", "load", "1 record"), new GoldenEvent("G2", "created", "load", "1 record"), new GoldenEvent("G3", "created", "load", "1 record")]), run);
        var merge = _store.BeginRun("load", null);
        _store.WriteResolution(Resolution([Golden("G1", "张三", ("crm", "1")), Golden("G2", "张三", ("crm", "2"), ("crm", "3"))],
            [(ids[0], "crm", "1", "G1"), (ids[1], "crm", "2", "G2"), (ids[2], "crm", "3", "G2")],
            idChanges: [new GoldenIdChange(GoldenIdChangeKind.MergedInto, "G3", "G2", 1)],
            events: [new GoldenEvent("G3", "merged", "load", "into G2", 0.97, "{}")]), merge);
        var steward = _store.BeginRun("link", null);
        _store.WriteResolution(Resolution([Golden("G1", "张三", ("crm", "1"), ("crm", "2"), ("crm", "3"))],
            [(ids[0], "crm", "1", "G1"), (ids[1], "crm", "2", "G1"), (ids[2], "crm", "3", "G1")],
            idChanges: [new GoldenIdChange(GoldenIdChangeKind.MergedInto, "G2", "G1", 2)],
            events: [new GoldenEvent("G2", "merged", "steward:ann", "into G1"), new GoldenEvent("G1", "members changed", "steward:ann", "", Before: "{}", After: "{}")]), steward);

        Assert.That(_store.ResolveGoldenId("G3"), Is.EqualTo("G1"));
        Assert.That(_store.ResolveGoldenId("G1"), Is.EqualTo("G1"));
        Assert.That(_store.ResolveGoldenId("G9"), Is.Null);
        Assert.That(_store.ReadGoldenIdStatus("G3"), Is.EqualTo(("merged", (string?)"G2")));

        var history = _store.ReadHistory("G1");
        Assert.That(history.Select(e => (e.GoldenId, e.Kind)), Is.EqualTo(new[]
        {
            ("G1", "created"), ("G2", "created"), ("G3", "created"), ("G3", "merged"), ("G2", "merged"), ("G1", "members changed"),
        }), "the ID's own events and those of every ID merged into it, oldest first");
        Assert.That(history[3].RunId, Is.EqualTo(merge));
        Assert.That((history[3].Probability, history[3].Explanation), Is.EqualTo(((double?)0.97, (string?)"{}")));
        Assert.That(history[5].Cause, Is.EqualTo("steward:ann"));
        Assert.That(_store.ReadHistory("G3").Select(e => e.Kind), Is.EqualTo(new[] { "created", "merged" }));
    }

    [Test]
    public void A_steward_decision_is_kept_once_per_pair_and_found_by_either_record()
    {
        IDecisionStore decisions = _store;
        decisions.SaveStewardDecision(new StewardDecision(5, 3, true, "ann", "same person"));
        decisions.SaveStewardDecision(new StewardDecision(7, 8, true, "bob", null));
        decisions.SaveStewardDecision(new StewardDecision(3, 5, false, "carl", null));

        Assert.That(decisions.LoadStewardDecisions(), Is.EqualTo(new[] { new StewardDecision(3, 5, false, "carl", null), new StewardDecision(7, 8, true, "bob", null) }),
            "the later decision on a pair replaces the earlier, whichever order it names the records in");
        Assert.That(decisions.LoadStewardDecisions([5]), Is.EqualTo(new[] { new StewardDecision(3, 5, false, "carl", null) }));
        Assert.That(decisions.LoadStewardDecisions([3, 5, 8]), Has.Count.EqualTo(2));
        Assert.That(decisions.LoadStewardDecisions([9]), Is.Empty);
    }

    [Test]
    public void A_closed_review_task_keeps_its_decision_when_the_pair_is_resolved_again()
    {
        var run = _store.BeginRun("load", null);
        var ids = Upsert(run, (Person("crm", "1", "张三"), -1), (Person("erp", "1", "张三"), -1));
        var write = Resolution([Golden("G1", "张三", ("crm", "1")), Golden("G2", "张三", ("erp", "1"))], [(ids[0], "crm", "1", "G1"), (ids[1], "erp", "1", "G2")],
            new Dictionary<string, long> { ["G1"] = 1, ["G2"] = 2 }, reviews: [OpenTask(ids[0], ids[1], "G1", "G2")]);
        _store.WriteResolution(write, run);
        var taskId = _store.ReadReviewTasks("open").Single().TaskId;

        Assert.That(_store.LoadReviewTask(taskId), Is.EqualTo(OpenTask(ids[0], ids[1], "G1", "G2") with { TaskId = taskId }));
        Assert.That(_store.LoadReviewTask(taskId + 100), Is.Null);
        _store.CloseReviewTask(taskId, "separated", "ann");
        _store.WriteResolution(write with { MintedSequences = new Dictionary<string, long>() }, _store.BeginRun("load", null));

        Assert.That(_store.LoadReviewTask(taskId)!.Status, Is.EqualTo("separated"));
        Assert.That(_store.ReadReviewTasks("open"), Is.Empty);
        var closed = _store.ReadReviewTasks("separated").Single();
        Assert.That((closed.TaskId, closed.DecidedBy), Is.EqualTo((taskId, (string?)"ann")));
        Assert.That(closed.DecidedAt, Is.Not.Null);
    }

    [Test]
    public void Runs_model_blobs_and_the_pending_flag_survive_a_reopen()
    {
        IRunStore runs = _store;
        var load = runs.BeginRun("load", "sources.yaml");
        runs.FinishRun(load, "ok", "{}");
        var next = runs.BeginRun("resolve", null, bulk: false);
        Assert.That(next, Is.GreaterThan(load));
        runs.SaveModel("{\"m\":1}", load);
        runs.SaveModel("{\"m\":2}", next);
        runs.SaveBlob("watermark:erp", [1, 2, 3]);
        runs.SaveBlob("watermark:erp", [4]);
        runs.SaveBlob("empty", []);
        runs.ResolutionPending = true;
        _store.Dispose();
        _store = factory.Open(_place);
        runs = _store;

        Assert.That(runs.LoadModel(), Is.EqualTo("{\"m\":2}"));
        Assert.That(runs.LoadBlob("watermark:erp"), Is.EqualTo(new byte[] { 4 }));
        Assert.That(runs.LoadBlob("empty"), Is.Empty);
        Assert.That(runs.LoadBlob("missing"), Is.Null);
        Assert.That(runs.ResolutionPending, Is.True);
        Assert.That(runs.ResolvedRun, Is.Zero, "never resolved");
        Assert.That(runs.IndexEpoch, Is.Null);
        Assert.That(_store.LastLoadRun(), Is.EqualTo(load));
        runs.ResolutionPending = false;
        Assert.That(runs.ResolutionPending, Is.False);
    }

    [Test]
    public void A_unit_of_work_commits_all_its_writes_or_none()
    {
        var run = _store.BeginRun("realtime", null, bulk: false);
        using (_store.BeginUnitOfWork())
        {
            Upsert(run, (Person("crm", "1", "张三"), -1));
            _store.SaveBlob("k", [1]);
            Assert.That(_store.CountActiveRecords(), Is.EqualTo(1), "the unit reads its own writes");
        }
        Assert.That(_store.CountActiveRecords(), Is.Zero, "disposed without commit: rolled back");
        Assert.That(_store.LoadBlob("k"), Is.Null);

        using (var unit = _store.BeginUnitOfWork())
        {
            var ids = Upsert(run, (Person("crm", "1", "张三"), -1));
            _store.WriteResolution(Resolution([Golden("G1", "张三", ("crm", "1"))], [(ids[0], "crm", "1", "G1")], new Dictionary<string, long> { ["G1"] = 1 }), run);
            unit.Commit();
        }
        Assert.That(_store.LookupGoldenId("crm", "1"), Is.EqualTo("G1"));
        Assert.That(_store.ResolutionPending, Is.False);
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var outer = _store.BeginUnitOfWork();
            using var inner = _store.BeginUnitOfWork();
        }, "units of work do not nest");
    }
}
