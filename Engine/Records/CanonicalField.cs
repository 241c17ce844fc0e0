using System.Collections.Frozen;

namespace Mdm.Engine.Records;

/// <summary>
/// The canonical field names a source mapping can target. Connectors map source columns onto these;
/// standardization and matching only ever see these names.
/// </summary>
public static class CanonicalField
{
    public const string Name = "name";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string BirthDate = "birth_date";
    public const string Gender = "gender";
    public const string NationalId = "national_id";
    /// <summary>One or more phone numbers; several numbers in one value are separated by ';' (or any separator the phone parser knows).</summary>
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
    public const string Province = "province";
    public const string City = "city";
    public const string District = "district";
    public const string Postcode = "postcode";
    public const string CompanyName = "company_name";
    public const string CreditCode = "credit_code";

    public static readonly FrozenSet<string> All = new[]
    {
        Name, GivenName, FamilyName, BirthDate, Gender, NationalId, Phone, Email, Address,
        Province, City, District, Postcode, CompanyName, CreditCode,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsCanonical(string field) => All.Contains(field);
}
