namespace Mdm.Engine.Records;

/// <summary>Per-system settings from the sources file that standardization and survivorship need.</summary>
/// <param name="FieldFormats">Canonical field → source format (e.g. birth_date → "yyyyMMdd").</param>
/// <param name="KindDeclared">The sources file says which records are organizations (a kind column or a fixed kind): then the kind is not inferred from names.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the country whose national format the source's phone numbers are written in ("country", default CN).</param>
public sealed record SystemProfile(string System, int Trust, IReadOnlyDictionary<string, string> FieldFormats, bool FullExtract, bool KindDeclared = false,
    string Country = Standardization.Identifiers.PhoneNumber.DefaultCountry);
