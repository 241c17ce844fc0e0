using System.Collections.Frozen;
using System.Reflection;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// The NBS division tree of mainland China (2023 edition: 31 provinces, 342 cities, 2,978 counties, 41,352 townships)
/// with the name indexes the <see cref="AddressParser"/> matches against. Immutable once built; safe for concurrent use.
/// </summary>
public sealed class DivisionCatalog
{
    /// <summary>Logical name of the embedded resource (Engine/Resources/zh/divisions/cn_divisions.tsv).</summary>
    public const string ResourceName = "Mdm.Resources.zh.divisions.cn_divisions.tsv";

    private static readonly Lazy<DivisionCatalog> s_default =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, DivisionNode> _byCode;
    private readonly DivisionNode[] _provinces;

    /// <summary>The catalog built from the embedded NBS 2023 data (loaded on first use, thread-safe).</summary>
    public static DivisionCatalog Default => s_default.Value;

    private DivisionCatalog(FrozenDictionary<string, DivisionNode> byCode, DivisionNode[] provinces, DivisionNameTable names, int count)
    {
        _byCode = byCode;
        _provinces = provinces;
        Names = names;
        Count = count;
        Provinces = Array.ConvertAll(provinces, static p => p.Division);
    }

    /// <summary>Number of divisions at all four levels.</summary>
    public int Count { get; }

    /// <summary>The 31 provinces, autonomous regions and municipalities, in code order.</summary>
    public IReadOnlyList<Division> Provinces { get; }

    /// <summary>True when <paramref name="name"/> is the full name of a township somewhere in the country (茶镇, 高楼坪侗族乡).</summary>
    internal bool IsTownshipName(ReadOnlySpan<char> name) => _townshipNames.Contains(name);

    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _townshipNames;

    /// <summary>Names (full and abbreviated) of all provinces, cities and counties.</summary>
    internal DivisionNameTable Names { get; }

    internal IReadOnlyList<DivisionNode> ProvinceNodes => _provinces;

    /// <summary>
    /// The division with an NBS code (2, 4, 6 or 9 digits). Also accepts GB/T 2260 padded forms of provinces and
    /// cities ("440000" → 广东省, "440300" → 深圳市). Null when unknown.
    /// </summary>
    public Division? ByCode(string code) => NodeByCode(code)?.Division;

