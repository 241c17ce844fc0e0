using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// Builds addresses from the division catalogue: every county (deterministically) or random combinations (FsCheck),
/// each written with or without province / city / county, full or short, with a catalogue township before the road,
/// in either script, with full-width digits, # for 号 and separators between the parts.
/// </summary>
internal static class AddressGenerator
{
    public static readonly DivisionCatalog Catalog = DivisionCatalog.Default;

    /// <summary>All counties in code order.</summary>
    public static readonly DivisionNode[] Counties = Catalog.ProvinceNodes
        .SelectMany(p => p.ChildNodes).SelectMany(c => c.ChildNodes).ToArray();

    // Township names as the catalogue writes them whose last word says what they are (街道, 镇, 乡, 苏木, 农场, 管理区 …).
    // Left out: bracketed qualifiers and names that repeat the county (召陵区老窝镇, 通道县播阳农场, 商丘市林场, see StartsWithDivisionName), which nobody writes
    // so, and units
    // such as 监狱 or 服务中心 that are no place in an address; also bare words (街道, 农场), which name nothing.
    private static readonly string[] TownshipWords = ["街道", "镇", "乡", "苏木", "场", "区", "办事处"];

    public static readonly DivisionNode[] Townships = Counties.SelectMany(k => k.ChildNodes).Where(IsWritable).ToArray();

    private static bool IsWritable(DivisionNode t) =>
        t.Name.IndexOfAny(['(', ')', '（', '）']) < 0
        && !t.Name.StartsWith(t.Parent!.Name, StringComparison.Ordinal)
        && (ShortName(t.Parent) is not { } k || !t.Name.StartsWith(k, StringComparison.Ordinal))
        && !DivisionNames.Abbreviations(3, t.Parent.Name).Any(a => t.Name.StartsWith(a, StringComparison.Ordinal))
        && !StartsWithDivisionName(t)
        && TownshipWords.Any(w => t.Name.EndsWith(w, StringComparison.Ordinal))
        && !(t.Name.Length <= 2 && t.Name[^1] is '场' or '区') && t.Name is not ("街道" or "办事处" or "苏木");

    /// <summary>
    /// The township's name starts with a division's: any full name (获嘉县's 西工区 is also 洛阳's 西工区) or a short name
    /// in its own province (安徽怀远马城经济开发区, 桦南林业局岚峰林场): such a text names that division as well.
    /// </summary>
    private static bool StartsWithDivisionName(DivisionNode t)
    {
        foreach (var e in Catalog.Names.Candidates(t.Name[0]))
        {
            if (!t.Name.StartsWith(e.Name, StringComparison.Ordinal)) continue;
            foreach (var target in e.Targets)
            {
                if (!target.IsShort || ReferenceEquals(target.Node.Province, t.Province)) return true;
            }
        }
        return false;
    }

    public static IReadOnlyList<DivisionNode> OwnTownships(DivisionNode county) => county.ChildNodes.Where(IsWritable).ToList();

    // Characters road names are made of. Direction characters (东南西北中) are left to the direction slot, division words
    // (省市区县镇乡) and road types (路街道巷弄) to where they belong; 站, 园, 村, 桥, 前, 新 … stay, since roads start with them.
    private const string RoadChars = "人民建设解放和平胜利文化光明幸福团结友谊青年红旗长江黄河振兴繁荣富强科技工业学府朝阳迎宾"
        + "站前滨湖园村桥金银凤凰龙翔天锦绣育才国华兴复兴安康泰宁德明珠花港湾新大小环";
    private const string Directions = "东南西北中";
    private static readonly string[] RoadTypes = ["路", "街", "大道", "巷", "大街"];

