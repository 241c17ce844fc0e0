using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>
/// How every store keeps a <see cref="SystemProfile"/> in the systems table: the field formats as JSON, with whether
/// the kind is declared and a non-default phone country beside them as "$" keys (no schema change; a profile stored
/// before them reads as undeclared and China).
/// </summary>
internal static class SystemProfileColumns
{
    private const string KindDeclared = "$kind_declared";
    private const string Country = "$country";

    public static string FormatsJson(SystemProfile profile)
    {
        var formats = new Dictionary<string, string>(profile.FieldFormats, StringComparer.Ordinal);
        if (profile.KindDeclared) formats[KindDeclared] = "1";
        if (profile.Country != Standardization.Identifiers.PhoneNumber.DefaultCountry) formats[Country] = profile.Country;
        return FieldsJson.Serialize(formats);
    }

    public static SystemProfile Read(string system, int trust, string formatsJson, bool fullExtract)
    {
        var formats = FieldsJson.Deserialize(formatsJson);
        var declared = formats.Remove(KindDeclared);
        var country = formats.Remove(Country, out var stored) ? stored : Standardization.Identifiers.PhoneNumber.DefaultCountry;
        return new SystemProfile(system, trust, formats, fullExtract, declared, country);
    }
}
