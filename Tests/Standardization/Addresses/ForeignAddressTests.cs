using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses;

/// <summary>A source abroad declares its country: its addresses are not read against the Chinese divisions.</summary>
public class ForeignAddressTests
{
    [Test]
    public void A_city_that_spells_a_Chinese_division_in_pinyin_is_that_division_only_for_a_Chinese_source()
    {
        var chinese = AddressParser.Default.Parse("88 Jiefang Rd", city: "Harbin");
        Assert.That(chinese!.CityCode, Is.EqualTo("2301"), "Harbin is 哈尔滨 for a source in China");

        var abroad = AddressParser.Default.Parse("88 Jiefang Rd", city: "Harbin", postcode: "90210", country: "US");
        Assert.Multiple(() =>
        {
            Assert.That(abroad!.ProvinceCode, Is.Null);
            Assert.That(abroad.CityCode, Is.Null);
            Assert.That(abroad.CountyCode, Is.Null);
            Assert.That(abroad.Remainder, Is.EqualTo("88 jiefang rd"));
            Assert.That(abroad.Normalized, Is.EqualTo("88 jiefang rd harbin"));
            Assert.That(abroad.Postcode, Is.EqualTo("90210"));
        });
    }

    [Test]
    public void Han_text_is_read_as_Chinese_whatever_the_source_country()
    {
        var parsed = AddressParser.Default.Parse("广东省深圳市南山区科技园路12号", country: "US");
        Assert.That(parsed!.CountyCode, Is.EqualTo("440305"));
    }
}