    /// <summary>The short form a person writes, by the generic suffix rules; null when the name has none.</summary>
    public static string? ShortName(DivisionNode node)
    {
        string n = node.Name;
        switch (node.Level)
        {
            case 1:
                if (n.EndsWith("自治区", StringComparison.Ordinal)) return DivisionNames.StripEthnicities(n[..^3]);
                return n.EndsWith('省') || n.EndsWith('市') ? n[..^1] : null;
            case 2:
                if (node.IsPlaceholder) return null;
                if (n.EndsWith("自治州", StringComparison.Ordinal)) return DivisionNames.StripEthnicities(n[..^3]);
                if (n.EndsWith("地区", StringComparison.Ordinal)) return n[..^2];
                return (n.EndsWith('市') || n.EndsWith('盟')) && n.Length >= 3 ? n[..^1] : null;
            case 3:
                // Only the plain suffixes 区/县/市: nobody writes 唐山高新技术产业开发 for …开发区, 峰峰矿 for 峰峰矿区,
                // or drops 旗 from 科尔沁左翼中旗; autonomous counties keep 自治县.
                if (n.EndsWith("新区", StringComparison.Ordinal) && n.Length >= 4) return n[..^2];
                if (n.Length < 3 || n[^1] is not ('区' or '县' or '市') || n.EndsWith("自治县", StringComparison.Ordinal)) return null;
                return n[^2] is '发' or '园' or '理' or '范' or '验' or '业' or '矿' or '林' or '区' ? null : n[..^1];
            default:
                return null;
        }
    }

    /// <summary>The name of a level as the spec writes it (null when omitted or not writable at that level).</summary>
    public static string? Written(DivisionNode? node, NameForm form) => node is null ? null : form switch
    {
        NameForm.Full => node.Level == 2 && node.IsPlaceholder ? null : node.Name,
        NameForm.Short => ShortName(node),
        _ => null,
    };

    /// <summary>Drops forms that cannot be written (a placeholder city, a short form the name lacks).</summary>
    public static AddressSpec Normalize(AddressSpec s)
    {
        DivisionNode k = s.County;
        NameForm p = s.Province, c = s.City, kf = s.CountyForm;
        if (p == NameForm.Short && ShortName(k.Province) is null) p = NameForm.Full;
        // A municipality's city is a placeholder; a city without districts (中山, 东莞) is its own county: one name.
        if (k.City!.IsPlaceholder || k.Province.IsMunicipality || (k.Name == k.City.Name && kf != NameForm.Omitted)) c = NameForm.Omitted;
        if (c == NameForm.Short && ShortName(k.City) is null) c = NameForm.Full;
        if (kf == NameForm.Short && ShortName(k) is null) kf = NameForm.Full;
        // Without the county a township of another county would name that county: use one of this county's.
        DivisionNode? t = s.Township;
        if (t is not null && kf == NameForm.Omitted && !ReferenceEquals(t.Parent, k))
        {
            var own = OwnTownships(k);
            t = own.Count == 0 ? null : own[(int)((uint)t.Code.GetHashCode(StringComparison.Ordinal) % (uint)own.Count)];
        }
        // A township with nothing above it is not an address of this county: its first characters are often another
        // county's name (兴隆华侨农场 of 万宁, 兴隆县 of 承德). Write the province.
        if (t is not null && p == NameForm.Omitted && c == NameForm.Omitted && kf == NameForm.Omitted) p = NameForm.Full;
        return s with { Province = p, City = c, CountyForm = kf, Township = t };
    }

    /// <summary>The text as a source system would hold it.</summary>
    public static string Render(AddressSpec s)
    {
        var parts = new List<string>(5);
        void Add(string? part)
        {
            if (part is not null) parts.Add(part);
        }
        Add(Written(s.County.Province, s.Province));
        Add(Written(s.County.City, s.City));
        Add(Written(s.County, s.CountyForm));
        Add(s.Township?.Name);
        parts.Add(s.Road);
        var sb = new StringBuilder();
        sb.AppendJoin(s.Separator, parts);
        if (s.Separator == " ") sb.Append(' ');
        string digits = s.Number.ToString(CultureInfo.InvariantCulture);
        foreach (char d in digits) sb.Append(s.FullWidthDigits ? (char)(d + 0xFEE0) : d);
        sb.Append(s.Hash ? (s.FullWidthDigits ? '＃' : '#') : '号');
        string text = sb.ToString();
        return s.Traditional ? TraditionalScript.ToTraditional(text) : text;
    }

