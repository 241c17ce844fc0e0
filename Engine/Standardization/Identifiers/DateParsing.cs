using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Outcome of parsing a date.</summary>
/// <param name="Input">The raw source value (empty string for null).</param>
/// <param name="Value">The date, only when <paramref name="IsValid"/>.</param>
/// <param name="IsValid">A real date between 1900-01-01 and today.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
public sealed record DateResult(string Input, DateOnly? Value, bool IsValid, QualityFinding? Finding);

/// <summary>
/// Birth dates in the many shapes legacy systems store them, without exceptions or regular expressions.
/// </summary>
/// <remarks>
/// <para>Shapes recognised (after folding full-width digits and punctuation): yyyy-M-d with '-', '/', '.' or space
/// separators; yyyyMMdd; yyyy年M月d日 (日 or 号 optional); a time part after whitespace or 'T' is ignored
/// ("1985-03-07T08:00:00Z", "1985/3/7 0:00:00"); English month names ("7 Mar 1985", "March 7, 1985", "1985-Mar-07");
/// d/M/yyyy or M/d/yyyy only when one of the first two parts is above 12, when both are equal, or when the caller's
/// format says which comes first. Two-digit years, Chinese numerals (一九八五年) and spreadsheet serial numbers are not
/// recognised.</para>
/// <para>Placeholders that systems use for "unknown" are invalid with code "placeholder": all zeros ("0", "00000000",
/// "0000-00-00"), 1900-01-01 and 9999-12-31.</para>
/// </remarks>
public static class DateParsing
{
    private const int MaxLength = 64;
    private static readonly DateOnly Placeholder1900 = new(1900, 1, 1);
    private static readonly DateOnly Placeholder9999 = new(9999, 12, 31);

    /// <summary>
    /// Parses a birth date. <paramref name="format"/> (a .NET custom format such as "yyyyMMdd" or "dd/MM/yyyy", invariant
    /// culture) is tried first and also decides day/month order for ambiguous values; dates after
    /// <paramref name="today"/> (default: today UTC) or before 1900-01-01 are invalid. Never throws.
    /// </summary>
    public static DateResult Parse(string? value, string? format = null, DateOnly? today = null)
    {
        var input = value ?? string.Empty;
        var raw = input.AsSpan().Trim();
        if (raw.IsEmpty)
            return new DateResult(input, null, false, null);
        if (raw.Length > MaxLength)
            return Invalid(input, IdentifierFindingCodes.Unparsed, $"{raw.Length} characters is too long for a date");

        Span<char> buf = stackalloc char[MaxLength];
        int n = 0;
        bool allZero = true, anyDigit = false;
        foreach (var c0 in raw)
        {
            var c = IdentifierChars.Fold(c0);
            buf[n++] = c;
            if (IdentifierChars.IsAsciiDigit(c))
            {
                anyDigit = true;
                allZero &= c == '0';
            }
            else if (!IsSeparator(c))
            {
                allZero = false;
            }
        }
        var text = buf[..n].Trim();
        var limit = today ?? IdentifierChars.TodayUtc();

        if (allZero && anyDigit)
            return Invalid(input, IdentifierFindingCodes.Placeholder, $"'{input}' is a placeholder, not a date");

        if (IsUsableFormat(format) &&
            DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            var date = DateOnly.FromDateTime(exact);
            return Check(input, date.Year, date.Month, date.Day, limit);
        }

        bool? dayFirstHint = null;
        if (!string.IsNullOrEmpty(format))
        {
            int d = format.IndexOf('d'), m = format.IndexOf('M');
            if (d >= 0 && m >= 0)
                dayFirstHint = d < m;
        }
        return ParseShapes(input, text, dayFirstHint, limit);
    }

    // TryParseExact still throws FormatException for a one-character format that is not a standard date format
    // specifier ("%", "q", "K"); longer custom formats never throw, they just fail to match.
    private static bool IsUsableFormat([NotNullWhen(true)] string? format) =>
        !string.IsNullOrEmpty(format) && (format.Length > 1 || "dDfFgGmMoOrRstTuUyY".Contains(format[0]));

