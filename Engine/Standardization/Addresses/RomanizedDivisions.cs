using System.Collections.Frozen;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Romanized (toneless pinyin) names of prefecture cities and of the counties/districts under each, derived from the
/// division catalog: "foshan" → 佛山市, and under 佛山市 "shunde" → 顺德区. English addresses name their divisions so
/// ("…, Shunde District, Foshan, Guangdong 528300"), and a FEBRL-style export puts "ningbo" in a suburb column; mapping
/// those to the same codes as the Chinese text lets the two forms of one address agree. Built once, read-only.
/// </summary>
internal sealed class RomanizedDivisions
{
    private readonly FrozenDictionary<string, DivisionNode[]> _cities;
    private readonly Dictionary<string, FrozenDictionary<string, DivisionNode>> _countiesByCity;

    public RomanizedDivisions(DivisionCatalog catalog)
    {
        var pinyin = PinyinTable.Default;
        var cities = new Dictionary<string, List<DivisionNode>>(StringComparer.Ordinal);
        _countiesByCity = new Dictionary<string, FrozenDictionary<string, DivisionNode>>(StringComparer.Ordinal);
        foreach (var province in catalog.ProvinceNodes)
        {
            foreach (var city in province.ChildNodes)
            {
                var counties = new Dictionary<string, DivisionNode>(StringComparer.Ordinal);
                var ambiguous = new HashSet<string>(StringComparer.Ordinal);
                foreach (var county in city.ChildNodes)
                {
                    foreach (var key in Keys(pinyin, 3, county.Name))
                    {
                        if (!counties.TryAdd(key, county) && counties[key] != county) ambiguous.Add(key);
                    }
                }
                foreach (var key in ambiguous) counties.Remove(key);
                // A municipality's districts sit under its placeholder city (1101 市辖区): name them under the province code too.
                _countiesByCity[city.Code] = counties.ToFrozenDictionary(StringComparer.Ordinal);
                if (province.IsMunicipality && city == province.ChildNodes[0]) _countiesByCity[province.Code] = _countiesByCity[city.Code];
                if (city.IsPlaceholder) continue;
                foreach (var key in Keys(pinyin, 2, city.Name))
                {
                    if (!cities.TryGetValue(key, out var list)) cities[key] = list = [];
                    if (!list.Contains(city)) list.Add(city);
                }
            }
        }
        _cities = cities.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Keys(PinyinTable pinyin, int level, string name)
    {
        foreach (var abbreviation in DivisionNames.Abbreviations(level, name))
        {
            if (abbreviation.Length < 2 || abbreviation.Length > 4) continue;
            var key = pinyin.ToPinyin(abbreviation, separator: "");
            if (key.Length >= 3) yield return key;
        }
    }

    /// <summary>Prefecture cities romanized as <paramref name="key"/> (lower-case letters), possibly several (苏州/宿州 "suzhou").</summary>
    public ReadOnlySpan<DivisionNode> Cities(string key) => _cities.TryGetValue(key, out var nodes) ? nodes : [];

    /// <summary>The county/district romanized as <paramref name="key"/> under the city (or municipality) code, if unique there.</summary>
    public DivisionNode? County(string cityOrMunicipalityCode, string key) =>
        _countiesByCity.TryGetValue(cityOrMunicipalityCode, out var counties) && counties.TryGetValue(key, out var node) ? node : null;
}