    /// <summary>The canonical full form of the same address: official names of every level, no township, simplified.</summary>
    public static string Canonical(AddressSpec s)
    {
        DivisionNode k = s.County;
        string city = k.City!.IsPlaceholder ? "" : k.City.Name;
        return k.Province.Name + city + k.Name + s.Road + s.Number.ToString(CultureInfo.InvariantCulture) + "号";
    }

    /// <summary>
    /// True when the road itself starts with a division name that could be read at that place (a county, city or
    /// township name or abbreviation): 光明金桥路 after a county with a 光明街道 reads either way, so none is generated.
    /// </summary>
    public static bool RoadStartsWithDivisionName(DivisionNode county, string road)
    {
        if (StartsWithName(Catalog.Names, road)) return true;
        foreach (var k in county.City!.ChildNodes)
        {
            if (k.Townships is { } towns && StartsWithName(towns, road)) return true;
        }
        return false;

        static bool StartsWithName(DivisionNameTable table, string road)
        {
            foreach (var e in table.Candidates(road[0]))
            {
                if (road.StartsWith(e.Name, StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }

    public static string Road(int first, int second, int third, int length, int direction, int type)
    {
        var sb = new StringBuilder(6);
        sb.Append(RoadChars[first % RoadChars.Length]).Append(RoadChars[second % RoadChars.Length]);
        if (length == 3) sb.Append(RoadChars[third % RoadChars.Length]);
        if (direction < Directions.Length) sb.Append(Directions[direction]);
        string roadType = RoadTypes[type % RoadTypes.Length];
        // 站大 + 街 would read as 站 + 大街.
        if (sb[^1] == '大' && roadType is "街" or "道") roadType = "路";
        sb.Append(roadType);
        return sb.ToString();
    }

    /// <summary>A road for a county drawn from <paramref name="random"/> that does not start with a division name.</summary>
    public static string Road(DivisionNode county, Random random)
    {
        while (true)
        {
            string road = Road(random.Next(RoadChars.Length), random.Next(RoadChars.Length), random.Next(RoadChars.Length),
                random.Next(2, 4), random.Next(Directions.Length * 2), random.Next(RoadTypes.Length));
            if (!RoadStartsWithDivisionName(county, road)) return road;
        }
    }

    private static readonly string[] Separators = ["", "", " ", ",", "，", "、"];

    /// <summary>Random combinations of every dimension, for FsCheck.</summary>
    public static Gen<AddressSpec> Specs()
    {
        Gen<NameForm> form = Gen.Elements(NameForm.Omitted, NameForm.Full, NameForm.Short);
        Gen<string> road = from a in Gen.Choose(0, RoadChars.Length - 1)
                           from b in Gen.Choose(0, RoadChars.Length - 1)
                           from c in Gen.Choose(0, RoadChars.Length - 1)
                           from length in Gen.Choose(2, 3)
                           from direction in Gen.Choose(0, Directions.Length * 2)
                           from type in Gen.Choose(0, RoadTypes.Length - 1)
                           select Road(a, b, c, length, direction, type);
        Gen<DivisionNode?> township = Gen.Frequency(
            (2, Gen.Constant<DivisionNode?>(null)),
            (1, Gen.Elements(Townships).Select(t => (DivisionNode?)t)));
        Gen<AddressSpec> spec =
            from county in Gen.Elements(Counties)
            from p in form
            from c in form
            from k in form
            from t in township
            from ownIndex in Gen.Choose(0, 1000)
            from own in Gen.Elements(false, true)
            from r in road
            from number in Gen.Choose(1, 2999)
            from traditional in Gen.Elements(false, true)
            from fullWidth in Gen.Elements(false, true)
            from hash in Gen.Elements(false, true)
            from sep in Gen.Elements(Separators)
            let owned = OwnTownships(county)
            let chosen = own && t is not null && owned.Count > 0 ? owned[ownIndex % owned.Count] : t
            select Normalize(new AddressSpec(county, p, c, k, chosen, r, number, traditional, fullWidth, hash, sep));
        return spec.Where(s => !RoadStartsWithDivisionName(s.County, s.Road) && !AddressProperty.IsDocumentedException(s));
    }
}
