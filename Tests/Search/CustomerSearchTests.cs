using Mdm.Engine.Pipeline;
using Mdm.Engine.Records;
using Mdm.Engine.Search;
using Mdm.Engine.Standardization.Identifiers;
using Mdm.Engine.Storage;
using Mdm.Tests.EndToEnd;

namespace Mdm.Tests.Search;

/// <summary>
/// The call-center search on a real store: the demo loaded through the engine, then callers resolved in real time with
/// the search index subscribed, searched the ways an agent would.
/// </summary>
[TestFixture]
public sealed class CustomerSearchTests
{
    private string _dir = null!;
    private SqliteMdmStore _store = null!;
    private MdmEngine _engine = null!;
    private CustomerSearchIndex _search = null!;
    private readonly Dictionary<string, string> _golden = new(StringComparer.Ordinal);

    /// <summary>A valid ID card with birth year <paramref name="year"/> whose check character is X (so lower-case x can be typed).</summary>
    private static string IdCardEndingInX(string region, int year)
    {
        for (var n = 0; n < 1000; n++)
        {
            var first17 = $"{region}{year}0101{n:D3}";
            if (NationalId.ComputeCheckChar(first17) == 'X') return first17 + "X";
        }
        throw new InvalidOperationException("no X check character");
    }

    private static string IdCard(string region, int year, int n)
    {
        var first17 = $"{region}{year}0505{n:D3}";
        return first17 + NationalId.ComputeCheckChar(first17);
    }

    private static readonly string ZhangId = IdCardEndingInX("440305", 1980);

    private static SourceRecord Person(string system, string key, Dictionary<string, string> fields) => new(system, key, PartyKind.Person, fields);

    [OneTimeSetUp]
    public void LoadAndResolveCallers()
    {
        _dir = EndToEnd.EndToEnd.NewTempDirectory("search");
        var path = LiveStore.CopyOfLoadedDemo(_dir);
        (_store, _engine) = LiveStore.Open(path);
        // Opened after the load: the index is missing, so it is rebuilt from the store.
        _search = CustomerSearchIndex.Open(CustomerSearchIndex.PathOf(path), _store);
        _engine.Subscribers.Add(_search);
        Resolve("zhang_sz", Person("counter", "SRCH-1", new() { ["name"] = "张伟", ["national_id"] = ZhangId, ["phone"] = "13800138000", ["address"] = "广东省深圳市南山区粤海街道科技园路12号" }));
        Resolve("zhang_sz_hk", Person("hk_desk", "SRCH-2", new() { ["name"] = "張偉", ["national_id"] = ZhangId, ["phone"] = "+86 138 0013 8000", ["address"] = "深圳南山科技园路１２号" }));
        Resolve("wei_zhang", Person("crm", "SRCH-3", new() { ["name"] = "Wei Zhang", ["phone"] = "13912345678", ["address"] = "上海市浦东新区世纪大道100号" }));
        Resolve("zhang_bj", Person("counter", "SRCH-4", new() { ["name"] = "张伟", ["national_id"] = IdCard("110105", 1975, 7), ["phone"] = "13700137001", ["address"] = "北京市朝阳区建国路88号" }));
        Resolve("li_futian", Person("counter", "SRCH-5", new() { ["name"] = "李娜", ["national_id"] = IdCard("440304", 1990, 3), ["phone"] = "13600136001", ["address"] = "广东省深圳市福田区福华路1号" }));
        Resolve("zhangweiming", Person("counter", "SRCH-6", new() { ["name"] = "张伟明", ["national_id"] = IdCard("440305", 1985, 9), ["phone"] = "13500135001", ["address"] = "深圳市南山区南海大道3号" }));
    }

    private void Resolve(string label, SourceRecord record) => _golden[label] = _engine.ResolveRecord(record).GoldenId;

    [OneTimeTearDown]
    public void Close()
    {
        _search?.Dispose();
        _engine?.Dispose();
        _store?.Dispose();
        EndToEnd.EndToEnd.DeleteDirectory(_dir);
    }

    private List<string> Ids(CustomerQuery q) => _search.Search(q).Select(h => h.GoldenId).ToList();

    [Test]
    public void TheTraditionalRecordOfTheSamePersonJoinedTheSimplifiedOne() =>
        Assert.That(_golden["zhang_sz_hk"], Is.EqualTo(_golden["zhang_sz"]), "same ID card and phone: one customer");

    [Test]
    public void SimplifiedNameFindsTraditionalAndRomanizedSpellings()
    {
        var ids = Ids(new CustomerQuery { Name = "张伟", PageSize = 50 });
        Assert.That(ids, Does.Contain(_golden["zhang_sz"]));
        Assert.That(ids, Does.Contain(_golden["wei_zhang"]), "Wei Zhang shares the pinyin");
        var traditional = _search.Search(new CustomerQuery { Name = "張偉", PageSize = 50 }).Select(h => h.GoldenId);
        Assert.That(traditional, Does.Contain(_golden["zhang_sz"]));
        foreach (var romanized in new[] { "Wei Zhang", "ZHANG WEI", "zhangwei" })
            Assert.That(Ids(new CustomerQuery { Name = romanized, PageSize = 50 }), Does.Contain(_golden["zhang_sz"]).And.Contain(_golden["wei_zhang"]), romanized);
    }

