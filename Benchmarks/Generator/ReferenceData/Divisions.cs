namespace Mdm.Benchmarks.Generator.ReferenceData;

/// <summary>A road: its Chinese name and how an English-language system would write it.</summary>
internal sealed record Road(string Chinese, string English);

/// <summary>A named place inside an address (residential compound, office tower).</summary>
internal sealed record Place(string Chinese, string English);

/// <summary>
/// One real county-level division (GB/T 2260 code) with its parents, a few of its real townships, postcode,
/// telephone area code, romanized names and some of its real roads.
/// </summary>
internal sealed class County
{
    public required string Code { get; init; }
    public required string Province { get; init; }
    public required string ProvinceShort { get; init; }
    public required string ProvinceEnglish { get; init; }
    /// <summary>Prefecture-level city; for the four municipalities this is the municipality itself.</summary>
    public required string City { get; init; }
    public required string CityShort { get; init; }
    public required string CityEnglish { get; init; }
    public required string Name { get; init; }
    public required string NameShort { get; init; }
    /// <summary>"Nanshan District", "Kunshan".</summary>
    public required string English { get; init; }
    public required string[] Townships { get; init; }
    public required string Postcode { get; init; }
    public required string AreaCode { get; init; }
    public required Road[] LocalRoads { get; init; }
    public required int Weight { get; init; }

    /// <summary>北京/上海/天津/重庆: the province is the city, so addresses never repeat it.</summary>
    public bool IsMunicipality => Province == City;

    /// <summary>东莞市, 中山市: prefecture-level cities without districts (the county row repeats the city).</summary>
    public bool IsCityWithoutDistricts => Name == City;
}

