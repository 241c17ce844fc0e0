using Mdm.Engine.Records;
using Mdm.Engine.Standardization;
using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// The properties a generated address must satisfy when standardized the way the product does it
/// (<see cref="RecordStandardizer"/>: fold, traditional → simplified, parse, street key):
/// <list type="number">
/// <item>every division the text names unambiguously is recovered: the county when named, the township when named
/// (and it is one of the county's), the city and province above them;</item>
/// <item>no code is ever wrong: a level that is not recovered is null, never another division (a township of another
/// county gives no township code);</item>
/// <item>the street key (road name and number) is the same as for the canonical full form and the bare road.</item>
/// </list>
/// </summary>
internal static class AddressProperty
{
    private static readonly RecordStandardizer Standardizer = new();

    // Every name (full, short) of provinces, cities and counties → the divisions it can denote.
    private static readonly Dictionary<string, List<DivisionNode>> NameIndex = BuildNameIndex();

    private static Dictionary<string, List<DivisionNode>> BuildNameIndex()
    {
        var index = new Dictionary<string, List<DivisionNode>>(StringComparer.Ordinal);
        void Add(string? name, DivisionNode node)
        {
            if (name is null) return;
            if (!index.TryGetValue(name, out var list)) index[name] = list = [];
            if (!list.Contains(node)) list.Add(node);
        }
        // Besides the names the generator writes, every abbreviation the parser knows (连山 is also 连山壮族瑶族自治县):
        // a name is only unambiguous if no division in scope has it in any form.
        void AddAll(DivisionNode node)
        {
            if (!(node.Level == 2 && node.IsPlaceholder)) Add(node.Name, node);
            Add(AddressGenerator.ShortName(node), node);
            foreach (string a in DivisionNames.Abbreviations(node.Level, node.Name)) Add(a, node);
        }
        foreach (var p in AddressGenerator.Catalog.ProvinceNodes)
        {
            AddAll(p);
            foreach (var c in p.ChildNodes)
            {
                AddAll(c);
                foreach (var k in c.ChildNodes) AddAll(k);
            }
        }
        return index;
    }

    /// <summary>
    /// Forms left out because the text itself reads two ways:
    /// a short name that opens the address and is directly followed by a road or township whose start reads as a place
    /// (陕西站前路, 云浮新村路, 汝阳环学桥路, 太子河南村镇: 北京站前街 and 深圳湾路 are roads named after the place, and nothing
    /// before says which).
    /// </summary>
    public static bool IsDocumentedException(AddressSpec s)
    {
        NameForm first = s.Province != NameForm.Omitted ? s.Province : s.City != NameForm.Omitted ? s.City : s.CountyForm;
        bool onlyOne = (s.Province != NameForm.Omitted ? 1 : 0) + (s.City != NameForm.Omitted ? 1 : 0)
            + (s.CountyForm != NameForm.Omitted ? 1 : 0) == 1;
        if (first == NameForm.Short && onlyOne && StartsLikePlace(s.Township?.Name ?? s.Road)) return true;
        // 吉林 and 海南 are provinces and cities: without the county the township may belong to either reading.
        if (s.Province == NameForm.Short && s.CountyForm == NameForm.Omitted && s.Township is not null
            && Resolve(AddressGenerator.ShortName(s.County.Province), null) is null)
            return true;
        return ShortCountyRunsIntoTownship(s) || AmbiguousShortCounty(s) || RunsIntoLongerDivisionName(s);
    }