    [Test]
    public void ExactFullNameRanksAbovePartialMatches()
    {
        var hits = _search.Search(new CustomerQuery { Name = "张伟", PageSize = 50 });
        Assert.That(hits[0].Names, Does.Contain("张伟"), "the first hit is named exactly 张伟");
        var ids = hits.Select(h => h.GoldenId).ToList();
        Assert.That(ids.IndexOf(_golden["zhang_sz"]), Is.LessThan(ids.IndexOf(_golden["zhangweiming"])), "张伟 above 张伟明");
        Assert.That(ids.IndexOf(_golden["zhang_sz"]), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void AddressWordsFindNanshanAddressesAndNotFutian()
    {
        var ids = Ids(new CustomerQuery { Address = "深圳科技园", PageSize = 50 });
        Assert.That(ids, Does.Contain(_golden["zhang_sz"]));
        Assert.That(ids, Does.Not.Contain(_golden["li_futian"]), "a Futian address without 科技园");
        Assert.That(ids, Does.Not.Contain(_golden["zhangweiming"]), "Nanshan, but no 科技园");
        // The Traditional record alone (深圳南山科技园路１２号, no 市 or 区) is found too: name + address only it spells so.
        Assert.That(Ids(new CustomerQuery { Address = "南山科技園路12號", PageSize = 50 }), Does.Contain(_golden["zhang_sz"]));
    }

    [TestCase("+86 138 0013 8000")]
    [TestCase("13800138000")]
    [TestCase("0086-138-0013-8000")]
    public void PhoneInAnyFormatFindsTheCustomer(string phone)
    {
        var hits = _search.Search(new CustomerQuery { Phone = phone });
        Assert.That(hits.Select(h => h.GoldenId), Is.EqualTo(new[] { _golden["zhang_sz"] }));
        Assert.That(hits[0].MatchedOn, Is.EqualTo("phone"));
    }

    [Test]
    public void IdNumberWithLowerCaseXFindsTheCustomer()
    {
        Assert.That(ZhangId, Does.EndWith("X"));
        Assert.That(Ids(new CustomerQuery { IdNumber = ZhangId.ToLowerInvariant() }), Is.EqualTo(new[] { _golden["zhang_sz"] }));
        var fullWidth = new string(ZhangId.ToLowerInvariant().Select(c => (char)(c + 0xFEE0)).ToArray());
        Assert.That(Ids(new CustomerQuery { IdNumber = fullWidth }), Is.EqualTo(new[] { _golden["zhang_sz"] }), fullWidth);
    }

    [Test]
    public void CityFilterExcludesAnotherCitysNamesake()
    {
        var all = Ids(new CustomerQuery { Name = "张伟", PageSize = 50 });
        Assert.That(all, Does.Contain(_golden["zhang_bj"]).And.Contain(_golden["zhang_sz"]));
        foreach (var city in new[] { "深圳", "深圳市", "南山区" })
        {
            var inCity = Ids(new CustomerQuery { Name = "张伟", City = city, PageSize = 50 });
            Assert.That(inCity, Does.Contain(_golden["zhang_sz"]).And.Not.Contain(_golden["zhang_bj"]), city);
        }
        Assert.That(Ids(new CustomerQuery { Name = "张伟", City = "北京", PageSize = 50 }), Does.Contain(_golden["zhang_bj"]).And.Not.Contain(_golden["zhang_sz"]));
    }

    [Test]
    public void GoldenIdIsFoundExactlyAndPageSizeIsCapped()
    {
        Assert.That(Ids(new CustomerQuery { GoldenId = _golden["li_futian"] }), Is.EqualTo(new[] { _golden["li_futian"] }));
        Assert.That(_search.Search(new CustomerQuery { Name = "张", PageSize = 1000 }).Count, Is.LessThanOrEqualTo(CustomerQuery.MaxPageSize));
    }

    [Test]
    public void ANewPersonIsFindableRightAfterTheRealTimeResolve()
    {
        var id = _engine.ResolveRecord(Person("counter", "SRCH-NEW", new()
        {
            ["name"] = "欧阳修文", ["national_id"] = IdCard("440305", 1992, 11), ["phone"] = "13312345670", ["address"] = "深圳市南山区科技园路99号",
        })).GoldenId;
        Assert.That(Ids(new CustomerQuery { Name = "欧阳修文" }).FirstOrDefault(), Is.EqualTo(id));
        Assert.That(Ids(new CustomerQuery { Phone = "133 1234 5670" }), Is.EqualTo(new[] { id }));
    }
}