/// <summary>
/// Real divisions the generator places people and companies in. Names and codes are copied from the NBS 2023
/// statistical division codes as packaged in china-division@2.7.0 (npm; LICENSE file WTFPL v2, package.json MIT);
/// townships are real
/// townships of each county; roads are real roads of the county where listed, else drawn from <see cref="GenericRoads"/>.
/// Nothing is read at run time.
/// </summary>
internal static class Divisions
{
    // code|province|city (municipality = province)|county|townships|postcode|area code|weight|province EN|city EN|county EN|local roads (zh=en;...)
    private const string Table = """
        440305|广东省|深圳市|南山区|粤海街道,南头街道,蛇口街道,西丽街道|518000|0755|6|Guangdong|Shenzhen|Nanshan District|深南大道=Shennan Avenue;科技园路=Kejiyuan Road;南海大道=Nanhai Avenue;科苑路=Keyuan Road
        440304|广东省|深圳市|福田区|福田街道,园岭街道,香蜜湖街道,莲花街道|518000|0755|5|Guangdong|Shenzhen|Futian District|深南中路=Shennan Middle Road;福华路=Fuhua Road;益田路=Yitian Road
        440306|广东省|深圳市|宝安区|新安街道,西乡街道,福永街道,沙井街道|518100|0755|5|Guangdong|Shenzhen|Bao'an District|宝安大道=Bao'an Avenue;创业一路=Chuangye 1st Road;新湖路=Xinhu Road
        440106|广东省|广州市|天河区|石牌街道,五山街道,林和街道,天河南街道|510000|020|5|Guangdong|Guangzhou|Tianhe District|天河路=Tianhe Road;体育西路=Tiyu West Road;中山大道=Zhongshan Avenue;天河北路=Tianhe North Road
        440104|广东省|广州市|越秀区|北京街道,六榕街道,流花街道,东山街道|510000|020|4|Guangdong|Guangzhou|Yuexiu District|北京路=Beijing Road;中山五路=Zhongshan 5th Road;环市东路=Huanshi East Road
        110105|北京市|北京市|朝阳区|建外街道,三里屯街道,望京街道,双井街道|100020|010|6|Beijing|Beijing|Chaoyang District|建国路=Jianguo Road;朝阳路=Chaoyang Road;东三环中路=East 3rd Ring Middle Road;望京街=Wangjing Street
        110108|北京市|北京市|海淀区|中关村街道,学院路街道,上地街道,紫竹院街道|100080|010|5|Beijing|Beijing|Haidian District|中关村大街=Zhongguancun Street;学院路=Xueyuan Road;海淀路=Haidian Road
        110101|北京市|北京市|东城区|东华门街道,景山街道,安定门街道,建国门街道|100010|010|3|Beijing|Beijing|Dongcheng District|王府井大街=Wangfujing Street;东直门内大街=Dongzhimennei Street;东四北大街=Dongsi North Street
        310115|上海市|上海市|浦东新区|陆家嘴街道,花木街道,张江镇,潍坊新村街道|200120|021|6|Shanghai|Shanghai|Pudong New Area|世纪大道=Century Avenue;张江路=Zhangjiang Road;浦东南路=Pudong South Road;陆家嘴环路=Lujiazui Ring Road
        310104|上海市|上海市|徐汇区|天平路街道,湖南路街道,徐家汇街道,田林街道|200030|021|4|Shanghai|Shanghai|Xuhui District|漕溪北路=Caoxi North Road;肇嘉浜路=Zhaojiabang Road;衡山路=Hengshan Road
        310105|上海市|上海市|长宁区|华阳路街道,江苏路街道,新华路街道,虹桥街道|200050|021|3|Shanghai|Shanghai|Changning District|延安西路=Yan'an West Road;仙霞路=Xianxia Road;天山路=Tianshan Road
        330106|浙江省|杭州市|西湖区|西溪街道,翠苑街道,古荡街道,文新街道|310013|0571|4|Zhejiang|Hangzhou|Xihu District|文三路=Wensan Road;天目山路=Tianmushan Road;西溪路=Xixi Road
        330110|浙江省|杭州市|余杭区|五常街道,仁和街道,良渚街道,仓前街道|311100|0571|3|Zhejiang|Hangzhou|Yuhang District|文一西路=Wenyi West Road;五常大道=Wuchang Avenue
        320106|江苏省|南京市|鼓楼区|宁海路街道,华侨路街道,湖南路街道,中央门街道|210008|025|3|Jiangsu|Nanjing|Gulou District|中山北路=Zhongshan North Road;湖南路=Hunan Road;北京西路=Beijing West Road
        320102|江苏省|南京市|玄武区|新街口街道,玄武门街道,梅园新村街道,孝陵卫街道|210018|025|3|Jiangsu|Nanjing|Xuanwu District|中山路=Zhongshan Road;珠江路=Zhujiang Road;北京东路=Beijing East Road
        350102|福建省|福州市|鼓楼区|鼓东街道,鼓西街道,温泉街道,东街街道|350001|0591|3|Fujian|Fuzhou|Gulou District|五四路=Wusi Road;杨桥路=Yangqiao Road;东街=Dong Street
        220104|吉林省|长春市|朝阳区|前进街道,桂林街道,南湖街道,重庆街道|130012|0431|2|Jilin|Changchun|Chaoyang District|人民大街=Renmin Street;西安大路=Xi'an Road;自由大路=Ziyou Road
        510107|四川省|成都市|武侯区|浆洗街街道,望江路街道,玉林街道,火车南站街道|610041|028|4|Sichuan|Chengdu|Wuhou District|人民南路=Renmin South Road;武侯祠大街=Wuhouci Street;科华北路=Kehua North Road
        510104|四川省|成都市|锦江区|春熙路街道,书院街街道,牛市口街道,沙河街道|610021|028|3|Sichuan|Chengdu|Jinjiang District|春熙路=Chunxi Road;东大街=Dong Street;红星路=Hongxing Road
        320583|江苏省|苏州市|昆山市|玉山镇,巴城镇,周市镇,花桥镇|215300|0512|3|Jiangsu|Suzhou|Kunshan|前进路=Qianjin Road;人民路=Renmin Road;黄河路=Huanghe Road
        330782|浙江省|金华市|义乌市|稠城街道,江东街道,稠江街道,北苑街道|322000|0579|3|Zhejiang|Jinhua|Yiwu|稠州路=Chouzhou Road;宾王路=Binwang Road;工人路=Gongren Road
        120101|天津市|天津市|和平区|劝业场街道,小白楼街道,五大道街道,南营门街道|300041|022|3|Tianjin|Tianjin|Heping District|南京路=Nanjing Road;滨江道=Binjiang Road;解放北路=Jiefang North Road
        500103|重庆市|重庆市|渝中区|解放碑街道,七星岗街道,两路口街道,上清寺街道|400010|023|4|Chongqing|Chongqing|Yuzhong District|民族路=Minzu Road;中山一路=Zhongshan 1st Road;民生路=Minsheng Road
        420106|湖北省|武汉市|武昌区|积玉桥街道,中华路街道,中南路街道,首义路街道|430060|027|3|Hubei|Wuhan|Wuchang District|中南路=Zhongnan Road;武珞路=Wuluo Road;中北路=Zhongbei Road
        430102|湖南省|长沙市|芙蓉区|文艺路街道,朝阳街街道,五里牌街道,定王台街道|410011|0731|3|Hunan|Changsha|Furong District|五一大道=Wuyi Avenue;芙蓉中路=Furong Middle Road;解放西路=Jiefang West Road
        610113|陕西省|西安市|雁塔区|小寨路街道,大雁塔街道,长延堡街道,电子城街道|710061|029|3|Shaanxi|Xi'an|Yanta District|小寨东路=Xiaozhai East Road;长安南路=Chang'an South Road;雁塔路=Yanta Road
        370102|山东省|济南市|历下区|解放路街道,千佛山街道,泉城路街道,大明湖街道|250011|0531|2|Shandong|Jinan|Lixia District|泉城路=Quancheng Road;经十路=Jingshi Road;解放路=Jiefang Road
        370202|山东省|青岛市|市南区|香港中路街道,八大关街道,中山路街道,江苏路街道|266001|0532|3|Shandong|Qingdao|Shinan District|香港中路=Hong Kong Middle Road;中山路=Zhongshan Road;东海西路=Donghai West Road
        210102|辽宁省|沈阳市|和平区|新华街道,马路湾街道,南湖街道,太原街街道|110001|024|2|Liaoning|Shenyang|Heping District|中华路=Zhonghua Road;太原街=Taiyuan Street;南京北街=Nanjing North Street
        230103|黑龙江省|哈尔滨市|南岗区|花园街道,奋斗路街道,革新街道,文化街道|150001|0451|2|Heilongjiang|Harbin|Nangang District|红军街=Hongjun Street;西大直街=Xidazhi Street;学府路=Xuefu Road
        410105|河南省|郑州市|金水区|经八路街道,花园路街道,人民路街道,文化路街道|450003|0371|3|Henan|Zhengzhou|Jinshui District|花园路=Huayuan Road;金水路=Jinshui Road;经三路=Jingsan Road
        340104|安徽省|合肥市|蜀山区|三里庵街道,稻香村街道,南七街道,西园街道|230031|0551|2|Anhui|Hefei|Shushan District|长江西路=Changjiang West Road;黄山路=Huangshan Road;潜山路=Qianshan Road
        360102|江西省|南昌市|东湖区|滕王阁街道,百花洲街道,大院街道,豫章街道|330006|0791|2|Jiangxi|Nanchang|Donghu District|八一大道=Bayi Avenue;阳明路=Yangming Road
        530102|云南省|昆明市|五华区|华山街道,护国街道,大观街道,龙翔街道|650021|0871|2|Yunnan|Kunming|Wuhua District|东风西路=Dongfeng West Road;人民中路=Renmin Middle Road
        450103|广西壮族自治区|南宁市|青秀区|新竹街道,中山街道,建政街道,南湖街道|530022|0771|2|Guangxi|Nanning|Qingxiu District|民族大道=Minzu Avenue;东葛路=Dongge Road;竹溪大道=Zhuxi Avenue
        520102|贵州省|贵阳市|南明区|新华路街道,西湖路街道,中华南路街道,河滨街道|550001|0851|2|Guizhou|Guiyang|Nanming District|中华南路=Zhonghua South Road;解放路=Jiefang Road
        130102|河北省|石家庄市|长安区|建北街道,青园街道,广安街道,育才街道|050011|0311|2|Hebei|Shijiazhuang|Chang'an District|中山东路=Zhongshan East Road;建设北大街=Jianshe North Street;裕华东路=Yuhua East Road
        140105|山西省|太原市|小店区|坞城街道,营盘街道,北营街道,平阳路街道|030032|0351|2|Shanxi|Taiyuan|Xiaodian District|长风街=Changfeng Street;学府街=Xuefu Street
        150102|内蒙古自治区|呼和浩特市|新城区|海拉尔东路街道,锡林北路街道,中山东路街道,东街街道|010050|0471|1|Inner Mongolia|Hohhot|Xincheng District|新华大街=Xinhua Street;中山东路=Zhongshan East Road
        620102|甘肃省|兰州市|城关区|酒泉路街道,张掖路街道,雁南街道,临夏路街道|730030|0931|2|Gansu|Lanzhou|Chengguan District|东岗西路=Donggang West Road;庆阳路=Qingyang Road;张掖路=Zhangye Road
        630104|青海省|西宁市|城西区|西关大街街道,古城台街道,虎台街道,胜利路街道|810001|0971|1|Qinghai|Xining|Chengxi District|五四大街=Wusi Street;胜利路=Shengli Road
        640104|宁夏回族自治区|银川市|兴庆区|凤凰北街街道,解放西街街道,文化街街道,富宁街街道|750001|0951|1|Ningxia|Yinchuan|Xingqing District|解放西街=Jiefang West Street;文化街=Wenhua Street
        650102|新疆维吾尔自治区|乌鲁木齐市|天山区|燕儿窝街道,胜利路街道,团结路街道,解放南路街道|830002|0991|1|Xinjiang|Urumqi|Tianshan District|解放南路=Jiefang South Road;新华南路=Xinhua South Road
        540102|西藏自治区|拉萨市|城关区|八廓街道,吉日街道,吉崩岗街道,扎细街道|850000|0891|1|Tibet|Lhasa|Chengguan District|北京中路=Beijing Middle Road;江苏路=Jiangsu Road
        460106|海南省|海口市|龙华区|中山街道,滨海街道,金贸街道,大同街道|570105|0898|2|Hainan|Haikou|Longhua District|龙昆南路=Longkun South Road;国贸大道=Guomao Avenue;滨海大道=Binhai Avenue
        350203|福建省|厦门市|思明区|厦港街道,中华街道,滨海街道,鹭江街道|361001|0592|3|Fujian|Xiamen|Siming District|厦禾路=Xiahe Road;湖滨南路=Hubin South Road;中山路=Zhongshan Road
        441900|广东省|东莞市|东莞市|东城街道,南城街道,万江街道,莞城街道|523000|0769|4|Guangdong|Dongguan|Dongguan|鸿福路=Hongfu Road;东莞大道=Dongguan Avenue
        442000|广东省|中山市|中山市|石岐街道,东区街道,西区街道,南区街道|528400|0760|2|Guangdong|Zhongshan|Zhongshan|孙文中路=Sunwen Middle Road;兴中道=Xingzhong Road
        320508|江苏省|苏州市|姑苏区|平江街道,金阊街道,沧浪街道,双塔街道|215000|0512|3|Jiangsu|Suzhou|Gusu District|人民路=Renmin Road;干将路=Ganjiang Road;观前街=Guanqian Street
        330203|浙江省|宁波市|海曙区|南门街道,江厦街道,西门街道,月湖街道|315000|0574|2|Zhejiang|Ningbo|Haishu District|中山西路=Zhongshan West Road;解放南路=Jiefang South Road;药行街=Yaohang Street
        330302|浙江省|温州市|鹿城区|五马街道,七都街道,滨江街道,南汇街道|325000|0577|2|Zhejiang|Wenzhou|Lucheng District|人民路=Renmin Road;车站大道=Chezhan Avenue
        440604|广东省|佛山市|禅城区|祖庙街道,张槎街道,石湾镇街道,南庄镇|528000|0757|2|Guangdong|Foshan|Chancheng District|季华路=Jihua Road;汾江中路=Fenjiang Middle Road;祖庙路=Zumiao Road
        440606|广东省|佛山市|顺德区|大良街道,容桂街道,伦教街道,勒流街道|528300|0757|2|Guangdong|Foshan|Shunde District|德民路=Demin Road;凤山中路=Fengshan Middle Road
        320211|江苏省|无锡市|滨湖区|荣巷街道,蠡园街道,蠡湖街道,太湖街道|214000|0510|2|Jiangsu|Wuxi|Binhu District|太湖大道=Taihu Avenue;蠡湖大道=Lihu Avenue
        370602|山东省|烟台市|芝罘区|向阳街道,东山街道,通伸街道,奇山街道|264000|0535|1|Shandong|Yantai|Zhifu District|南大街=Nan Street;北马路=Beima Road;环山路=Huanshan Road
        320282|江苏省|无锡市|宜兴市|宜城街道,新庄街道,新街街道,芳桥街道|214200|0510|1|Jiangsu|Wuxi|Yixing|解放东路=Jiefang East Road
        350582|福建省|泉州市|晋江市|青阳街道,梅岭街道,西园街道,罗山街道|362200|0595|2|Fujian|Quanzhou|Jinjiang|世纪大道=Century Avenue;泉安路=Quan'an Road
        441302|广东省|惠州市|惠城区|桥东街道,桥西街道,江南街道,江北街道|516000|0752|2|Guangdong|Huizhou|Huicheng District|麦地路=Maidi Road;惠州大道=Huizhou Avenue
        440402|广东省|珠海市|香洲区|翠香街道,梅华街道,前山街道,吉大街道|519000|0756|2|Guangdong|Zhuhai|Xiangzhou District|情侣路=Qinglv Road;凤凰路=Fenghuang Road;迎宾南路=Yingbin South Road
        330402|浙江省|嘉兴市|南湖区|建设街道,解放街道,新嘉街道,南湖街道|314000|0573|1|Zhejiang|Jiaxing|Nanhu District|中山东路=Zhongshan East Road;南湖路=Nanhu Road
        330281|浙江省|宁波市|余姚市|梨洲街道,凤山街道,兰江街道,阳明街道|315400|0574|1|Zhejiang|Ningbo|Yuyao|阳明西路=Yangming West Road
        """;

