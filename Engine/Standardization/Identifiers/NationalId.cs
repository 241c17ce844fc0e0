using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Outcome of parsing a mainland resident identity number.</summary>
/// <param name="Input">The raw source value (empty string for null).</param>
/// <param name="Normalized18">The 18-character number (upper-case X), only when <paramref name="IsValid"/>.</param>
/// <param name="IsValid">Length, characters, province, birth date and check character are all correct.</param>
/// <param name="BirthDate">Birth date encoded in the number, only when valid.</param>
/// <param name="Sex">Sex encoded in the sequence digit (odd male, even female); <see cref="Identifiers.Sex.Unknown"/> when invalid.</param>
/// <param name="RegionCode6">The first six digits (GB/T 2260 county of first registration), only when valid; null for foreign permanent residents.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
/// <param name="WasLegacy15">The input was a first-generation 15-digit number.</param>
public sealed record NationalIdResult(
    string Input, string? Normalized18, bool IsValid, DateOnly? BirthDate, Sex Sex, string? RegionCode6,
    QualityFinding? Finding, bool WasLegacy15)
{
    /// <summary>
    /// A 2023-format Foreign Permanent Resident ID card: starts with 9, then the issuing province, then the nationality code,
    /// with the same birth date, sex digit and check character rules as a resident ID.
    /// </summary>
    public bool IsForeignPermanentResident => Normalized18 is ['9', ..];
}

/// <summary>
/// Mainland China resident identity number (GB 11643-1999), including 15-digit first-generation numbers, residence
/// permits of Hong Kong, Macao and Taiwan residents (81/82/83) and 2023 Foreign Permanent Resident ID cards (leading 9).
/// </summary>
/// <remarks>
/// Accepted province codes (first two digits): 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82, 83; a leading 9
/// must be followed by one of these. The six-digit county code is not checked against today's division list on purpose:
/// numbers keep the code of the county at first registration, and many of those counties have since been abolished.
/// Whitespace, '-', '.' and '_' separators are ignored; full-width characters are folded.
/// </remarks>
public static class NationalId
{
    // ISO 7064 MOD 11-2 weights 2^(17-i) mod 11, and the check character for each remainder.
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    private const int MaxCollected = 24;

    /// <summary>Parses and validates a resident identity number as of today (UTC). Never throws.</summary>
    public static NationalIdResult Parse(string? value) => Parse(value, IdentifierChars.TodayUtc());

    /// <summary>Parses and validates a resident identity number; birth dates after <paramref name="today"/> are invalid. Never throws.</summary>
    public static NationalIdResult Parse(string? value, DateOnly today)
    {
        var input = value ?? string.Empty;
        Span<char> buf = stackalloc char[MaxCollected];
        int n = 0, total = 0, digits = 0;
        foreach (var raw in input)
        {
            var c = IdentifierChars.Fold(raw);
            if (c is ' ' or '-' or '.' or '_' || char.IsWhiteSpace(c))
                continue;
            if (c == 'x')
                c = 'X';
            if (IdentifierChars.IsAsciiDigit(c))
                digits++;
            if (n < MaxCollected)
                buf[n++] = c;
            total++;
        }

        if (total == 0)
            return new NationalIdResult(input, null, false, null, Sex.Unknown, null, null, false);
        if (digits == 0)
            return Invalid(input, IdentifierFindingCodes.Unparsed, $"no digits in '{input}'", false);
        if (total != 18 && total != 15)
            return Invalid(input, IdentifierFindingCodes.InvalidLength, $"{total} characters, expected 18 (or 15 for a first-generation number)", false);

        var id = buf[..total];
        var legacy = total == 15;
        int bodyLength = legacy ? 15 : 17;
        for (int i = 0; i < total; i++)
        {
            var c = id[i];
            if (IdentifierChars.IsAsciiDigit(c) || (c == 'X' && i == 17))
                continue;
            return Invalid(input, IdentifierFindingCodes.InvalidCharacter,
                $"character '{c}' at position {i + 1} is not allowed", legacy);
        }

        // A leading 9 marks a foreign permanent resident card, whose province follows at positions 2-3; if that is not a
        // province either, the finding names the first two digits as for a resident ID, the far more common case.
        var foreign = id[0] == '9' && !legacy;
        int province = foreign ? (id[1] - '0') * 10 + (id[2] - '0') : (id[0] - '0') * 10 + (id[1] - '0');
        if (!IdentifierChars.IsProvinceCode(province))
            return Invalid(input, IdentifierFindingCodes.InvalidRegion, $"province code {id[..2]} does not exist", legacy);

        // Birth date: YYYYMMDD at 7-14, or YYMMDD at 7-12 of a 15-digit number (always 19YY).
        int year = legacy ? 1900 + Number(id.Slice(6, 2)) : Number(id.Slice(6, 4));
        int dateAt = legacy ? 8 : 10;
        int month = Number(id.Slice(dateAt, 2)), day = Number(id.Slice(dateAt + 2, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Invalid(input, IdentifierFindingCodes.InvalidDate,
                $"birth date {year:D4}{month:D2}{day:D2} is not a real date", legacy);
        var birth = new DateOnly(year, month, day);
        if (birth < IdentifierChars.MinBirthDate)
            return Invalid(input, IdentifierFindingCodes.InvalidDate, $"birth date {IdentifierChars.FormatDate(year, month, day)} is before 1900", legacy);
        if (birth > today)
            return Invalid(input, IdentifierFindingCodes.InvalidDate, $"birth date {IdentifierChars.FormatDate(year, month, day)} is in the future", legacy);

        Span<char> full = stackalloc char[18];
        if (legacy)
        {
            id[..6].CopyTo(full);
            full[6] = '1';
            full[7] = '9';
            id[6..15].CopyTo(full[8..]);
        }
        else
        {
            id[..bodyLength].CopyTo(full);
        }

        var expected = ComputeCheckChar(full[..17]);
        if (!legacy && id[17] != expected)
            return Invalid(input, IdentifierFindingCodes.InvalidChecksum, $"check character is {id[17]}, expected {expected}", false);
        full[17] = expected;

        var normalized = new string(full);
        var sex = ((full[16] - '0') & 1) == 1 ? Sex.Male : Sex.Female;
        return new NationalIdResult(input, normalized, true, birth, sex, foreign ? null : normalized[..6], null, legacy);
    }

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for the first 17 digits of a resident ID.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 17 characters, or a non-digit among them.</exception>
    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length < 17)
            throw new ArgumentException("At least 17 digits are required.", nameof(first17));
        var weights = Weights;
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            var d = first17[i] - '0';
            if ((uint)d > 9)
                throw new ArgumentException($"Character '{first17[i]}' at position {i + 1} is not a digit.", nameof(first17));
            sum += d * weights[i];
        }
        return CheckChars[sum % 11];
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int v = 0;
        foreach (var c in digits)
            v = v * 10 + (c - '0');
        return v;
    }

    private static NationalIdResult Invalid(string input, string code, string message, bool legacy) =>
        new(input, null, false, null, Sex.Unknown, null, new QualityFinding(CanonicalField.NationalId, code, message), legacy);
}
