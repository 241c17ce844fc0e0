namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Character folding and code tables shared by the identifier parsers.</summary>
internal static class IdentifierChars
{
    /// <summary>Earliest birth date accepted anywhere: earlier dates are legacy defaults or typos, not living customers.</summary>
    internal static readonly DateOnly MinBirthDate = new(1900, 1, 1);

    /// <summary>
    /// Folds full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic and no-break spaces to a space, and the dash
    /// look-alikes (U+2010..U+2015 hyphens and dashes, U+2212 minus) to '-'. Cheap enough to run per character.
    /// </summary>
    internal static char Fold(char c)
    {
        if (c < '\u2010')
            return c == '\u00A0' ? ' ' : c;
        if (c >= '\uFF01' && c <= '\uFF5E')
            return (char)(c - 0xFEE0);
        return c switch
        {
            '\u3000' => ' ',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            _ => c,
        };
    }

    internal static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    internal static DateOnly TodayUtc() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Province-level codes of GB/T 2260 that appear as the first two digits of a resident ID or a credit code's region:
    /// the 31 mainland provinces, 71 Taiwan (in GB/T 2260, kept for completeness), 81 Hong Kong and 82 Macao (both also
    /// used by residence permits for HK/Macao residents, 810000/820000) and 83, the code GB 11643 residence permits use for
    /// Taiwan residents (830000).
    /// </summary>
    internal static bool IsProvinceCode(int code) => code switch
    {
        >= 11 and <= 15 => true,
        >= 21 and <= 23 => true,
        >= 31 and <= 37 => true,
        >= 41 and <= 46 => true,
        >= 50 and <= 54 => true,
        >= 61 and <= 65 => true,
        71 or 81 or 82 or 83 => true,
        _ => false,
    };

    internal static string FormatDate(int year, int month, int day) =>
        string.Create(10, (year, month, day), static (span, d) =>
        {
            d.year.TryFormat(span[..4], out _, "D4");
            span[4] = '-';
            d.month.TryFormat(span.Slice(5, 2), out _, "D2");
            span[7] = '-';
            d.day.TryFormat(span.Slice(8, 2), out _, "D2");
        });
}