    /// <summary>Roads found in almost every Chinese city; used where a county lists none or for variety.</summary>
    public static readonly Road[] GenericRoads = ParseRoads(
        "人民路=Renmin Road;中山路=Zhongshan Road;解放路=Jiefang Road;建设路=Jianshe Road;和平路=Heping Road;" +
        "新华路=Xinhua Road;胜利路=Shengli Road;文化路=Wenhua Road;长江路=Changjiang Road;黄河路=Huanghe Road;" +
        "学府路=Xuefu Road;科技路=Keji Road;创业路=Chuangye Road;滨江路=Binjiang Road;东风路=Dongfeng Road;" +
        "青年路=Qingnian Road;光明路=Guangming Road;友谊路=Youyi Road;工业大道=Gongye Avenue;迎宾大道=Yingbin Avenue;" +
        "幸福街=Xingfu Street;花园路=Huayuan Road;北京路=Beijing Road;南京路=Nanjing Road;延安路=Yan'an Road;" +
        "复兴路=Fuxing Road;健康路=Jiankang Road;体育路=Tiyu Road;新建路=Xinjian Road;环城路=Huancheng Road;" +
        "府前路=Fuqian Road;站前路=Zhanqian Road;公园路=Gongyuan Road;民主路=Minzhu Road;团结路=Tuanjie Road;" +
        "红旗路=Hongqi Road;金融街=Jinrong Street;西大街=Xi Street");

