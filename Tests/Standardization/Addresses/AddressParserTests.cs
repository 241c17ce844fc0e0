using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses;

[TestFixture]
public sealed class AddressParserTests
{
    private static readonly AddressParser Parser = AddressParser.Default;

    // address → province / city / county / township (NBS codes, null = "N") and remainder.
    [TestCase("广东省深圳市南山区粤海街道科技园路12号", "44", "4403", "440305", "440305007", "科技园路12号")]
    [TestCase("深圳南山科技园路１２号", "44", "4403", "440305", null, "科技园路12号")]
    [TestCase("深圳科技园路12号", "44", "4403", null, null, "科技园路12号")]
    [TestCase("中国广东省深圳市", "44", "4403", null, null, "")]
    // Municipalities, with and without 市: the city is the placeholder 市辖区 / 县.
    [TestCase("北京朝阳", "11", "1101", "110105", null, "")]
    [TestCase("北京市朝阳区建国路88号", "11", "1101", "110105", null, "建国路88号")]
    [TestCase("北京市海淀区中关村大街1号", "11", "1101", "110108", null, "中关村大街1号")]
    [TestCase("上海浦东新区世纪大道100号", "31", "3101", "310115", null, "世纪大道100号")]
    [TestCase("上海市黄浦区南京东路100号", "31", "3101", "310101", null, "南京东路100号")]
    [TestCase("天津市滨海新区", "12", "1201", "120116", null, "")]
    [TestCase("天津和平区南京路", "12", "1201", "120101", null, "南京路")]
    [TestCase("重庆渝中区", "50", "5001", "500103", null, "")]
    [TestCase("重庆市城口县", "50", "5002", "500229", null, "")]
    [TestCase("北京市", "11", "1101", null, null, "")]
    // Provinces and autonomous regions, full and short.
    [TestCase("浙江杭州西湖区文三路", "33", "3301", "330106", null, "文三路")]
    [TestCase("四川省成都市武侯区", "51", "5101", "510107", null, "")]
    [TestCase("内蒙古呼和浩特市新城区", "15", "1501", "150102", null, "")]
    [TestCase("内蒙古自治区包头市", "15", "1502", null, null, "")]
    [TestCase("广西南宁市青秀区", "45", "4501", "450103", null, "")]
    [TestCase("广西壮族自治区南宁市青秀区", "45", "4501", "450103", null, "")]
    [TestCase("西藏拉萨市城关区", "54", "5401", "540102", null, "")]
    [TestCase("宁夏银川市兴庆区", "64", "6401", "640104", null, "")]
    [TestCase("新疆维吾尔自治区喀什地区喀什市", "65", "6531", "653101", null, "")]
    [TestCase("新疆乌鲁木齐市天山区", "65", "6501", "650102", null, "")]
    // Autonomous prefectures: full name, short name, short + 州.
    [TestCase("吉林省延边朝鲜族自治州延吉市", "22", "2224", "222401", null, "")]
    [TestCase("延边州延吉市", "22", "2224", "222401", null, "")]
    [TestCase("湖北恩施州恩施市", "42", "4228", "422801", null, "")]
    [TestCase("湖北恩施", "42", "4228", null, null, "")]
    [TestCase("四川凉山西昌市", "51", "5134", "513401", null, "")]
    // County-level cities, including directly administered ones (province + county, placeholder city).
    [TestCase("江苏昆山", "32", "3205", "320583", null, "")]
    [TestCase("苏州市昆山市", "32", "3205", "320583", null, "")]
    [TestCase("浙江省义乌市", "33", "3307", "330782", null, "")]
    [TestCase("湖北仙桃", "42", "4290", "429004", null, "")]
    [TestCase("仙桃市", "42", "4290", "429004", null, "")]
    [TestCase("新疆石河子市", "65", "6590", "659001", null, "")]
    [TestCase("河南济源", "41", "4190", "419001", null, "")]
    // Repeated county names: resolved by the parent, left alone without one.
    [TestCase("南京市鼓楼区中山路1号", "32", "3201", "320106", null, "中山路1号")]
    [TestCase("福州市鼓楼区五四路", "35", "3501", "350102", null, "五四路")]
    [TestCase("鼓楼区五四路", null, null, null, null, "鼓楼区五四路")]
    [TestCase("长春市朝阳区", "22", "2201", "220104", null, "")]
    [TestCase("朝阳区建国路", null, null, null, null, "朝阳区建国路")]
    [TestCase("河北省石家庄市长安区", "13", "1301", "130102", null, "")]
    [TestCase("西安市长安区", "61", "6101", "610116", null, "")]
    [TestCase("南山区粤海街道", "44", "4403", "440305", "440305007", "")] // only 深圳's 南山区 has 粤海街道
    [TestCase("济南市中区", "37", "3701", "370103", null, "")]             // 济南 + 市中区, not 济南市 + 中区
    [TestCase("唐山路北区", "13", "1302", "130203", null, "")]             // 路北区 is a district, not a road
    [TestCase("哈尔滨道里区中央大街", "23", "2301", "230102", null, "中央大街")]
    // Cities without districts and townships/streets.
    [TestCase("东莞市东城街道", "44", "4419", "441900", "441900003", "")]
    [TestCase("中山石岐", "44", "4420", "442000", "442000001", "")]
    [TestCase("重庆渝中区解放碑", "50", "5001", "500103", "500103003", "")]
    // Place names that only look like abbreviations.
    [TestCase("中山路12号", null, null, null, null, "中山路12号")]
    [TestCase("中山东路8号", null, null, null, null, "中山东路8号")]
    [TestCase("中山市中山路", "44", "4420", "442000", null, "中山路")]
    [TestCase("北京市场", null, null, null, null, "北京市场")]
    [TestCase("深圳湾科技生态园", null, null, null, null, "深圳湾科技生态园")]
    [TestCase("安康花园3栋", null, null, null, null, "安康花园3栋")]
    [TestCase("广州市天河区天河路385号", "44", "4401", "440106", null, "天河路385号")]
    public void Parses_divisions_and_remainder(string address, string? province, string? city, string? county, string? township,
        string remainder)
    {
        ParsedAddress? r = Parser.Parse(address);

        Assert.That(r, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(r!.ProvinceCode, Is.EqualTo(province), "province");
            Assert.That(r.CityCode, Is.EqualTo(city), "city");
            Assert.That(r.CountyCode, Is.EqualTo(county), "county");
            Assert.That(r.TownshipCode, Is.EqualTo(township), "township");
            Assert.That(r.Remainder, Is.EqualTo(remainder), "remainder");
            Assert.That(r.IsChinese, Is.True);
        });
    }

    [TestCase("深圳市南山区科技园路12#", "科技园路12号")]
    [TestCase("深圳市南山区科技园路 12 号", "科技园路12号")]
    [TestCase("深圳市南山区科技园路１２号３栋", "科技园路12号3栋")]
    [TestCase("深圳市南山区桃源花园3幢1201房", "桃源花园3栋1201室")]
    [TestCase("深圳市南山区科技园路12号5号楼1201室", "科技园路12号5栋1201室")]
    [TestCase("深圳市南山区科技园路12号B座1201房间", "科技园路12号B座1201室")]
    [TestCase("北京市朝阳区建国路88号, soho现代城a座", "建国路88号SOHO现代城A座")]
    [TestCase("上海市徐汇区漕溪北路 12-3 号", "漕溪北路12-3号")]
    [TestCase("12号楼1201房", "12栋1201室")]
    public void Normalizes_the_remainder(string address, string remainder)
    {
        Assert.That(Parser.Parse(address)!.Remainder, Is.EqualTo(remainder));
    }

    [TestCase("深圳南山科技园路１２号", "广东省深圳市南山区科技园路12号")]
    [TestCase("广东省深圳市南山区粤海街道科技园路12号", "广东省深圳市南山区粤海街道科技园路12号")]
    [TestCase("北京朝阳建国路88号", "北京市朝阳区建国路88号")]
    [TestCase("湖北仙桃", "湖北省仙桃市")]
    [TestCase("东莞市东城街道", "广东省东莞市东城街道")]
    [TestCase("延边州延吉市", "吉林省延边朝鲜族自治州延吉市")]
    [TestCase("济南市中区", "山东省济南市市中区")]
    [TestCase("漯河市召陵区老窝镇", "河南省漯河市召陵区老窝镇")] // official township name is 召陵区老窝镇
    public void Builds_canonical_text_with_full_official_names(string address, string normalized)
    {
        Assert.That(Parser.Parse(address)!.Normalized, Is.EqualTo(normalized));
    }

    [TestCase("科技园路12号", "广东", "深圳", "南山区", "518057", "44", "4403", "440305")]
    [TestCase("科技园路12号", "Guangdong", "深圳市", "南山", null, "44", "4403", "440305")]
    [TestCase("广东省深圳市南山区科技园路12号", "广东省", "深圳市", "南山区", null, "44", "4403", "440305")]
    [TestCase("五四路", null, "福州", "鼓楼区", null, "35", "3501", "350102")]
    [TestCase("福州市五四路", null, null, "鼓楼区", null, "35", "3501", "350102")]
    [TestCase(null, "北京", null, "朝阳区", null, "11", "1101", "110105")]
    [TestCase("北京市朝阳区建国路88号", "广东", "深圳", null, null, "11", "1101", "110105")] // the text wins over stale columns
    [TestCase("五四路", null, null, "鼓楼区", null, null, null, null)]
    public void Merges_split_columns(string? address, string? province, string? city, string? district, string? postcode,
        string? provinceCode, string? cityCode, string? countyCode)
    {
        ParsedAddress r = Parser.Parse(address, province, city, district, postcode)!;

        Assert.That(new[] { r.ProvinceCode, r.CityCode, r.CountyCode }, Is.EqualTo(new[] { provinceCode, cityCode, countyCode }));
    }

    [Test]
    public void Split_columns_leave_only_the_street_in_the_remainder()
    {
        ParsedAddress r = Parser.Parse("广东省深圳市南山区科技园路12号", "广东省", "深圳市", "南山区", "518057")!;

        Assert.That(r.Remainder, Is.EqualTo("科技园路12号"));
        Assert.That(r.Normalized, Is.EqualTo("广东省深圳市南山区科技园路12号"));
        Assert.That(r.Postcode, Is.EqualTo("518057"));
    }

    [TestCase("鼓楼区五四路", "350001", "350102")] // 福建 postcode: only 福州 has a 鼓楼区 in 福建
    [TestCase("鼓楼区中山路", "210008", null)]     // 江苏 has two (南京, 徐州): still ambiguous
    [TestCase("鼓楼区中山路", null, null)]
    public void Postcode_disambiguates_repeated_county_names_only_across_provinces(string address, string? postcode, string? county)
    {
        Assert.That(Parser.Parse(address, postcode: postcode)!.CountyCode, Is.EqualTo(county));
    }

    [TestCase("518057 广东省深圳市南山区", "518057", "")]
    [TestCase("深圳市南山区科技园路12号 518057", "518057", "科技园路12号")]
    [TestCase("深圳市南山区科技园路12号(邮编:518057)", "518057", "科技园路12号")]
    [TestCase("深圳市南山区科技园路100001", null, "科技园路100001")]
    public void Finds_a_postcode_in_the_text(string address, string? postcode, string remainder)
    {
        ParsedAddress r = Parser.Parse(address)!;

        Assert.That(r.Postcode, Is.EqualTo(postcode));
        Assert.That(r.Remainder, Is.EqualTo(remainder));
        Assert.That(r.CountyCode, Is.EqualTo("440305"));
    }

    [TestCase("12 Main Street, Apt 5", "12 main st unit 5")]
    [TestCase("1600 Pennsylvania Avenue NW, Washington", "1600 pennsylvania ave nw washington")]
    [TestCase("Flat 3, 221B Baker Street", "unit 3 221b baker st")]
    [TestCase("P.O. Box 123", "po box 123")]
    [TestCase("350 Fifth Avenue, Suite 5400", "350 fifth ave ste 5400")]
    [TestCase("North Road 5,  Unit 12-14", "n rd 5 unit 12-14")]
    [TestCase("１２ Ｍａｉｎ Ｓｔ．", "12 main st")]
    public void Normalizes_english_addresses(string address, string remainder)
    {
        ParsedAddress r = Parser.Parse(address)!;

        Assert.Multiple(() =>
        {
            Assert.That(r.IsChinese, Is.False);
            Assert.That(r.Remainder, Is.EqualTo(remainder));
            Assert.That(r.Normalized, Is.EqualTo(remainder));
            Assert.That(r.ProvinceCode, Is.Null);
            Assert.That(r.MostSpecificCode, Is.Null);
        });
    }

    [Test]
    public void English_address_keeps_postcode_and_appends_city_column()
    {
        ParsedAddress r = Parser.Parse("221B Baker Street", city: "London", postcode: " nw1  6xe ")!;

        Assert.That(r.Postcode, Is.EqualTo("NW1 6XE"));
        Assert.That(r.Normalized, Is.EqualTo("221b baker st london"));
        Assert.That(r.CityCode, Is.Null);
    }

    [Test]
    public void Returns_null_only_when_every_input_is_empty()
    {
        Assert.That(Parser.Parse(null), Is.Null);
        Assert.That(Parser.Parse("  ", "", null, " ", null), Is.Null);
        Assert.That(Parser.Parse(null, district: "南山区", city: "深圳"), Is.Not.Null);
    }

    [TestCase("广东省深圳市南山区粤海街道", "440305")]
    [TestCase("深圳市", "4403")]
    [TestCase("广东省", "44")]
    [TestCase("科技园路12号", null)]
    public void Most_specific_code_is_county_then_city_then_province(string address, string? expected)
    {
        Assert.That(Parser.Parse(address)!.MostSpecificCode, Is.EqualTo(expected));
    }

    [Test]
    public void Gives_the_same_results_from_many_threads()
    {
        string[] inputs =
        [
            "广东省深圳市南山区粤海街道科技园路12号", "北京朝阳", "鼓楼区五四路", "湖北仙桃", "12 Main Street, Apt 5",
            "延边州延吉市", "中山路12号", "深圳南山科技园路１２号",
        ];
        var expected = Array.ConvertAll(inputs, s => Parser.Parse(s));
        var failures = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int k = i % inputs.Length;
            if (Parser.Parse(inputs[k]) != expected[k]) Interlocked.Increment(ref failures);
        });

        Assert.That(failures, Is.Zero);
    }
}
