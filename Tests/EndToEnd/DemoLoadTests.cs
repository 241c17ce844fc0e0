using System.Text.Json;
using Mdm.Api.Cli;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// The bundled demo (four legacy systems, 3,281 records of 1,500 real customers) loaded once into a fresh store;
/// every test reads that store: accuracy, completeness, the load summary, and what stewards and auditors read
/// (review explanations, link probabilities, golden records and their lineage).
/// </summary>
[TestFixture]
public sealed class DemoLoadTests
{
    private static readonly string[] DemoSystems = ["counter", "hk_desk", "crm", "A"];

    private string _dir = null!;
    private string _store = null!;
    private LoadSummary _summary = null!;

    [OneTimeSetUp]
    public void LoadDemo()
    {
        _dir = EndToEnd.NewTempDirectory("demo");
        _store = Path.Combine(_dir, "demo.db");
        _summary = EndToEnd.Load(Path.Combine(EndToEnd.DemoDirectory, "sources.json"), _store);
    }

    [OneTimeTearDown]
    public void DeleteStore() => EndToEnd.DeleteDirectory(_dir);

    private string TruthPath => Path.Combine(EndToEnd.DemoDirectory, "truth.csv");

    // ---- accuracy and completeness -----------------------------------------------------------------------------

    [Test]
    public void GoldenCustomersMatchTheTruthWithHighPrecisionAndF1()
    {
        var evaluation = MdmCommandLine.EvaluateStore(_store, TruthPath);
        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Records, Is.EqualTo(3281), "records evaluated");
            Assert.That(evaluation.Precision, Is.GreaterThanOrEqualTo(0.97), "pairwise precision");
            Assert.That(evaluation.F1, Is.GreaterThanOrEqualTo(0.95), "pairwise F1");
        });
    }

    [Test]
    public void EveryTruthRecordIsInTheCrossReferenceAndNothingElse()
    {
        var truth = EndToEnd.Truth(TruthPath);
        var xref = EndToEnd.CrossReference(_store);
        Assert.Multiple(() =>
        {
            Assert.That(truth.Keys.Where(k => !xref.ContainsKey(k)).ToList(), Is.Empty, "truth records missing from the cross-reference");
            Assert.That(xref.Keys.Where(k => !truth.ContainsKey(k)).ToList(), Is.Empty, "cross-reference rows that are not demo records");
        });
    }

    [Test]
    public void LoadSummaryAccountsForEveryRowOfEverySystem()
    {
        var truthPerSystem = EndToEnd.Truth(TruthPath).Keys.GroupBy(k => k[..k.IndexOf('/')]).ToDictionary(g => g.Key, g => (long)g.Count());
        var storedPerSystem = EndToEnd.Query(_store, "SELECT system, COUNT(*) FROM source_records WHERE retired_run IS NULL GROUP BY system",
            r => (r.GetString(0), r.GetInt64(1))).ToDictionary(x => x.Item1, x => x.Item2);
        var rejectsPerSystem = EndToEnd.Query(_store, "SELECT system, COUNT(*) FROM rejects GROUP BY system",
            r => (r.GetString(0), r.GetInt64(1))).ToDictionary(x => x.Item1, x => x.Item2);

        Assert.That(_summary.Systems.Select(s => s.System), Is.EquivalentTo(DemoSystems));
        Assert.Multiple(() =>
        {
            foreach (var s in _summary.Systems)
            {
                Assert.That(s.Read, Is.EqualTo(s.Accepted + s.Rejected), $"{s.System}: read = accepted + rejected");
                Assert.That(s.Accepted, Is.EqualTo(truthPerSystem[s.System]), $"{s.System}: every demo row accepted");
                Assert.That(s.New, Is.EqualTo(s.Accepted), $"{s.System}: a fresh store has only new records");
                Assert.That(storedPerSystem.GetValueOrDefault(s.System), Is.EqualTo(s.Accepted), $"{s.System}: stored records");
                Assert.That(rejectsPerSystem.GetValueOrDefault(s.System), Is.EqualTo(s.Rejected + s.TransactionsRejected), $"{s.System}: stored rejects");
            }
            Assert.That(_summary.Of("counter").Transactions, Is.EqualTo(4226), "counter transactions");
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM transactions"), Is.EqualTo(4226), "stored transactions");
            Assert.That(_summary.Resolution.Ran, Is.True, "a fresh load resolves");
            Assert.That(_summary.Resolution.Records, Is.EqualTo(3281), "records resolved");
        });
    }

    [Test]
    public void GoldenCustomerCountIsCloseToTheNumberOfRealCustomers()
    {
        var golden = EndToEnd.Count(_store, "SELECT COUNT(*) FROM golden_records");
        var distinctInXref = EndToEnd.Count(_store, "SELECT COUNT(DISTINCT golden_id) FROM cross_reference");
        Assert.Multiple(() =>
        {
            Assert.That(golden, Is.InRange(1400, 1800), "the truth has 1,500 customers");
            Assert.That(distinctInXref, Is.EqualTo(golden), "every golden record has cross-reference rows and vice versa");
            Assert.That(_summary.Resolution.GoldenRecords, Is.EqualTo(golden), "summary agrees with the store");
        });
    }

    // ---- explanations and links ---------------------------------------------------------------------------------

    [Test]
    public void ReviewTaskExplanationsAddUpToTheirMatchWeight()
    {
        var tasks = EndToEnd.Query(_store, "SELECT task_id, probability, explanation FROM review_tasks",
            r => (Id: r.GetInt64(0), Probability: r.GetDouble(1), Json: r.GetString(2)));
        Assert.That(tasks, Is.Not.Empty, "the demo has pairs for stewards to review");
        Assert.Multiple(() =>
        {
            foreach (var (id, probability, json) in tasks)
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                var prior = root.GetProperty("priorWeight").GetDouble();
                var matchWeight = root.GetProperty("matchWeight").GetDouble();
                var comparisons = root.GetProperty("comparisons");
                Assert.That(comparisons.GetArrayLength(), Is.GreaterThan(0), $"task {id}: comparisons listed");
                var sum = prior + comparisons.EnumerateArray().Sum(c => c.GetProperty("weight").GetDouble());
                var capped = root.TryGetProperty("cappedBy", out var cap) && cap.ValueKind == JsonValueKind.String;
                if (capped)
                    Assert.That(matchWeight, Is.LessThanOrEqualTo(sum + 0.01), $"task {id}: a cap only lowers the weight");
                else
                    Assert.That(matchWeight, Is.EqualTo(sum).Within(0.01), $"task {id}: prior + comparison weights = match weight");
                Assert.That(probability, Is.InRange(0.0, 1.0), $"task {id}: probability");
            }
        });
    }

    [Test]
    public void LinkedPairsHaveAtLeastTheLinkProbability()
    {
        var links = EndToEnd.Query(_store, "SELECT record_a, record_b, probability FROM match_links WHERE decision='link'",
            r => (A: r.GetInt64(0), B: r.GetInt64(1), P: r.GetDouble(2)));
        Assert.That(links, Is.Not.Empty);
        Assert.That(links.Where(l => l.P < 0.95).ToList(), Is.Empty, "'link' pairs below probability 0.95");

        // A 'link' joins two records of one golden customer.
        var apart = EndToEnd.Count(_store, """
            SELECT COUNT(*) FROM match_links l
            JOIN cross_reference a ON a.record_id = l.record_a
            JOIN cross_reference b ON b.record_id = l.record_b
            WHERE l.decision = 'link' AND a.golden_id <> b.golden_id
            """);
        Assert.That(apart, Is.Zero, "'link' pairs whose records ended up in different golden customers");
    }

    // ---- golden records -----------------------------------------------------------------------------------------

    [Test]
    public void GoldenRecordsCountTheirMembersAndNameTheirSources()
    {
        var members = EndToEnd.Query(_store, "SELECT golden_id, system, source_key FROM cross_reference",
                r => (Golden: r.GetString(0), System: r.GetString(1), Key: r.GetString(2)))
            .GroupBy(x => x.Golden)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.System, x.Key)).ToHashSet());
        var golden = EndToEnd.Query(_store, "SELECT golden_id, member_count, systems, lineage, fields FROM golden_records",
            r => (Id: r.GetString(0), MemberCount: r.GetInt64(1), Systems: r.GetString(2), Lineage: r.GetString(3), Fields: r.GetString(4)));
        Assert.That(golden, Has.Count.EqualTo(members.Count));

        var problems = new List<string>();
        foreach (var g in golden)
        {
            if (!members.TryGetValue(g.Id, out var own))
            {
                problems.Add($"{g.Id}: no cross-reference rows");
                continue;
            }
            if (g.MemberCount != own.Count) problems.Add($"{g.Id}: member_count {g.MemberCount}, cross-reference rows {own.Count}");
            var systems = g.Systems.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            if (!systems.SetEquals(own.Select(m => m.System))) problems.Add($"{g.Id}: systems '{g.Systems}' but members from {string.Join(",", own.Select(m => m.System).Distinct())}");

            using var fields = JsonDocument.Parse(g.Fields);
            var lineage = Mdm.Engine.Resolution.GoldenLineage.Parse(g.Lineage);
            foreach (var field in fields.RootElement.EnumerateObject())
            {
                if (!lineage.TryGetValue(field.Name, out var source))
                {
                    problems.Add($"{g.Id}: field '{field.Name}' has no lineage");
                    continue;
                }
                if (!own.Contains((source.System, source.Key))) problems.Add($"{g.Id}: lineage of '{field.Name}' names {source.System}/{source.Key}, not a member");
                if (string.IsNullOrEmpty(source.Rule)) problems.Add($"{g.Id}: lineage of '{field.Name}' gives no rule");
            }
            if (lineage.Count != fields.RootElement.EnumerateObject().Count()) problems.Add($"{g.Id}: lineage names fields the record does not have");
        }
        Assert.That(problems, Is.Empty);
        Assert.That(golden.Count(g => g.Fields.Contains("\"name\"", StringComparison.Ordinal)), Is.GreaterThan(golden.Count * 9 / 10),
            "nearly every golden customer has a surviving name");
    }
}