    /// <summary>
    /// The last division written and the text after it spell a longer division name: 东昌 + 府兴银东街 reads 东昌府(区),
    /// 青河 + 县功镇 reads 青河县 + 功镇.
    /// </summary>
    private static bool RunsIntoLongerDivisionName(AddressSpec s)
    {
        DivisionNode k = s.County;
        string? last = AddressGenerator.Written(k, s.CountyForm) ?? AddressGenerator.Written(k.City, s.City)
            ?? AddressGenerator.Written(k.Province, s.Province);
        if (last is null || s.Separator.Length > 0) return false;
        string text = last + (s.Township?.Name ?? s.Road);
        foreach (var e in AddressGenerator.Catalog.Names.Candidates(text[0]))
        {
            if (e.Name.Length > last.Length && text.StartsWith(e.Name, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// A short county name that denotes several counties where it stands (通州 alone: 北京 and 南通; 北戴河 in 秦皇岛:
    /// 北戴河区 and 北戴河新区): the parser rightly places none, and with no suffix left the name stays in the street.
    /// </summary>
    private static bool AmbiguousShortCounty(AddressSpec s)
    {
        if (s.CountyForm != NameForm.Short) return false;
        DivisionNode k = s.County;
        DivisionNode? province = s.Province == NameForm.Omitted ? null : k.Province;
        DivisionNode? city = s.City == NameForm.Omitted ? null : Resolve(AddressGenerator.Written(k.City, s.City), province);
        return Resolve(AddressGenerator.ShortName(k), city ?? province) is null;
    }

    /// <summary>
    /// A short county name followed by a township whose first characters complete another township name:
    /// 万全 + 镇渡乡 reads as 万全镇 + 渡乡 just as well.
    /// </summary>
    private static bool ShortCountyRunsIntoTownship(AddressSpec s)
    {
        if (s.CountyForm != NameForm.Short || s.Township is null || s.County.Townships is not { } towns) return false;
        string written = AddressGenerator.ShortName(s.County)!;
        string text = written + s.Township.Name;
        foreach (var e in towns.Candidates(text[0]))
        {
            if (e.Name.Length > written.Length && text.StartsWith(e.Name, StringComparison.Ordinal)
                && !e.Targets.Any(x => ReferenceEquals(x.Node, s.Township)))
                return true;
        }
        // Or of any county: 富顺 + 镇子梁乡 reads 富顺镇 + 子梁乡.
        for (int end = written.Length + 1; end < text.Length; end++)
        {
            if (AddressGenerator.Catalog.IsTownshipName(text.AsSpan(0, end))) return true;
        }
        return false;
    }

    // The parser's own guard against reading 深圳湾, 北京站, 中山公园 as divisions.
    private static bool StartsLikePlace(string road) => DivisionMatcher.RejectsAbbreviation("x" + road, 1);

    private static string Stem(string township)
    {
        foreach (string w in (ReadOnlySpan<string>)["街道", "镇", "乡"])
        {
            if (township.EndsWith(w, StringComparison.Ordinal) && township.Length - w.Length >= 2) return township[..^w.Length];
        }
        return township;
    }

    /// <summary>Scope-aware lookup: the one division under <paramref name="scope"/> (or anywhere) a written name denotes.</summary>
    private static DivisionNode? Resolve(string? written, DivisionNode? scope)
    {
        if (written is null || !NameIndex.TryGetValue(written, out var nodes)) return null;
        DivisionNode? found = null;
        foreach (var n in nodes)
        {
            if (scope is not null && (n.Level <= scope.Level || !ReferenceEquals(n.AncestorAt(scope.Level), scope))) continue;
            if (found is not null) return null;
            found = n;
        }
        return found;
    }

    public static StandardizedRecord Standardize(string address) =>
        Standardizer.Standardize(new SourceRecord("prop", "1", PartyKind.Person,
            new Dictionary<string, string> { [CanonicalField.Address] = address }));

    /// <summary>What is wrong with the standardized spec (empty when the properties hold).</summary>
    public static List<string> Violations(AddressSpec s)
    {
        var problems = new List<string>();
        string text = AddressGenerator.Render(s);
        StandardizedRecord r = Standardize(text);
        DivisionNode k = s.County;

        string? pWritten = AddressGenerator.Written(k.Province, s.Province);
        string? cWritten = AddressGenerator.Written(k.City, s.City);
        string? kWritten = AddressGenerator.Written(k, s.CountyForm);

        // What the text names unambiguously, level by level, each within the one above it.
        DivisionNode? province = pWritten is null ? null : Resolve(pWritten, null);
        DivisionNode? city = cWritten is null ? null : Resolve(cWritten, province);
        DivisionNode? county = kWritten is null ? null : Resolve(kWritten, city ?? province);
        bool cityAmbiguous = cWritten is not null && !ReferenceEquals(city, k.City);
        if (cityAmbiguous) county = kWritten is null ? null : Resolve(kWritten, province);
        bool countyNamed = ReferenceEquals(county, k);

        // The township the text names: one of this county's with that name, if it is unique there.
        DivisionNode? own = null;
        bool ownAmbiguous = false;
        if (s.Township is { } t)
        {
            var same = k.ChildNodes.Where(x => x.Name == t.Name).ToList();
            own = same.Count == 1 ? same[0] : null;
            // Another county's 兴隆镇 where this one has 兴隆街道 may well be the same place renamed: either reading is right.
            ownAmbiguous = same.Count > 1 || (same.Count == 0 && k.ChildNodes.Any(x => Stem(x.Name) == Stem(t.Name)));
        }
        bool townshipNamed = own is not null && (countyNamed
            || (kWritten is null && ReferenceEquals(city, k.City) && !k.City!.IsPlaceholder
                // 萧县经济开发区 is written 经济开发区 too: another county's township of that name makes it ambiguous.
                && k.City.ChildNodes.SelectMany(x => x.ChildNodes).Count(x => x.Name == own.Name || x.CanonicalName == own.Name) == 1));

        void Level(string what, Feature feature, DivisionNode truth, bool required, bool present)
        {
            string? actual = r[feature];
            if (required && actual != truth.Code) problems.Add($"{what} {actual ?? "null"} != {truth.Code}");
            else if (present && actual is not null && actual != truth.Code) problems.Add($"{what} {actual} is wrong (true {truth.Code})");
        }
        bool anyBelow = countyNamed || townshipNamed;
        Level("province", Feature.ProvinceCode, k.Province, province is not null || anyBelow || city is not null, pWritten is not null);
        Level("city", Feature.CityCode, k.City!, anyBelow || ReferenceEquals(city, k.City), cWritten is not null);
        Level("county", Feature.CountyCode, k, countyNamed || townshipNamed, kWritten is not null || own is not null);
        if (s.Township is not null && own is null && r[Feature.TownshipCode] is { } wrong
            && !(ownAmbiguous && k.ChildNodes.Any(x => x.Code == wrong && (x.Name == s.Township.Name || Stem(x.Name) == Stem(s.Township.Name)))))
            problems.Add($"township {wrong} given for a township of another county");
        if (own is not null) Level("township", Feature.TownshipCode, own, townshipNamed, true);
        if (s.Township is null && r[Feature.TownshipCode] is { } extra) problems.Add($"township {extra} not in the text");

        // Street key: as for the bare road, and as for the canonical full form.
        var bare = Standardize(s.Road + s.Number + "号");
        string? name = bare[Feature.StreetName], number = bare[Feature.StreetNumber];
        if (name is null || number is null) problems.Add($"bare road {s.Road}{s.Number}号 gives no street key");
        var canonical = Standardize(AddressGenerator.Canonical(s));
        if (canonical[Feature.StreetName] != name || canonical[Feature.StreetNumber] != number)
            problems.Add($"canonical street {canonical[Feature.StreetName]}/{canonical[Feature.StreetNumber]} != {name}/{number}");
        if (r[Feature.StreetName] != name || r[Feature.StreetNumber] != number)
            problems.Add($"street {r[Feature.StreetName]}/{r[Feature.StreetNumber]} != {name}/{number}");
        return problems;
    }
}