    /// <summary>Residential compound names (小区).</summary>
    public static readonly Place[] Compounds = ParsePlaces(
        "阳光花园=Sunshine Garden;碧水湾=Bishui Bay;翠苑小区=Cuiyuan Estate;幸福家园=Xingfu Homeland;" +
        "锦绣华庭=Jinxiu Court;金色家园=Golden Home;绿景花园=Lvjing Garden;世纪花园=Century Garden;" +
        "海景花园=Seaview Garden;名仕公寓=Mingshi Apartments;丽景苑=Lijing Court;春华苑=Chunhua Court;" +
        "怡景花园=Yijing Garden;桃源居=Taoyuan Residence;御景湾=Yujing Bay;紫荆花园=Zijing Garden;" +
        "华侨新村=Huaqiao New Village;职工宿舍=Staff Dormitory;金地花园=Jindi Garden;万家丽园=Wanjiali Garden");

    /// <summary>Office buildings companies sit in.</summary>
    public static readonly Place[] OfficeBuildings = ParsePlaces(
        "国贸大厦=Guomao Tower;科技大厦=Science and Technology Building;金融中心=Financial Center;商务中心=Business Center;" +
        "创业大厦=Chuangye Building;时代广场=Times Square;环球中心=Global Center;世贸中心=World Trade Center;" +
        "发展大厦=Development Building;财富中心=Fortune Center;汇金大厦=Huijin Building;星河大厦=Xinghe Tower;" +
        "电子大厦=Electronics Building;中银大厦=Zhongyin Building;工业园=Industrial Park");

