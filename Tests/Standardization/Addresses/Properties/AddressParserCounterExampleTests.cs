using Mdm.Engine.Standardization;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// Counter-examples to the address properties (<see cref="AddressProperty"/>), kept as plain cases so they stay fixed.
/// All were found by <see cref="AddressParserPropertyTests"/> (the first two were reported from data first), except
/// where noted. Each goes through the product's path: <see cref="RecordStandardizer"/> (fold, simplify, parse, street key).
/// </summary>
[TestFixture]
public sealed class AddressParserCounterExampleTests
{
    // text → county code, township code (null: none), street name, street number
    [TestCase("广东省云浮市云城区高楼坪侗族乡华东西路588号", "445302", null, "huadong w", "588")] // another county's township
    [TestCase("陕西省西安市雁塔站前路104号", "610113", null, "zhanqian", "104")]             // short county + 站前路
    [TestCase("四川，芭溝鎭，民強文東巷2434號", null, null, "minqiangwen e", "2434")]
    [TestCase("石家庄市长安区方圆街道泰德巷２５７９号", "130102", null, "taide", "2579")]
    [TestCase("河北石家庄长安林校路街道光福巷834#", "130102", null, "guangfu", "834")]
    [TestCase("石家庄市灵寿桥银龙北大道1987号", "130126", null, "qiaoyinlong n", "1987")]
    [TestCase("河北石傢莊正定灣放誼大街４２４＃", "130123", null, "wanfangyi", "424")]
    [TestCase("承德市承德文康中路2838号", "130821", null, "wenkang m", "2838")]       // county of the city's name
    [TestCase("松原市乾安县新滨金西路551号", "220723", null, "xinbinjin w", "551")]    // t2s turns 乾安 into 干安
    [TestCase("东营市垦利区兴隆镇设技利西街１９５６号", "370505", "370505002", "shejili w", "1956")] // 兴隆街道's old name
    [TestCase("安定门街道福放桥大街664号", null, null, "fufangqiao", "664")]           // not 安定区
    [TestCase("海南共和泰康兴南巷102号", "632521", null, "taikangxing s", "102")]     // 海南州, not 海南省
    [TestCase("天津河西橋和興大街１１６＃", "120103", null, "qiaohexing", "116")]
    [TestCase("上海静安村滨西大街2322号", "310106", null, "cunbin w", "2322")]
    [TestCase("朝阳区工友人东路1530号", null, null, "gongyouren e", "1530")]         // 朝阳区 repeats: street still found
    [TestCase("城区国强西巷712号", null, null, "guoqiang w", "712")]
    [TestCase("河北 石家庄 深泽 兵团农九师团结农场 环青街 1484#", "130128", null, "huanqing", "1484")]
    [TestCase("吉林,白城,洮南,兴隆山镇,安湾北大街188#", "220881", null, "anwan n", "188")] // not 兴隆街道 + 山镇
    [TestCase("北京市朝阳门街道兴团大街2980号", null, null, "xingtuan", "2980")]       // not 朝阳区 + 门街道
    [TestCase("河北邯郸肥乡园滨北街509号", "130407", null, "yuanbin n", "509")]        // found while fixing the above
    [TestCase("鞍山市立山区滋镇繁富年巷１９９１号", "210304", null, "fanfunian", "1991")]
    [TestCase("株洲市渌口区北蒙街道化大街１２１７号", "430212", null, "hua", "1217")]
    [TestCase("甘肅 城關鎭 大學東大街 2752號", null, null, "daxue e", "2752")]        // the town 城关镇, not 城关区
    [TestCase("广西东兴镇大凰明路１５６０＃", null, null, "dahuangming", "1560")]      // the town 东兴镇, not 东兴市
    [TestCase("赤峰、松山、河輋农场、育珠建巷１５４６号", "150404", null, "yuzhujian", "1546")] // 輋 → 𪨶 (extension B)
    [TestCase("普洱鎭沅彝族哈尼族拉祜族自治縣光紅中巷1255#", "530825", null, "guanghong m", "1255")]
    [TestCase("山西省古縣鄉興旂誼街２００４＃", null, null, "xingqiyi", "2004")]      // the town 古县乡, not 古县
    [TestCase("甘肃省七里河区八五〇农场团业兴东大街655号", "620103", null, "tuanyexing e", "655")]
    [TestCase("北京大興樂園良種場人龍平大道２８１３號", "110115", null, "renlongping", "2813")]
    [TestCase("云南鹤庆六合垸管理区江解江大道2506#", "532932", null, "jiangjiejiang", "2506")] // not 六合乡 + 垸管理区
    [TestCase("西藏絨鄉團德大街55號", null, null, "tuande", "55")]
    [TestCase("阜南赛乡兴大兴大街２３１＃", "341225", null, "xingdaxing", "231")]
    public void Counter_example_holds(string address, string? county, string? township, string streetName, string streetNumber)
    {
        StandardizedRecord r = AddressProperty.Standardize(address);

        Assert.Multiple(() =>
        {
            Assert.That(r[Feature.CountyCode], Is.EqualTo(county), "county");
            Assert.That(r[Feature.TownshipCode], Is.EqualTo(township), "township");
            Assert.That(r[Feature.StreetName], Is.EqualTo(streetName), "street name");
            Assert.That(r[Feature.StreetNumber], Is.EqualTo(streetNumber), "street number");
        });
    }

    [TestCase("西藏絨鄉團德大街55號", "54")]
    [TestCase("海南共和泰康兴南巷102号", "63")]
    public void Counter_example_keeps_the_province(string address, string province)
    {
        Assert.That(AddressProperty.Standardize(address)[Feature.ProvinceCode], Is.EqualTo(province));
    }

    // Found by the random search and still open, so not tests (a skipped test checks nothing): 福建鬆谿工平誼中大道４３０＃
    // (鬆谿 does not simplify to 松溪, so 松溪县 is not found) and 甘肅,秦州,藉口鎭,陽業東大道1624# (OpenCC's TSPhrases turns
    // 藉口 into 借口, so 藉口镇 is not found). Both come from the Traditional→Simplified step, not the parser.
}
