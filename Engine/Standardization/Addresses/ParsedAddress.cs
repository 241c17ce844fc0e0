namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// An address split into NBS division codes and a normalized remainder.
/// </summary>
/// <param name="ProvinceCode">2-digit NBS province code, null when not found.</param>
/// <param name="CityCode">4-digit city code; for municipalities and directly administered counties the placeholder
/// city (1101 市辖区, 4290 省直辖县级行政区划 …).</param>
/// <param name="CountyCode">6-digit county code (= GB/T 2260).</param>
/// <param name="TownshipCode">9-digit township/street code.</param>
/// <param name="Remainder">The normalized rest after the divisions (road, number, building, room).</param>
/// <param name="Normalized">Canonical full text: official division names (inferred levels included) + remainder.</param>
/// <param name="IsChinese">True when any input contains Han characters (codes are only looked for then).</param>
/// <param name="Postcode">6-digit mainland postcode (from the column or found in the text); for non-Chinese
/// addresses the postcode column, trimmed and upper-cased.</param>
public sealed record ParsedAddress(
    string? ProvinceCode,
    string? CityCode,
    string? CountyCode,
    string? TownshipCode,
    string Remainder,
    string Normalized,
    bool IsChinese,
    string? Postcode)
{
    /// <summary>The most specific division code found: county ?? city ?? province (NBS code).</summary>
    public string? MostSpecificCode => CountyCode ?? CityCode ?? ProvinceCode;
}
