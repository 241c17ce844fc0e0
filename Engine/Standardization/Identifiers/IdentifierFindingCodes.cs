namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>
/// Stable <see cref="Quality.QualityFinding.Code"/> values produced by the identifier, phone, e-mail, date and gender parsers.
/// Reports group by these codes, so they never change once shipped.
/// </summary>
public static class IdentifierFindingCodes
{
    /// <summary>The check character does not match the one computed from the other characters.</summary>
    public const string InvalidChecksum = "invalid_checksum";
    /// <summary>Wrong number of characters or digits after separators were removed.</summary>
    public const string InvalidLength = "invalid_length";
    /// <summary>A character that the identifier's alphabet does not allow.</summary>
    public const string InvalidCharacter = "invalid_character";
    /// <summary>An embedded date that is not a real calendar date, or lies outside the plausible range.</summary>
    public const string InvalidDate = "invalid_date";
    /// <summary>An embedded region (province) code that does not exist.</summary>
    public const string InvalidRegion = "invalid_region";
    /// <summary>Nothing recognisable in the value.</summary>
    public const string Unparsed = "unparsed";
    /// <summary>A fixed-line number given without its area code: not usable as matching evidence.</summary>
    public const string MissingAreaCode = "missing_area_code";
    /// <summary>A phone number of a possible length that its country's numbering plan does not assign.</summary>
    public const string InvalidNumber = "invalid_number";
    /// <summary>E-mail address that is not syntactically valid.</summary>
    public const string InvalidSyntax = "invalid_syntax";
    /// <summary>A well-formed date before 1900-01-01 or after today.</summary>
    public const string OutOfRange = "out_of_range";
    /// <summary>A value systems use to mean "no date" (0, 00000000, 1900-01-01, 9999-12-31).</summary>
    public const string Placeholder = "placeholder";
    /// <summary>A day/month/year date in which both day and month are at most 12 and differ, with no format to decide.</summary>
    public const string AmbiguousDate = "ambiguous_date";
}
