using System.Globalization;

namespace Mdm.Connectors;

/// <summary>
/// Lenient parsers for the amounts, dates and timestamps of legacy exports: full-width digits and punctuation
/// (１２３．５０), thousands separators, currency symbols and codes, and the usual Chinese date layouts.
/// </summary>
public static class ValueParsers
{
    private const int StackLimit = 128;

    private static readonly string[] CurrencyPrefixes = ["人民币", "RMB", "CNY", "USD", "HKD", "¥", "￥", "$", "€", "£"];
    private static readonly string[] CurrencySuffixes = ["人民币", "RMB", "CNY", "USD", "HKD", "元"];

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyyMMdd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d'T'H:mm:ss", "yyyyMMddHHmmss",
        "yyyy-M-d H:mm:ss.FFFFFFF", "yyyy-M-d'T'H:mm:ss.FFFFFFF",
    ];

    private static readonly string[] CompactTimestampFormats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMdd"];

    private static readonly string[] ChineseTimestampFormats = ["yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm:ss"];

    /// <summary>
    /// Parses an amount: invariant culture ("1234.5", "1,234.50", "-12", "(12.00)"), full-width forms ("１２３４．５"),
    /// with an optional currency symbol or code ("¥1234.5", "￥88", "RMB 12", "12元").
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        var s = NormalizeWidth(text, buffer).Trim();

        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..].TrimStart();
        }
        s = StripAffixes(s);
        if (s.IsEmpty) return false;
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands |
                NumberStyles.AllowParentheses | NumberStyles.AllowTrailingSign, CultureInfo.InvariantCulture, out amount))
            return false;
        if (negative)
        {
            if (amount < 0) return false; // "--5", "-(5)": not an amount anyone meant
            amount = -amount;
        }
        return true;
    }

    /// <summary>
    /// Parses a date: <paramref name="format"/> first when given, then yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd, yyyy.MM.dd,
    /// yyyy年M月d日 (months and days with or without a leading zero), also followed by a time of day, which is dropped.
    /// </summary>
    public static bool TryParseDate(string? text, string? format, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        var s = NormalizeWidth(text, buffer).Trim();
        DateTime value;
        if (format is not null &&
            DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            date = DateOnly.FromDateTime(value);
            return true;
        }
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            date = DateOnly.FromDateTime(value);
            return true;
        }
        // ISO 8601 with an offset ("2024-03-01T10:00:00+08:00"): the date as written, not shifted to another zone.
        if (s.Length > 10 && s[4] == '-' &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
        {
            date = DateOnly.FromDateTime(withOffset.DateTime);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Parses a last-change time: <paramref name="format"/> when given (exactly), else ISO 8601 and the layouts
    /// <see cref="TryParseDate"/> knows, yyyyMMddHHmmss, or Unix seconds (10 digits) / milliseconds (13 digits).
    /// A time without an offset is taken as UTC, so the result does not depend on the machine's time zone.
    /// </summary>
    public static bool TryParseTimestamp(string? text, string? format, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        var s = NormalizeWidth(text, buffer).Trim();
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (format is not null)
            return DateTimeOffset.TryParseExact(s, format, CultureInfo.InvariantCulture, styles, out timestamp);

        if (IsDigits(s))
        {
            if ((s.Length == 10 || s.Length == 13) && s[0] == '1')
            {
                var number = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
                timestamp = s.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(number) : DateTimeOffset.FromUnixTimeMilliseconds(number);
                return true;
            }
            return DateTimeOffset.TryParseExact(s, CompactTimestampFormats, CultureInfo.InvariantCulture, styles, out timestamp);
        }
        // The general parser first: it takes ISO 8601 and "yyyy-MM-dd HH:mm:ss" (the usual export) in one pass.
        if (s.Length >= 8 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out timestamp)) return true;
        return DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, styles, out timestamp) ||
               DateTimeOffset.TryParseExact(s, ChineseTimestampFormats, CultureInfo.InvariantCulture, styles, out timestamp);
    }

    /// <summary>Maps full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space to ASCII, into <paramref name="buffer"/>.</summary>
    internal static ReadOnlySpan<char> NormalizeWidth(string text, Span<char> buffer)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            buffer[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u2212' => '-', // minus sign
                _ => c,
            };
        }
        return buffer[..text.Length];
    }

    private static ReadOnlySpan<char> StripAffixes(ReadOnlySpan<char> s)
    {
        foreach (var prefix in CurrencyPrefixes)
        {
            if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            s = s[prefix.Length..].TrimStart();
            break;
        }
        foreach (var suffix in CurrencySuffixes)
        {
            if (!s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            s = s[..^suffix.Length].TrimEnd();
            break;
        }
        return s;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
