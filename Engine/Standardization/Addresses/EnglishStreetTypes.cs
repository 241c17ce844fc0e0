using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Street types of English-language addresses and their standard abbreviations: the primary street suffix names of the
/// USPS Publication 28, appendix C1 (United States), and the road types of AS/NZS 4819 (Australia, New Zealand), where
/// Febrl-style and Commonwealth addresses take theirs. A road's type is what tells its name from a locality's.
/// </summary>
internal static class EnglishStreetTypes
{
    /// <summary>Full name (and common variants) → standard abbreviation.</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // USPS Publication 28, C1 (primary names).
        ["alley"] = "aly", ["annex"] = "anx", ["arcade"] = "arc", ["avenue"] = "ave", ["av"] = "ave", ["bayou"] = "byu",
        ["beach"] = "bch", ["bend"] = "bnd", ["bluff"] = "blf", ["bottom"] = "btm", ["boulevard"] = "blvd", ["branch"] = "br",
        ["bridge"] = "brg", ["brook"] = "brk", ["bypass"] = "byp", ["canyon"] = "cyn", ["cape"] = "cpe",
        ["causeway"] = "cswy", ["center"] = "ctr", ["centre"] = "ctr", ["circle"] = "cir", ["cliff"] = "clf", ["common"] = "cmn",
        ["corner"] = "cor", ["course"] = "crse", ["court"] = "ct", ["cove"] = "cv", ["creek"] = "crk", ["crescent"] = "cres",
        ["crest"] = "crst", ["crossing"] = "xing", ["curve"] = "curv", ["drive"] = "dr", ["estate"] = "est",
        ["expressway"] = "expy", ["extension"] = "ext", ["ferry"] = "fry", ["field"] = "fld", ["ford"] = "frd",
        ["forest"] = "frst", ["fork"] = "frk", ["freeway"] = "fwy", ["garden"] = "gdn", ["gardens"] = "gdns",
        ["gateway"] = "gtwy", ["glen"] = "gln", ["grove"] = "grv", ["harbor"] = "hbr", ["harbour"] = "hbr", ["haven"] = "hvn",
        ["heights"] = "hts", ["highway"] = "hwy", ["hollow"] = "holw", ["island"] = "is", ["junction"] = "jct",
        ["knoll"] = "knl", ["landing"] = "lndg", ["lane"] = "ln", ["manor"] = "mnr", ["meadow"] = "mdw", ["meadows"] = "mdws",
        ["parkway"] = "pkwy", ["place"] = "pl", ["plaza"] = "plz", ["point"] = "pt", ["ridge"] = "rdg", ["road"] = "rd",
        ["route"] = "rte", ["square"] = "sq", ["street"] = "st", ["str"] = "st", ["terrace"] = "ter", ["trace"] = "trce",
        ["trail"] = "trl", ["tunnel"] = "tunl", ["turnpike"] = "tpke", ["valley"] = "vly", ["viaduct"] = "via",
        ["village"] = "vlg", ["vista"] = "vis",
        // AS/NZS 4819 road types not in C1.
        ["circuit"] = "cct", ["close"] = "cl", ["parade"] = "pde", ["esplanade"] = "esp", ["promenade"] = "prom",
        ["quay"] = "qy", ["retreat"] = "rtt", ["boardwalk"] = "bwlk", ["cul-de-sac"] = "cds", ["concourse"] = "cnc",
        ["outlook"] = "otlk", ["approach"] = "app", ["avenida"] = "ave", ["rise"] = "rise", ["mews"] = "mews",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviations that mark a road, and the few full names kept as they are (way, loop, walk …).</summary>
    public static readonly FrozenSet<string> RoadTypes = Abbreviations.Values
        .Concat(["way", "loop", "walk", "path", "pass", "pike", "row", "run", "mall", "rise", "mews", "hutong", "lu", "jie", "dadao"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Types that name nothing but a road. The others (garden, village, estate, heights, center …) also name housing
    /// estates and buildings ("Wanjiali Garden, 271 Haidian Road"): a road of these types counts only where the
    /// address names no road of a plain type.
    /// </summary>
    public static readonly FrozenSet<string> PlainRoadTypes = new[]
    {
        "st", "rd", "ave", "blvd", "dr", "ln", "ct", "pl", "cres", "cct", "cl", "pde", "way", "hwy", "ter", "sq", "pkwy",
        "cir", "esp", "grv", "aly", "expy", "fwy", "tpke", "rte", "trl", "hutong", "lu", "jie", "dadao",
    }.ToFrozenSet(StringComparer.Ordinal);
}
