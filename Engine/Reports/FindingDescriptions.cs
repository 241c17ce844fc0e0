using Mdm.Engine.Records;
using Mdm.Engine.Standardization.Identifiers;

namespace Mdm.Engine.Reports;

/// <summary>Plain words for a (field, finding code) pair, as a source system's owner reads them.</summary>
public static class FindingDescriptions
{
    /// <summary>Derived by the profile, not by the standardizer: an address whose street, number or building is missing.</summary>
    public const string NoStreet = "no_street";

    public static string Describe(string field, string code) => (field, code) switch
    {
        (CanonicalField.Address, "unresolved_division") => "no province, city or county recognisable",
        (CanonicalField.Address, "incomplete_division") => "county or district not recognisable",
        (CanonicalField.Address, NoStreet) => "no street, number or building",
        (CanonicalField.NationalId, IdentifierFindingCodes.InvalidChecksum) => "ID card check digit wrong",
        (CanonicalField.NationalId, IdentifierFindingCodes.InvalidDate) => "ID card birth date impossible",
        (CanonicalField.NationalId, IdentifierFindingCodes.InvalidRegion) => "ID card region code does not exist",
        (CanonicalField.NationalId, IdentifierFindingCodes.InvalidLength) => "ID card of the wrong length",
        (CanonicalField.NationalId, IdentifierFindingCodes.InvalidCharacter) => "ID card with a character it cannot hold",
        (CanonicalField.BirthDate, "contradicts_id") => "birth date disagrees with the ID card",
        (CanonicalField.Gender, "contradicts_id") => "gender disagrees with the ID card",
        (CanonicalField.BirthDate, IdentifierFindingCodes.Placeholder) => "placeholder date (0, 1900-01-01, 9999-12-31)",
        (CanonicalField.BirthDate, IdentifierFindingCodes.OutOfRange) => "before 1900 or in the future",
        (CanonicalField.BirthDate, IdentifierFindingCodes.AmbiguousDate) => "day and month cannot be told apart",
        (CanonicalField.BirthDate, _) => "not a readable date",
        (CanonicalField.Phone, IdentifierFindingCodes.MissingAreaCode) => "fixed-line number without area code",
        (CanonicalField.Phone, IdentifierFindingCodes.InvalidLength) => "phone of an impossible length",
        (CanonicalField.Phone, IdentifierFindingCodes.InvalidNumber) => "phone number not assigned by the numbering plan",
        (CanonicalField.Phone, _) => "not a phone number",
        (CanonicalField.Email, _) => "e-mail address malformed",
        (CanonicalField.CreditCode, IdentifierFindingCodes.InvalidChecksum) => "credit code check character wrong",
        (CanonicalField.CreditCode, _) => "credit code malformed",
        (CanonicalField.Gender, _) => "gender not recognisable",
        _ => code.Replace('_', ' '),
    };
}