    public static readonly County[] All = ParseTable();

    /// <summary>Cumulative <see cref="County.Weight"/>, for drawing bigger cities more often.</summary>
    private static readonly int[] CumulativeWeights = RandomExtensions.Cumulative(All, c => c.Weight);

    public static County Draw(Random random) => All[random.PickWeighted(CumulativeWeights)];

    private static County[] ParseTable()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new County[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var p = lines[i].Split('|');
            result[i] = new County
            {
                Code = p[0],
                Province = p[1],
                ProvinceShort = ShortProvince(p[1]),
                City = p[2],
                CityShort = StripSuffix(p[2], "市"),
                Name = p[3],
                NameShort = ShortCounty(p[3]),
                Townships = p[4].Split(','),
                Postcode = p[5],
                AreaCode = p[6],
                Weight = int.Parse(p[7], System.Globalization.CultureInfo.InvariantCulture),
                ProvinceEnglish = p[8],
                CityEnglish = p[9],
                English = p[10],
                LocalRoads = ParseRoads(p[11]),
            };
        }
        return result;
    }

    private static string ShortProvince(string name) => name switch
    {
        "广西壮族自治区" => "广西",
        "内蒙古自治区" => "内蒙古",
        "宁夏回族自治区" => "宁夏",
        "新疆维吾尔自治区" => "新疆",
        "西藏自治区" => "西藏",
        _ => StripSuffix(StripSuffix(name, "省"), "市"),
    };

    private static string ShortCounty(string name)
    {
        if (name.EndsWith("新区", StringComparison.Ordinal)) return name[..^2];
        return name.Length > 2 && (name.EndsWith('区') || name.EndsWith('市') || name.EndsWith('县')) ? name[..^1] : name;
    }

    private static string StripSuffix(string s, string suffix) =>
        s.Length > suffix.Length + 1 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    private static Road[] ParseRoads(string spec)
    {
        var parts = spec.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var roads = new Road[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var kv = parts[i].Split('=');
            roads[i] = new Road(kv[0], kv[1]);
        }
        return roads;
    }

    private static Place[] ParsePlaces(string spec)
    {
        var parts = spec.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var places = new Place[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var kv = parts[i].Split('=');
            places[i] = new Place(kv[0], kv[1]);
        }
        return places;
    }
}