    private static DateResult ParseShapes(string input, ReadOnlySpan<char> s, bool? dayFirstHint, DateOnly limit)
    {
        // Up to three parts: numbers (value and digit count) or month names (digit count 0).
        Span<int> values = stackalloc int[3];
        Span<int> widths = stackalloc int[3];
        int parts = 0, i = 0;
        bool complete = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (IsSeparator(c))
            {
                i++;
                continue;
            }
            if (complete)
            {
                // After a complete date only a time part may follow, introduced by whitespace or 'T'.
                if ((c is 'T' or 't' && i + 1 < s.Length && IdentifierChars.IsAsciiDigit(s[i + 1])) || char.IsWhiteSpace(s[i - 1]))
                    break;
                return Unparsed(input);
            }
            if (IdentifierChars.IsAsciiDigit(c))
            {
                int start = i, v = 0;
                while (i < s.Length && IdentifierChars.IsAsciiDigit(s[i]))
                {
                    if (i - start < 9)
                        v = v * 10 + (s[i] - '0');
                    i++;
                }
                int width = i - start;
                if (width > 8 || parts == 3)
                    return Unparsed(input);
                values[parts] = v;
                widths[parts++] = width;
            }
            else if (IsAsciiLetter(c))
            {
                int start = i;
                while (i < s.Length && IsAsciiLetter(s[i]))
                    i++;
                int month = MonthFromName(s[start..i]);
                if (month == 0 || parts == 3)
                    return Unparsed(input);
                values[parts] = month;
                widths[parts++] = 0;
            }
            else
            {
                return Unparsed(input);
            }
            complete = parts == 3 || (parts == 1 && widths[0] == 8);
        }
        if (!complete)
            return Unparsed(input);

        if (parts == 1)
        {
            int v = values[0];
            return Check(input, v / 10000, v / 100 % 100, v % 100, limit);
        }

        int a = values[0], b = values[1], c2 = values[2];
        int wa = widths[0], wb = widths[1], wc = widths[2];
        if (wa == 8 || wb == 8 || wc == 8)
            return Unparsed(input);

        // A month name fixes the month; the four-digit part is the year, the remaining one the day.
        int named = wa == 0 ? 0 : wb == 0 ? 1 : wc == 0 ? 2 : -1;
        if (named >= 0)
        {
            int month = values[named], year = -1, day = -1, names = 0;
            for (int k = 0; k < 3; k++)
            {
                if (widths[k] == 0)
                    names++;
                else if (widths[k] == 4)
                    year = values[k];
                else if (widths[k] <= 2)
                    day = values[k];
            }
            if (names != 1 || year < 0 || day < 0)
                return Unparsed(input);
            return Check(input, year, month, day, limit);
        }

        if (wa == 4 && wb <= 2 && wc <= 2)
            return Check(input, a, b, c2, limit);
        if (wc == 4 && wa <= 2 && wb <= 2)
        {
            bool dayFirst;
            if (a > 12 && b <= 12)
                dayFirst = true;
            else if (b > 12 && a <= 12)
                dayFirst = false;
            else if (a == b || (a > 12 && b > 12))
                dayFirst = true; // equal parts read the same either way; both above 12 fails the month check
            else if (dayFirstHint is { } hint)
                dayFirst = hint;
            else
                return Invalid(input, IdentifierFindingCodes.AmbiguousDate,
                    $"'{input}' could be day/month or month/day; give the source's date format");
            return dayFirst ? Check(input, c2, b, a, limit) : Check(input, c2, a, b, limit);
        }
        return Unparsed(input);
    }

    private static DateResult Check(string input, int year, int month, int day, DateOnly limit)
    {
        if (year < 1 || year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Invalid(input, IdentifierFindingCodes.InvalidDate, $"{year:D4}-{month:D2}-{day:D2} is not a real date");
        var date = new DateOnly(year, month, day);
        if (date == Placeholder1900 || date == Placeholder9999)
            return Invalid(input, IdentifierFindingCodes.Placeholder, $"{IdentifierChars.FormatDate(year, month, day)} is a placeholder, not a date");
        if (date < IdentifierChars.MinBirthDate)
            return Invalid(input, IdentifierFindingCodes.OutOfRange, $"{IdentifierChars.FormatDate(year, month, day)} is before 1900");
        if (date > limit)
            return Invalid(input, IdentifierFindingCodes.OutOfRange, $"{IdentifierChars.FormatDate(year, month, day)} is in the future");
        return new DateResult(input, date, true, null);
    }

    private static bool IsSeparator(char c) =>
        c is '-' or '/' or '.' or ',' or ' ' or '\t' or '年' or '月' or '日' or '号' or '\u3000';

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    // Month number from an English name or abbreviation ("Mar", "march", "Sept"); 0 if none.
    private static int MonthFromName(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 9)
            return 0;
        Span<char> lower = stackalloc char[name.Length];
        for (int k = 0; k < name.Length; k++)
            lower[k] = (char)(name[k] | 0x20);
        ReadOnlySpan<string> months =
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int m = 0; m < months.Length; m++)
        {
            if (months[m].AsSpan().StartsWith(lower))
                return m + 1;
        }
        return 0;
    }

    private static DateResult Unparsed(string input) =>
        Invalid(input, IdentifierFindingCodes.Unparsed, $"'{input}' is not a recognised date");

    private static DateResult Invalid(string input, string code, string message) =>
        new(input, null, false, new QualityFinding(CanonicalField.BirthDate, code, message));
}
