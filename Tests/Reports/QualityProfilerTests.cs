using Mdm.Engine.Reports;
using Mdm.Engine.Storage;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.Reports;

/// <summary>The profile of <see cref="CraftedQualityData"/>, every figure counted by hand from its files.</summary>
[TestFixture]
public sealed class QualityProfilerTests
{
    private string _dir = null!;
    private Dictionary<string, string> _xref = null!;
    private QualityProfile _profile = null!;

    [OneTimeSetUp]
    public void LoadAndProfile()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("quality");
        var (_, store) = CraftedQualityData.Create(_dir);
        _xref = EndToEnd.EndToEnd.CrossReference(store);
        using var s = SqliteMdmStore.Open(store);
        _profile = new QualityProfiler(s, examplesPerProblem: 5).Compute();
    }

    [OneTimeTearDown]
    public void Delete() => EndToEnd.EndToEnd.DeleteDirectory(_dir);

    private SystemQuality Shop => _profile.System("shop");
    private SystemQuality Crm => _profile.System("crm");

    [Test]
    public void The_resolution_grouped_the_records_as_the_data_says()
    {
        // The figures below rest on this grouping: S1, S2 and C1 one customer, everyone else alone.
        Assert.That(_xref["shop/S2"], Is.EqualTo(_xref["shop/S1"]));
        Assert.That(_xref["crm/C1"], Is.EqualTo(_xref["shop/S1"]));
        Assert.That(_xref.Values.Distinct().Count(), Is.EqualTo(6), string.Join(", ", _xref));
    }

    [Test]
    public void Counts_records_and_golden_customers_per_system()
    {
        Assert.That(_profile.Systems.Select(s => s.System), Is.EqualTo(new[] { "crm", "old", "shop" }));
        Assert.That((Shop.Records, Shop.GoldenCustomers, Crm.Records, Crm.GoldenCustomers), Is.EqualTo((5L, 4L, 3L, 3L)));
        Assert.That((_profile.Overall.Records, _profile.GoldenCustomers, _profile.MultiRecordGoldenCustomers), Is.EqualTo((8L, 6L, 1L)));
    }

    [Test]
    public void Duplicates_inside_a_system_are_the_records_sharing_a_golden_customer_with_one_of_their_own_system()
    {
        Assert.That((Shop.DuplicateRecords, Shop.GoldenCustomersWithDuplicates), Is.EqualTo((2L, 1L)));
        Assert.That(Shop.DuplicateExamples, Is.EqualTo(new[] { $"{_xref["shop/S1"]}: S1, S2" }));
        Assert.That(Shop.DuplicateRate, Is.EqualTo(0.4).Within(1e-9));
        // C1 shares its customer with shop records, not with another crm record: no duplicate in crm.
        Assert.That(Crm.DuplicateRecords, Is.Zero);
    }

    [Test]
    public void Overlap_counts_the_golden_customers_two_systems_share()
    {
        int crm = 0, old = 1, shop = 2;
        Assert.That(_profile.Overlap[shop, crm], Is.EqualTo(1));
        Assert.That(_profile.Overlap[crm, shop], Is.EqualTo(1));
        Assert.That(_profile.Overlap[shop, shop], Is.EqualTo(4));
        Assert.That(_profile.Overlap[old, shop], Is.Zero);
        Assert.That(_profile.OverlapShare(shop, crm), Is.EqualTo(0.25).Within(1e-9));
        Assert.That(_profile.OverlapShare(crm, shop), Is.EqualTo(1.0 / 3).Within(1e-9));
        Assert.That((Shop.SharedGoldenCustomers, Crm.SharedGoldenCustomers, _profile.CrossSystemGoldenCustomers), Is.EqualTo((1L, 1L, 1L)));
    }

    [Test]
    public void Invalid_values_come_from_the_findings_with_the_keys_to_fix()
    {
        Assert.That(Shop.Invalid("national_id", "invalid_checksum")?.Examples.Single(), Does.StartWith("S4: check character"));
        Assert.That(Shop.InvalidValues.Single(v => v.Field == "phone").Examples.Single(), Does.StartWith("S4: "));
        Assert.That(Shop.Invalid("address", "unresolved_division")?.Examples.Single(), Does.StartWith("S4: "));
        Assert.That(Shop.Invalid("address", FindingDescriptions.NoStreet)?.Examples.Single(), Does.StartWith("S5: "));
        Assert.That(Shop.RecordsWithInvalidValues, Is.EqualTo(2));
        Assert.That(Shop.InvalidRecords("address"), Is.EqualTo(2));
        Assert.That(Crm.Invalid("email", "invalid_syntax")?.Examples.Single(), Does.StartWith("C2: "));
        Assert.That(Crm.RecordsWithInvalidValues, Is.EqualTo(1));
        Assert.That(_profile.Overall.Invalid("email", "invalid_syntax")?.Examples.Single(), Does.StartWith("crm C2: "));
    }

    [TestCase("shop", "name", 5, 5, 5)]
    [TestCase("shop", "national_id", 5, 4, 3)]
    [TestCase("shop", "birth_date", 5, 0, 3)] // read from the three valid ID cards
    [TestCase("shop", "phone", 5, 5, 4)]
    [TestCase("shop", "email", 5, 0, 0)]
    [TestCase("shop", "address", 5, 5, 3)]
    [TestCase("shop", "county", 5, 5, 4)]
    [TestCase("crm", "email", 3, 2, 1)]
    [TestCase("crm", "national_id", 3, 2, 2)]
    [TestCase("crm", "credit_code", 0, 0, 0)] // persons only: does not apply
    public void Completeness_is_the_share_of_records_with_a_usable_value(string system, string field, long applicable, long present, long usable)
    {
        var c = _profile.System(system).Field(field);
        Assert.That((c.Applicable, c.Present, c.Usable), Is.EqualTo((applicable, present, usable)));
        Assert.That(c.Completeness, applicable == 0 ? Is.Null : Is.EqualTo((double)usable / applicable).Within(1e-9));
    }

    [Test]
    public void Rejects_are_grouped_by_reason_without_their_particulars()
    {
        Assert.That(Shop.RejectedRows, Is.EqualTo(2));
        Assert.That(Shop.Rejects.Select(r => r.Count), Is.EqualTo(new[] { 1L, 1L }));
        Assert.That(Shop.Rejects.Select(r => r.Code), Has.Some.Contains("duplicate key '…'"));
        Assert.That(Crm.RejectedRows, Is.Zero);
    }

    [Test]
    public void A_golden_customer_whose_records_disagree_is_a_conflict()
    {
        var address = _profile.Conflicts.Single(c => c.Field == "address");
        Assert.That(address.GoldenCustomers, Is.EqualTo(1));
        Assert.That(address.Examples.Single(), Does.StartWith(_xref["shop/S1"] + ": "));
        Assert.That(_profile.Conflicts.Where(c => c.Field != "address").Sum(c => c.GoldenCustomers), Is.Zero);
        Assert.That((Shop.ConflictingGoldenCustomers, Crm.ConflictingGoldenCustomers), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void Regions_count_records_golden_customers_and_their_transaction_value()
    {
        var guangdong = _profile.Provinces.Single(r => r.Code == "440000");
        Assert.That((guangdong.Name, guangdong.Records, guangdong.GoldenCustomers, guangdong.TransactionCents), Is.EqualTo(("广东省", 3L, 1L, 15050L)));
        var nanshan = _profile.Counties.Single(r => r.Code == "440305");
        Assert.That((nanshan.Name, nanshan.ParentName, nanshan.GoldenCustomers), Is.EqualTo(("南山区", "广东省 深圳市", 1L)));
        var hangzhou = _profile.Cities.Single(r => r.Code == "330100");
        Assert.That((hangzhou.Name, hangzhou.Records, hangzhou.TransactionCents), Is.EqualTo(("杭州市", 1L, 2000L)));
        // A municipality's placeholder city reads as the municipality.
        Assert.That(_profile.Cities.Single(r => r.Code == "110100").Name, Is.EqualTo("北京市"));
        var unknown = _profile.Provinces.Single(r => r.Code == "");
        Assert.That((unknown.Records, unknown.GoldenCustomers), Is.EqualTo((2L, 2L)));
        Assert.That(_profile.Provinces.Sum(r => r.GoldenCustomers), Is.EqualTo(_profile.GoldenCustomers));
        Assert.That(Shop.TransactionCents, Is.EqualTo(17050));
    }

    [Test]
    public void A_system_whose_records_are_all_retired_is_listed_with_nothing_to_divide()
    {
        var old = _profile.System("old");
        Assert.That((old.Records, old.GoldenCustomers, old.DuplicateRecords), Is.EqualTo((0L, 0L, 0L)));
        Assert.That(old.DuplicateRate, Is.Null);
        Assert.That(old.Completeness.Select(c => c.Completeness), Is.All.Null);
        Assert.That(_profile.OverlapShare(1, 1), Is.Null);
    }

    [Test]
    public void A_store_of_one_record_profiles_that_record()
    {
        var dir = EndToEnd.EndToEnd.NewTempDirectory("quality-one");
        try
        {
            File.WriteAllText(Path.Combine(dir, "one.csv"), "id,name,phone\nK1,张伟,13800138000\n", EndToEnd.EndToEnd.Utf8NoBom);
            File.WriteAllText(Path.Combine(dir, "sources.json"),
                """{ "sources": [ { "system": "s", "path": "one.csv", "key": "id", "fields": { "name": "name", "phone": "phone" } } ] }""");
            var store = Path.Combine(dir, "mdm.db");
            EndToEnd.EndToEnd.Load(Path.Combine(dir, "sources.json"), store);
            using var s = SqliteMdmStore.Open(store);
            var p = new QualityProfiler(s).Compute();
            var q = p.System("s");
            Assert.That((q.Records, q.GoldenCustomers, q.DuplicateRecords, q.SharedGoldenCustomers, p.Overlap[0, 0]), Is.EqualTo((1L, 1L, 0L, 0L, 1L)));
            Assert.That((q.Field("name").Completeness, q.Field("phone").Completeness, q.Field("email").Completeness), Is.EqualTo((1.0, 1.0, 0.0)));
            Assert.That(p.Conflicts.Sum(c => c.GoldenCustomers), Is.Zero);
            Assert.That(p.Provinces.Single().Code, Is.Empty);
        }
        finally
        {
            EndToEnd.EndToEnd.DeleteDirectory(dir);
        }
    }
}
