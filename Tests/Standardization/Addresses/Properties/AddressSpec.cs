using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// One generated address: a county of the catalogue, how each level above it is written, an optional township
/// (any of the catalogue's, so possibly one of another county) between the county and the road, and the spelling options.
/// </summary>
internal sealed record AddressSpec(
    DivisionNode County,
    NameForm Province,
    NameForm City,
    NameForm CountyForm,
    DivisionNode? Township,
    string Road,
    int Number,
    bool Traditional,
    bool FullWidthDigits,
    bool Hash,
    string Separator)
{
    public override string ToString() =>
        $"{AddressGenerator.Render(this)}  [county {County.Code}, P/C/K {Province}/{City}/{CountyForm}, "
        + $"township {Township?.Code ?? "-"}, trad {Traditional}, fw {FullWidthDigits}, # {Hash}, sep '{Separator}']";
}
