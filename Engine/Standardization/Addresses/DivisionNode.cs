namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// The catalog's internal, linked view of a <see cref="Division"/>: ancestors by level (so "is X under Y" is one
/// reference comparison) and, for counties, the table of township names matched inside them.
/// </summary>
internal sealed class DivisionNode
{
    public DivisionNode(Division division, DivisionNode? parent)
    {
        Division = division;
        Level = division.Level;
        Parent = parent;
        Province = parent?.Province ?? this;
        City = Level >= 2 ? (Level == 2 ? this : parent!.City) : null;
        County = Level >= 3 ? (Level == 3 ? this : parent!.County) : null;
    }

    public Division Division { get; }
    public byte Level { get; }
    public string Code => Division.Code;
    public string Name => Division.Name;
    public DivisionNode? Parent { get; }
    public DivisionNode Province { get; }
    public DivisionNode? City { get; }
    public DivisionNode? County { get; }
    public List<DivisionNode> ChildNodes { get; } = new();
    public Division[] ChildDivisions { get; set; } = [];

    /// <summary>
    /// City-level placeholder that is not a real city: 市辖区 / 县 under a municipality, 省直辖县级行政区划 and
    /// 自治区直辖县级行政区划. Left out of canonical text.
    /// </summary>
    public bool IsPlaceholder { get; set; }

    /// <summary>Province-level municipality (北京, 天津, 上海, 重庆): its cities are placeholders.</summary>
    public bool IsMunicipality { get; set; }

    /// <summary>For prefecture-level cities without districts (东莞, 中山, 儋州, 嘉峪关): the single county-level child of the same name.</summary>
    public DivisionNode? SameNameCounty { get; set; }

    /// <summary>
    /// The name used in canonical text: for townships the official name without a repeated county prefix or
    /// bracketed qualifier (召陵区老窝镇 → 老窝镇, 东湖风景区街道（洪山） → 东湖风景区街道); otherwise the official name.
    /// </summary>
    public string CanonicalName { get; set; } = "";

    /// <summary>Township/street names under this county (null when it has none).</summary>
    public DivisionNameTable? Townships { get; set; }

    /// <summary>The 2-digit province code as a number (for postcode checks).</summary>
    public int ProvinceNumber { get; set; }

    public DivisionNode? AncestorAt(int level) => level switch
    {
        1 => Province,
        2 => City,
        3 => County,
        4 => Level == 4 ? this : null,
        _ => null,
    };

    public override string ToString() => Code + " " + Name;
}