    internal DivisionNode? NodeByCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        if (_byCode.TryGetValue(code, out var node)) return node;
        if (code.Length == 6 && code.EndsWith("00", StringComparison.Ordinal))
        {
            var lookup = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
            if (code.EndsWith("0000", StringComparison.Ordinal) && lookup.TryGetValue(code.AsSpan(0, 2), out node)) return node;
            if (lookup.TryGetValue(code.AsSpan(0, 4), out node)) return node;
        }
        return null;
    }

    /// <summary>The direct children of a division, in code order; empty for townships and unknown codes.</summary>
    public IReadOnlyList<Division> Children(string code) => NodeByCode(code)?.ChildDivisions ?? [];

    /// <summary>
    /// The 6-digit GB/T 2260 code of a division at any level: province 11 → "110000", city 4403 → "440300",
    /// county as is, township → its county's code.
    /// </summary>
    public static string ToGbt2260(Division d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Code.Length switch
        {
            2 => d.Code + "0000",
            4 => d.Code + "00",
            6 => d.Code,
            _ => d.Code[..6],
        };
    }

    private static DivisionCatalog LoadEmbedded()
    {
        Assembly assembly = typeof(DivisionCatalog).Assembly;
        using Stream stream = OpenResource(assembly, ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    /// <summary>
    /// Opens an embedded resource by its dotted logical name. MSBuild keeps the directory separator of
    /// %(RecursiveDir) in the logical name on some platforms ("Mdm.Resources.zh/divisions/…"), so both spellings are tried.
    /// </summary>
    internal static Stream? OpenResource(Assembly assembly, string dottedName)
    {
        Stream? stream = assembly.GetManifestResourceStream(dottedName);
        if (stream is not null) return stream;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.Length == dottedName.Length && name.Replace('/', '.').Replace('\\', '.') == dottedName)
                return assembly.GetManifestResourceStream(name);
        }
        return null;
    }

    /// <summary>Builds a catalog from "code TAB name" lines (one header line), parents before children.</summary>
    internal static DivisionCatalog Load(TextReader reader)
    {
        var byCode = new Dictionary<string, DivisionNode>(50_000, StringComparer.Ordinal);
        var provinces = new List<DivisionNode>(34);
        string? line = reader.ReadLine(); // header
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"Bad division line: '{line}'.");
            string code = line[..tab];
            string name = line[(tab + 1)..];
            (byte level, int parentLength) = code.Length switch
            {
                2 => ((byte)1, 0),
                4 => ((byte)2, 2),
                6 => ((byte)3, 4),
                9 => ((byte)4, 6),
                _ => throw new InvalidDataException($"Bad division code '{code}'."),
            };
            DivisionNode? parent = null;
            if (parentLength > 0 && !byCode.TryGetValue(code[..parentLength], out parent))
                throw new InvalidDataException($"Division {code} has no parent {code[..parentLength]}.");
            var node = new DivisionNode(new Division(level, code, name, parent?.Code), parent);
            node.CanonicalName = name;
            byCode.Add(code, node);
            if (parent is null)
            {
                provinces.Add(node);
                node.IsMunicipality = code is "11" or "12" or "31" or "50";
            }
            else parent.ChildNodes.Add(node);
            node.ProvinceNumber = (code[0] - '0') * 10 + (code[1] - '0');
            if (level == 2)
                node.IsPlaceholder = name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划";
        }

        var globalNames = new List<(string, DivisionNode, bool)>(16_000);
        var townNames = new List<(string, DivisionNode, bool)>(64);
        foreach (var node in byCode.Values)
        {
            node.ChildNodes.Sort(static (a, b) => string.CompareOrdinal(a.Code, b.Code));
            var children = new Division[node.ChildNodes.Count];
            for (int i = 0; i < children.Length; i++) children[i] = node.ChildNodes[i].Division;
            node.ChildDivisions = children;

            if (node.Level == 2 && node.ChildNodes.Count == 1 && node.ChildNodes[0].Name == node.Name)
                node.SameNameCounty = node.ChildNodes[0];

            if (node.Level <= 3)
            {
                AddNames(globalNames, node);
            }
            if (node.Level == 3 && node.ChildNodes.Count > 0)
            {
                townNames.Clear();
                foreach (var town in node.ChildNodes) AddNames(townNames, town);
                node.Townships = DivisionNameTable.Build(townNames);
            }
        }
        provinces.Sort(static (a, b) => string.CompareOrdinal(a.Code, b.Code));
        var catalog = new DivisionCatalog(byCode.ToFrozenDictionary(StringComparer.Ordinal), provinces.ToArray(),
            DivisionNameTable.Build(globalNames), byCode.Count);
        catalog._townshipNames = byCode.Values.Where(static n => n.Level == 4).Select(static n => n.CanonicalName)
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return catalog;

        static void AddNames(List<(string, DivisionNode, bool)> names, DivisionNode node)
        {
            string full = TextFold.FoldCompact(node.Name);
            Add(names, full, node, false);
            if (node.Level < 4)
            {
                foreach (string abbreviation in DivisionNames.Abbreviations(node.Level, full))
                    Add(names, abbreviation, node, true);
                return;
            }
            // Township: derived names must not shadow the county itself (南山街道 → 南山区 / 南山 would hide 南山区).
            string county = TextFold.FoldCompact(node.Parent!.Name);
            List<string> countyNames = DivisionNames.Abbreviations(3, county);
            countyNames.Add(county);
            List<string> variants = DivisionNames.TownshipVariants(county, full);
            if (variants.Count > 0 && (full.StartsWith(variants[0], StringComparison.Ordinal) || full.EndsWith(variants[0], StringComparison.Ordinal)))
                node.CanonicalName = variants[0]; // 召陵区老窝镇 → 老窝镇, 东湖风景区街道(洪山) → 东湖风景区街道
            foreach (string b in variants)
            {
                if (b != full && !countyNames.Contains(b)) Add(names, b, node, false);
                foreach (string abbreviation in DivisionNames.Abbreviations(4, b))
                {
                    if (!countyNames.Contains(abbreviation)) Add(names, abbreviation, node, true);
                }
            }
        }

        // Input is converted to simplified script before parsing, and that conversion also rewrites characters that
        // are valid in simplified names (乾安县 → 干安县, 瀂港街道): the converted spelling is matched too.
        static void Add(List<(string, DivisionNode, bool)> names, string name, DivisionNode node, bool isShort)
        {
            names.Add((name, node, isShort));
            string converted = ChineseScript.Default.ToSimplified(name);
            if (!ReferenceEquals(converted, name) && converted != name) names.Add((converted, node, isShort));
        }
    }
}
