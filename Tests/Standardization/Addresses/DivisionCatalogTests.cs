using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses;

[TestFixture]
public sealed class DivisionCatalogTests
{
    private static readonly DivisionCatalog Catalog = DivisionCatalog.Default;

    [Test]
    public void Loads_all_four_levels_of_the_2023_nbs_data()
    {
        Assert.That(Catalog.Count, Is.EqualTo(44_703));
        Assert.That(Catalog.Provinces, Has.Count.EqualTo(31));
        Assert.That(Catalog.Provinces[0], Is.EqualTo(new Division(1, "11", "北京市", null)));
    }

    [TestCase("44", 1, "广东省", null)]
    [TestCase("4403", 2, "深圳市", "44")]
    [TestCase("440305", 3, "南山区", "4403")]
    [TestCase("440305007", 4, "粤海街道", "440305")]
    [TestCase("1101", 2, "市辖区", "11")]
    [TestCase("429004", 3, "仙桃市", "4290")]
    [TestCase("440300", 2, "深圳市", "44")] // GB/T 2260 padded city code
    [TestCase("450000", 1, "广西壮族自治区", null)]
    public void Finds_divisions_by_code(string code, int level, string name, string? parent)
    {
        Division? d = Catalog.ByCode(code);

        Assert.That(d, Is.Not.Null);
        Assert.That((d!.Level, d.Name, d.ParentCode), Is.EqualTo(((byte)level, name, parent)));
    }

    [TestCase("")]
    [TestCase("99")]
    [TestCase("440399")]
    public void Unknown_codes_give_null_and_no_children(string code)
    {
        Assert.That(Catalog.ByCode(code), Is.Null);
        Assert.That(Catalog.Children(code), Is.Empty);
    }

    [Test]
    public void Lists_children_in_code_order()
    {
        Assert.That(Catalog.Children("11").Select(d => d.Code), Is.EqualTo(new[] { "1101" }));
        Assert.That(Catalog.Children("50").Select(d => d.Code), Is.EqualTo(new[] { "5001", "5002" }));
        var shenzhen = Catalog.Children("4403");
        Assert.That(shenzhen.Select(d => d.Name), Does.Contain("南山区"));
        Assert.That(shenzhen.Select(d => d.Code), Is.Ordered);
        Assert.That(Catalog.Children("440305").Select(d => d.Name), Does.Contain("粤海街道"));
    }

    [TestCase("11", "110000")]
    [TestCase("4403", "440300")]
    [TestCase("440305", "440305")]
    [TestCase("440305007", "440305")]
    public void Converts_any_level_to_gbt2260(string code, string gbt)
    {
        Assert.That(DivisionCatalog.ToGbt2260(Catalog.ByCode(code)!), Is.EqualTo(gbt));
    }
}
