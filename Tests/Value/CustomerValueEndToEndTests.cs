using Mdm.Application;
using System.Globalization;
using System.Text.Json.Nodes;
using Mdm.Api.Cli;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;
using Mdm.Engine.Storage;
using Mdm.Engine.Value;
using Mdm.Tests.EndToEnd;

namespace Mdm.Tests.Value;

/// <summary>
/// Customer value on a real store (the loaded demo): summed over every system's transactions of a customer's records, and
/// kept current when a steward merges or splits customers and when a record resolves in real time. Expected figures are
/// summed here from the transactions of the source keys, not through the store's join.
/// </summary>
[TestFixture]
public sealed class CustomerValueEndToEndTests
{
    private string _dir = null!;
    private string _store = null!;

    [SetUp]
    public void CopyLoadedDemo()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("value");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void DeleteFiles() => EndToEnd.EndToEnd.DeleteDirectory(_dir);

    private static TierPolicy DemoPolicy => SourcesFile.Load(LiveStore.DemoSources).Value;

    /// <summary>Transactions of "system/key" members: (cents, date).</summary>
    private List<(long Cents, DateOnly? Date)> TransactionsOf(IEnumerable<string> members)
    {
        var result = new List<(long, DateOnly?)>();
        foreach (var m in members)
        {
            var (system, key) = (m[..m.IndexOf('/')], m[(m.IndexOf('/') + 1)..]);
            result.AddRange(EndToEnd.EndToEnd.Query(_store,
                $"SELECT amount_cents, txn_date FROM transactions WHERE system='{system}' AND source_key='{key.Replace("'", "''")}'",
                r => (r.GetInt64(0), r.IsDBNull(1) ? (DateOnly?)null : DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture))));
        }
        return result;
    }

    private CustomerValue? ValueOf(string goldenId)
    {
        using var store = SqliteMdmStore.Open(_store);
        return store.LoadCustomerValue(goldenId);
    }

    private static (string System, string Key) Split(string member) => (member[..member.IndexOf('/')], member[(member.IndexOf('/') + 1)..]);

    /// <summary>Customers whose members all have transactions of their own, with <paramref name="members"/> members.</summary>
    private List<(string GoldenId, SortedSet<string> Members)> WithTransactions(int members) =>
        LiveStore.Customers(_store).Where(c => c.Value.Count == members && c.Value.All(m => TransactionsOf([m]).Count > 0))
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList();

    [Test]
    public void The_demo_load_values_and_ranks_every_golden_customer()
    {
        var goldens = EndToEnd.EndToEnd.Count(_store, "SELECT COUNT(*) FROM golden_records");
        using var store = SqliteMdmStore.Open(_store);
        var tiers = store.CountTiers();
        var t = store.LoadTierThresholds()!;
        Assert.Multiple(() =>
        {
            Assert.That(tiers.Values.Sum(), Is.EqualTo(goldens), "one value row per golden customer");
            Assert.That(t.AsOf, Is.EqualTo(store.LatestTransactionDate()), "the demo ranks as of its latest transaction");
            Assert.That(tiers[CustomerTier.Super], Is.EqualTo(t.RankedCustomers / 100).Within(2), "about 1 % of the ranked customers");
            Assert.That(tiers[CustomerTier.Prospect], Is.GreaterThan(0), "customers without a transaction (the other systems have none)");
        });
    }

    [Test]
    public void A_load_sums_the_transactions_of_two_systems_for_one_customer()
    {
        var customers = LiveStore.Customers(_store);
        var (golden, members) = customers.Where(c => c.Value.Any(m => m.StartsWith("counter/", StringComparison.Ordinal) && TransactionsOf([m]).Count > 0)
                && c.Value.Any(m => m.StartsWith("crm/", StringComparison.Ordinal)))
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).First();
        var crmKey = members.First(m => m.StartsWith("crm/", StringComparison.Ordinal))[4..];
        var counter = TransactionsOf(members.Where(m => m.StartsWith("counter/", StringComparison.Ordinal)));

        // The demo again, plus a transaction file for crm: two purchases of this customer, one long before any other.
        var source = Path.Combine(_dir, "src");
        Directory.CreateDirectory(source);
        foreach (var f in Directory.GetFiles(EndToEnd.EndToEnd.DemoDirectory)) File.Copy(f, Path.Combine(source, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(source, "crm_txn.csv"), $"id,amount,date\n{crmKey},12.34,2025-12-01\n{crmKey},100.00,2001-05-05\n", EndToEnd.EndToEnd.Utf8NoBom);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "sources.json")))!;
        json["transactions"]!.AsArray().Add(JsonNode.Parse("""{ "system": "crm", "path": "crm_txn.csv", "key": "id", "amount": "amount", "date": "date" }"""));
        File.WriteAllText(Path.Combine(source, "sources.json"), json.ToJsonString());
        var summary = LoadJob.Run(SourcesFile.Load(Path.Combine(source, "sources.json")), new LoadOptions { StorePath = _store });

        var value = ValueOf(golden)!;
        using var store = SqliteMdmStore.Open(_store);
        var t = store.LoadTierThresholds()!;
        bool Recent(DateOnly? d) => d > t.WindowStart && d <= t.AsOf;
        Assert.Multiple(() =>
        {
            Assert.That(summary.Resolution.Ran, Is.False, "only transactions changed");
            Assert.That(value.LifetimeCents, Is.EqualTo(counter.Sum(x => x.Cents) + 1234 + 10000));
            Assert.That(value.RecentCents, Is.EqualTo(counter.Where(x => Recent(x.Date)).Sum(x => x.Cents) + 1234));
            Assert.That(value.TransactionCount, Is.EqualTo(counter.Count + 2));
            Assert.That(value.FirstTransaction, Is.EqualTo(new DateOnly(2001, 5, 5)));
            Assert.That(value.LastTransaction, Is.EqualTo(counter.Max(x => x.Date)!.Value > new DateOnly(2025, 12, 1) ? counter.Max(x => x.Date) : new DateOnly(2025, 12, 1)));
            Assert.That(summary.Tiers.Values.Sum(), Is.EqualTo(EndToEnd.EndToEnd.Count(_store, "SELECT COUNT(*) FROM golden_records")), "the summary counts every customer once");
        });
        var recent = store.LoadRecentTransactions(golden, 2);
        Assert.That(recent.Select(r => r.Date), Is.Ordered.Descending, "newest first");
        Assert.That(store.LoadRecentTransactions(golden, 100), Has.Count.EqualTo(counter.Count + 2), "across both systems");
    }

    [Test]
    public void A_steward_merge_moves_the_value_to_the_surviving_id()
    {
        var singles = WithTransactions(1);
        var (older, olderMembers) = singles[0];
        var (younger, youngerMembers) = singles[^1];
        var expected = TransactionsOf(olderMembers.Concat(youngerMembers)).Sum(x => x.Cents);
        Assert.That(ValueOf(younger)!.LifetimeCents, Is.GreaterThan(0));

        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            engine.Subscribers.Add(new CustomerValuation(DemoPolicy));
            Assert.That(engine.Merge(younger, older, "alice").GoldenIds, Is.EqualTo(new[] { older }));
        }
        Assert.Multiple(() =>
        {
            Assert.That(ValueOf(older)!.LifetimeCents, Is.EqualTo(expected));
            Assert.That(ValueOf(older)!.TransactionCount, Is.EqualTo(TransactionsOf(olderMembers.Concat(youngerMembers)).Count));
            Assert.That(ValueOf(younger), Is.Null, "the merged ID has no value row");
        });
    }

    [Test]
    public void A_steward_split_divides_the_value()
    {
        var (golden, members) = WithTransactions(2).First();
        var leaving = members.Last();
        var before = ValueOf(golden)!.LifetimeCents;
        var (store, engine) = LiveStore.Open(_store);
        string minted;
        using (store)
        using (engine)
        {
            engine.Subscribers.Add(new CustomerValuation(DemoPolicy));
            minted = engine.Split(golden, [Split(leaving)], "bob").GoldenIds.Single(g => g != golden);
        }
        var stays = ValueOf(golden)!;
        var leaves = ValueOf(minted)!;
        Assert.Multiple(() =>
        {
            Assert.That(leaves.LifetimeCents, Is.EqualTo(TransactionsOf([leaving]).Sum(x => x.Cents)));
            Assert.That(stays.LifetimeCents, Is.EqualTo(TransactionsOf([members.First()]).Sum(x => x.Cents)));
            Assert.That(stays.LifetimeCents + leaves.LifetimeCents, Is.EqualTo(before));
        });
    }

    [Test]
    public void A_real_time_record_of_a_known_customer_adds_its_transactions()
    {
        var (golden, members) = WithTransactions(1).First(c => c.Members.Single().StartsWith("counter/", StringComparison.Ordinal));
        var (system, key) = Split(members.Single());
        var before = ValueOf(golden)!;
        var (store, engine) = LiveStore.Open(_store);
        using (store)
        using (engine)
        {
            engine.Subscribers.Add(new CustomerValuation(DemoPolicy));
            // The counter's transaction file already holds a purchase on a card the store has no record of yet.
            var txns = EndToEnd.EndToEnd.Query(_store, "SELECT source_key, amount_cents, txn_date, line FROM transactions WHERE system='counter'",
                r => new SourceTransaction("counter", r.GetString(0), r.GetInt64(1) / 100m, r.IsDBNull(2) ? null : DateOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetInt64(3)));
            var asOf = store.LoadTierThresholds()!.AsOf;
            txns.Add(new SourceTransaction("counter", key + "-2", 777.77m, asOf, 0));
            store.ReplaceTransactions("counter", txns, store.BeginRun("test", null, bulk: false));
            var stored = store.ReadRecords([store.LoadRecordState(system, key)!.Value.RecordId]).Single().Record;
            var result = engine.ResolveRecord(new SourceRecord(system, key + "-2", stored.Kind, stored.Fields));
            Assert.That((result.Outcome, result.GoldenId), Is.EqualTo(("linked", golden)));
        }
        var after = ValueOf(golden)!;
        Assert.Multiple(() =>
        {
            Assert.That(after.LifetimeCents, Is.EqualTo(before.LifetimeCents + 77777));
            Assert.That(after.RecentCents, Is.EqualTo(before.RecentCents + 77777));
            Assert.That(after.TransactionCount, Is.EqualTo(before.TransactionCount + 1));
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public void As_of_sets_the_window()
    {
        var (golden, members) = WithTransactions(1).First();
        var txns = TransactionsOf(members);
        using var store = SqliteMdmStore.Open(_store);
        var run = store.BeginRun("test", null, bulk: false);

        var fixedDay = new DateOnly(2023, 6, 30);
        new CustomerValuation(DemoPolicy with { AsOf = ValueAsOf.On(fixedDay), Months = 6 }).RankAll(store, run);
        Assert.That(store.LoadCustomerValue(golden)!.RecentCents,
            Is.EqualTo(txns.Where(x => x.Date > new DateOnly(2022, 12, 30) && x.Date <= fixedDay).Sum(x => x.Cents)));

        // "today" long after the last transaction: everyone with history is inactive, nobody is ranked.
        new CustomerValuation(DemoPolicy with { AsOf = ValueAsOf.Today }, new FixedClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero))).RankAll(store, run);
        var tiers = store.CountTiers();
        Assert.Multiple(() =>
        {
            Assert.That(store.LoadTierThresholds()!.AsOf, Is.EqualTo(new DateOnly(2040, 1, 1)));
            Assert.That(tiers[CustomerTier.Super] + tiers[CustomerTier.Large] + tiers[CustomerTier.Medium] + tiers[CustomerTier.Small], Is.Zero);
            Assert.That(store.LoadCustomerValue(golden)!.Tier, Is.EqualTo(CustomerTier.Inactive));
            Assert.That(store.LoadCustomerValue(golden)!.LifetimeCents, Is.EqualTo(txns.Sum(x => x.Cents)), "lifetime does not depend on the window");
        });
    }
}
