using System.Text.Json;
using Mdm.Benchmarks.Generator;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A source system's next full extract drops some customers and changes one customer's phone. Reloading must retire
/// exactly those records, update the changed one, and leave every other customer's golden ID alone.
/// </summary>
[TestFixture]
public sealed class IncrementalChangeTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = EndToEnd.NewTempDirectory("incremental");

    [TearDown]
    public void DeleteDirectory() => EndToEnd.DeleteDirectory(_dir);

    private sealed record ChangeRun(string Store, LoadSummary First, LoadSummary Second, Dictionary<string, string> Before,
        Dictionary<string, string> After, List<string> RemovedKeys, string ChangedKey, string NewPhone);

    /// <summary>Loads a generated dataset, rewrites crm.jsonl (five rows gone, one phone changed) and loads again.</summary>
    private ChangeRun LoadChangeAndReload()
    {
        var data = DatasetGenerator.Generate(Path.Combine(_dir, "data"), new GeneratorOptions(500, Seed: 11));
        var store = Path.Combine(_dir, "store", "mdm.db");
        var first = EndToEnd.Load(data.SourcesFile, store);
        var before = EndToEnd.CrossReference(store);

        // The CRM's next extract (UTF-8 JSON lines, one customer per line): five customers gone, one with a new phone.
        var crmPath = Path.Combine(data.Directory, "crm.jsonl");
        var lines = File.ReadAllText(crmPath, EndToEnd.Utf8NoBom).Split('\n');
        Assert.That(lines[^1], Is.Empty, "crm.jsonl ends with a line break");
        lines = lines[..^1];
        var removedLines = new[] { 10, 60, 110, 160, 210 };
        var removedKeys = removedLines.Select(i => KeyOf(lines[i])).ToList();
        // A phone written as plain digits, spaces, + and -, so the JSON text holds it verbatim.
        var changedIndex = Enumerable.Range(250, lines.Length - 250)
            .First(i => PhoneOf(lines[i]) is { Length: > 0 } p && p.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-'));
        var changedKey = KeyOf(lines[changedIndex]);
        const string newPhone = "13900001234";
        var oldPhone = PhoneOf(lines[changedIndex])!;
        lines[changedIndex] = lines[changedIndex].Replace($"\"phone\":\"{oldPhone}\"", $"\"phone\":\"{newPhone}\"", StringComparison.Ordinal);
        Assert.That(PhoneOf(lines[changedIndex]), Is.EqualTo(newPhone), "the test rewrote the phone");
        var kept = lines.Where((_, i) => !removedLines.Contains(i)).ToList();
        File.WriteAllText(crmPath, string.Concat(kept.Select(l => l + "\n")), EndToEnd.Utf8NoBom);

        var second = EndToEnd.Load(data.SourcesFile, store);
        return new ChangeRun(store, first, second, before, EndToEnd.CrossReference(store), removedKeys, changedKey, newPhone);
    }

    [Test]
    public void RemovedRowsAreRetiredAndTheChangedRowIsChanged()
    {
        var (store, first, second, before, after, removedKeys, changedKey, newPhone) = LoadChangeAndReload();
        const int removed = 5;
        var crm = second.Of("crm");
        Assert.Multiple(() =>
        {
            Assert.That(crm.Read, Is.EqualTo(first.Of("crm").Read - removed), "crm rows read");
            Assert.That(crm.Retired, Is.EqualTo(removed), "crm retired");
            Assert.That(crm.Changed, Is.EqualTo(1), "crm changed");
            Assert.That(crm.New, Is.Zero, "crm new");
            Assert.That(crm.Unchanged, Is.EqualTo(crm.Accepted - 1), "crm unchanged");
            foreach (var other in second.Systems.Where(s => s.System != "crm"))
                Assert.That((other.Unchanged, other.New, other.Changed, other.Retired), Is.EqualTo((other.Accepted, 0L, 0L, 0L)),
                    $"{other.System}: untouched system (unchanged, new, changed, retired)");
            Assert.That(second.Resolution.Ran, Is.True, "a change is resolved");
        });

        Assert.Multiple(() =>
        {
            foreach (var key in removedKeys)
                Assert.That(after.ContainsKey("crm/" + key), Is.False, $"retired crm/{key} left the cross-reference");
            Assert.That(after.ContainsKey("crm/" + changedKey), Is.True, $"changed crm/{changedKey} is still cross-referenced");
            Assert.That(after, Has.Count.EqualTo(before.Count - removed), "cross-reference rows");
            var storedFields = EndToEnd.Query(store, $"SELECT fields FROM source_records WHERE system='crm' AND source_key='{changedKey}'", r => r.GetString(0)).Single();
            Assert.That(storedFields, Does.Contain(newPhone), "the store holds the changed record's new phone");
            var retiredInStore = EndToEnd.Query(store, "SELECT source_key FROM source_records WHERE system='crm' AND retired_run IS NOT NULL", r => r.GetString(0));
            Assert.That(retiredInStore, Is.EquivalentTo(removedKeys), "retired records are kept in the store, marked retired");
        });
    }

    [Test]
    public void CustomersWhoseRecordsWereUntouchedKeepTheirGoldenIds()
    {
        var (_, _, _, before, after, removedKeys, changedKey, _) = LoadChangeAndReload();

        // Customers that held a removed or changed record may be re-formed; every other customer keeps its golden ID.
        var touchedGolden = removedKeys.Append(changedKey).Select(k => before["crm/" + k]).ToHashSet();
        var moved = before
            .Where(x => !touchedGolden.Contains(x.Value) && after.TryGetValue(x.Key, out var now) && now != x.Value)
            .Select(x => $"{x.Key}: {x.Value} → {after[x.Key]}")
            .ToList();
        Assert.That(before.Count(x => !touchedGolden.Contains(x.Value)), Is.GreaterThan(before.Count - 20), "most records are untouched");
        Assert.That(moved, Is.Empty, "untouched records whose golden ID changed");
    }

    private static string KeyOf(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static string? PhoneOf(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        return doc.RootElement.TryGetProperty("phone", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
    }
}
