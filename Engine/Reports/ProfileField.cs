using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Reports;

/// <summary>
/// A field the quality profile measures: which source fields feed it, which records it applies to, and when its
/// standardized value counts as usable (what matching and a letter carrier can rely on).
/// </summary>
public sealed class ProfileField
{
    private ProfileField(string name, string description, PartyKind? appliesTo, string[] sourceFields, Func<StandardizedRecord, bool> usable)
    {
        Name = name;
        Description = description;
        AppliesTo = appliesTo;
        SourceFields = sourceFields;
        Usable = usable;
    }

    public string Name { get; }
    public string Description { get; }

    /// <summary>Null: persons and organizations alike.</summary>
    public PartyKind? AppliesTo { get; }

    /// <summary>Canonical source fields whose raw value counts as "present".</summary>
    public IReadOnlyList<string> SourceFields { get; }

    public Func<StandardizedRecord, bool> Usable { get; }

    public bool Applies(PartyKind kind) => AppliesTo is null || AppliesTo == kind;

    private static readonly string[] AddressSources =
        [CanonicalField.Address, CanonicalField.Province, CanonicalField.City, CanonicalField.District, CanonicalField.Postcode];

    /// <summary>
    /// An address is usable when a street part was found and, for an address in China (a province was recognised, or the
    /// standardizer reported the divisions unrecognised), its county was recognised: only then can mail reach it.
    /// </summary>
    private static bool UsableAddress(StandardizedRecord r)
    {
        if (r[Feature.Address] is null || r[Feature.AddressRemainder] is null) return false;
        if (r[Feature.ProvinceCode] is not null && r[Feature.CountyCode] is null) return false;
        foreach (var f in r.Findings)
            if (f.Field == CanonicalField.Address && f.Code is "unresolved_division" or "incomplete_division") return false;
        return true;
    }

    public static readonly IReadOnlyList<ProfileField> All =
    [
        new("name", "person or company name", null, [CanonicalField.Name, CanonicalField.GivenName, CanonicalField.FamilyName, CanonicalField.CompanyName],
            r => r[Feature.Name] is not null),
        new("birth_date", "valid birth date (or read from a valid ID card)", PartyKind.Person, [CanonicalField.BirthDate], r => r[Feature.BirthDate] is not null),
        new("gender", "gender (or read from a valid ID card)", PartyKind.Person, [CanonicalField.Gender], r => r[Feature.Gender] is not null),
        new("national_id", "valid ID card or other identifier", PartyKind.Person, [CanonicalField.NationalId], r => r[Feature.NationalId] is not null),
        new("credit_code", "valid unified social credit code", PartyKind.Organization, [CanonicalField.CreditCode, CanonicalField.NationalId],
            r => r[Feature.CreditCode] is not null),
        new("phone", "at least one valid phone", null, [CanonicalField.Phone], r => r[Feature.Phones] is not null),
        new("email", "valid e-mail address", null, [CanonicalField.Email], r => r[Feature.Email] is not null),
        new("address", "deliverable address: street and, in China, a recognised county", null, AddressSources, UsableAddress),
        new("province", "province recognised", null, AddressSources, r => r[Feature.ProvinceCode] is not null),
        new("city", "city recognised", null, AddressSources, r => r[Feature.CityCode] is not null),
        new("county", "county or district recognised", null, AddressSources, r => r[Feature.CountyCode] is not null),
        // Filled only by a postcode column; usable also when the address text carries one.
        new("postcode", "postcode (from its column or the address text)", null, [CanonicalField.Postcode], r => r[Feature.Postcode] is not null),
    ];
}
