using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses;

/// <summary>English / romanized addresses get the same division codes and street key as their Chinese form.</summary>
[TestFixture]
public sealed class EnglishAddressTests
{
    private static readonly AddressParser Parser = AddressParser.Default;

    // free text → province / city / county and the street part left over.
    [TestCase("61 Jinrong Street, Century Garden, Bldg 10, Unit 3, Rm 1406, Wuchang District, Wuhan, Hubei 430060",
        "42", "4201", "420106", "61 jinrong st century garden bldg 10 unit 3 rm 1406")]
    [TestCase("682 Binjiang Road, Huaqiao New Village, Bldg 8, Unit 4, Rm 1308, Heping District, Tianjin 300041",
        "12", "1201", "120101", "682 binjiang rd huaqiao new village bldg 8 unit 4 rm 1308")]
    [TestCase("517 Fengshan Middle Road, Shunde District, Foshan, Guangdong 528300", "44", "4406", "440606", "517 fengshan middle rd")]
    [TestCase("20 Renmin Road, Jinxiu Court, Bldg 22, Unit 1, Rm 2601, Kunshan, Suzhou", "32", "3205", "320583",
        "20 renmin rd jinxiu ct bldg 22 unit 1 rm 2601")]
    [TestCase("Apt 2307, Huaqiao New Village, 292 Lihu Avenue, Binhu District, Wuxi", "32", "3202", "320211",
        "unit 2307 huaqiao new village 292 lihu ave")]
    public void Free_text_divisions_are_read_from_the_end(string address, string province, string city, string county, string remainder)
    {
        ParsedAddress r = Parser.Parse(address)!;
        Assert.Multiple(() =>
        {
            Assert.That(r.ProvinceCode, Is.EqualTo(province));
            Assert.That(r.CityCode, Is.EqualTo(city));
            Assert.That(r.CountyCode, Is.EqualTo(county));
            Assert.That(r.Remainder, Is.EqualTo(remainder));
            Assert.That(r.IsChinese, Is.False);
        });
    }

    [TestCase("148 yaohang street", "ningbo", "zhejiang", "315000", "33", "3302")]
    [TestCase("41 east 3rd ring middle road wanjiali garden", "beijing", "beijing", "100020", "11", "1101")]
    [TestCase("69 xinhua south road block d, rm 2204", "urumqi", "xinjiang", "830002", "65", "6501")]
    [TestCase("5 zhongshan road taoyuan residence", "jinhua", "zhejiang", "322000", "33", "3307")]
    public void Suburb_and_state_columns_give_city_and_province(string address, string city, string state, string postcode,
        string province, string cityCode)
    {
        ParsedAddress r = Parser.Parse(address, state, city, null, postcode)!;
        Assert.That(r.ProvinceCode, Is.EqualTo(province));
        Assert.That(r.CityCode, Is.EqualTo(cityCode));
        Assert.That(r.Postcode, Is.EqualTo(postcode));
    }

    [Test]
    public void A_street_named_after_a_city_is_not_taken_for_the_city()
    {
        ParsedAddress r = Parser.Parse("100 Nanjing Road, Huangpu District, Shanghai")!;
        Assert.That(r.CityCode, Is.EqualTo("3101"));
        Assert.That(r.CountyCode, Is.EqualTo("310101"));
        Assert.That(r.Remainder, Is.EqualTo("100 nanjing rd"));
    }

    [Test]
    public void A_city_name_shared_by_two_prefectures_is_settled_by_the_province()
    {
        Assert.That(Parser.Parse("8 Wuyi Road, Taizhou, Zhejiang")!.CityCode, Is.EqualTo("3310"));
        Assert.That(Parser.Parse("8 Wuyi Road, Taizhou, Jiangsu")!.CityCode, Is.EqualTo("3212"));
    }

    // Chinese remainder and its English rendering → the same road name and house number.
    [TestCase("新华南路69号D座2204", "xinhua s", "69")]
    [TestCase("69 xinhua s rd blk d rm 2204", "xinhua s", "69")]
    [TestCase("深南大道118号3栋1708室", "shennan", "118")]
    [TestCase("118 shennan ave", "shennan", "118")]
    [TestCase("解放西街10号春华苑7栋4单元2101", "jiefang w", "10")]
    [TestCase("bldg 7 unit 4 rm 2101 chunhua ct 10 jiefang w st", "jiefang w", "10")]
    [TestCase("凤山中路517号", "fengshan m", "517")]
    [TestCase("517 fengshan middle rd", "fengshan m", "517")]
    [TestCase("东风路520号", "dongfeng", "520")]   // 东 starts the name: not a direction
    [TestCase("河南路12号", "henan", "12")]        // two-character name keeps its 南
    public void Street_key_is_shared_by_both_scripts(string remainder, string name, string number)
    {
        var (n, no) = StreetKey.Parse(remainder);
        Assert.That(n, Is.EqualTo(name));
        Assert.That(no, Is.EqualTo(number));
    }

    [TestCase("华侨新村8栋1301室")]
    [TestCase("century garden bldg 8")]
    [TestCase("")]
    public void No_street_key_without_a_numbered_road(string remainder)
    {
        Assert.That(StreetKey.Parse(remainder), Is.EqualTo(((string?)null, (string?)null)));
    }
}
