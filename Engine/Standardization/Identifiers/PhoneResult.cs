using Mdm.Engine.Quality;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Outcome of parsing one phone number.</summary>
/// <param name="Input">The raw source value, or the part of it this number came from (empty string for null).</param>
/// <param name="E164">The number in E.164 form ("+8613812345678"), only when <paramref name="IsValid"/>.</param>
/// <param name="Kind">Kind of number; <see cref="PhoneKind.Landline"/> is also reported for a fixed line without area code.</param>
/// <param name="IsValid">The number is complete and usable as matching evidence.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
public sealed record PhoneResult(string Input, string? E164, PhoneKind Kind, bool IsValid, QualityFinding? Finding)
{
    /// <summary>
    /// Area code without trunk prefix ("10", "755", "20") of a valid fixed line of the source's country, else null.
    /// Computed when asked: libphonenumber's area-code rule costs about as much as a parse, and matching does not use it.
    /// </summary>
    public string? AreaCode => IsValid && Kind == PhoneKind.Landline && E164 is not null ? PhoneNumber.AreaCodeOf(E164) : null;
}
