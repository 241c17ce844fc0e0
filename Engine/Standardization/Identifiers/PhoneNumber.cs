using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>What kind of number a phone value turned out to be.</summary>
public enum PhoneKind : byte
{
    Unknown,
    /// <summary>Mainland mobile, 11 digits 1[3-9]xxxxxxxxx.</summary>
    Mobile,
    /// <summary>Mainland fixed line with area code.</summary>
    Landline,
    /// <summary>Hong Kong, Macao, Taiwan or any other country given with its country code.</summary>
    International,
    /// <summary>Mainland 400/800 company service number: shared by many customers, weak evidence.</summary>
    ServiceNumber,
}

/// <summary>Outcome of parsing one phone number.</summary>
/// <param name="Input">The raw source value, or the part of it this number came from (empty string for null).</param>
/// <param name="E164">The number in E.164 form ("+8613812345678"), only when <paramref name="IsValid"/>.</param>
/// <param name="Kind">Kind of number; <see cref="PhoneKind.Landline"/> is also reported for a fixed line without area code.</param>
/// <param name="AreaCode">Mainland area code without trunk 0 ("10", "755") for fixed lines, else null.</param>
/// <param name="IsValid">The number is complete and usable as matching evidence.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
public sealed record PhoneResult(string Input, string? E164, PhoneKind Kind, string? AreaCode, bool IsValid, QualityFinding? Finding);

/// <summary>
/// Phone numbers as found in Chinese customer records, normalized to E.164 with China (+86) as default region.
/// </summary>
/// <remarks>
/// <para>Accepted: country code as "+86", "0086", "(+86)" or a bare "86" before an 11+ digit number; separators
/// (space, '-', '.', parentheses, any other non-digit text such as "手机:"); a trunk "(0)" after a country code.
/// Extensions introduced by 转, 分机, ext, x or # are dropped, and so is a trailing '-' group beyond the fixed-line length
/// ("010-12345678-123").</para>
/// <para>Mainland area codes: 010 and 020-029 have two digits and 8-digit subscribers; all others have three digits
/// (0755, 0571) and 7- or 8-digit subscribers, which never start with 0. Mobiles may carry a leading long-distance 0.</para>
/// </remarks>
public static class PhoneNumber
{
    private const int MaxDigits = 32;
    private const int MaxBoundaries = 16;
    private const int MaxExtensionDigits = 6;
    private const int MaxSplitTokens = 16;

    /// <summary>Parses a single phone number. Never throws.</summary>
    public static PhoneResult Parse(string? value)
    {
        var input = value ?? string.Empty;
        return Parse(input, input.AsSpan());
    }

    /// <summary>
    /// Parses a value holding one or more numbers separated by ; , / | 、 ， ； or line breaks, or only by whitespace when
    /// the value as a whole is not one valid number but its whitespace-separated parts are ("13812345678 13987654321").
    /// Empty list for null or blank. Never throws.
    /// </summary>
    public static IReadOnlyList<PhoneResult> ParseMany(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];

        var results = new List<PhoneResult>(2);
        var rest = value.AsSpan();
        int offset = 0;
        while (true)
        {
            int cut = IndexOfListSeparator(rest);
            var piece = cut < 0 ? rest : rest[..cut];
            int start = offset;
            int leading = piece.Length - piece.TrimStart().Length;
            piece = piece.Trim();
            if (!piece.IsEmpty)
            {
                // Avoid a substring when the whole value is one piece.
                var text = piece.Length == value.Length ? value : value.Substring(start + leading, piece.Length);
                AddPiece(results, text);
            }
            if (cut < 0)
                break;
            rest = rest[(cut + 1)..];
            offset += cut + 1;
        }
        return results;
    }

    private static void AddPiece(List<PhoneResult> results, string text)
    {
        var whole = Parse(text, text.AsSpan());
        if (whole.IsValid || whole.Finding is null || !TrySplitOnWhitespace(results, text))
            results.Add(whole);
    }

    // Greedy longest-valid grouping of whitespace-separated tokens; commits only when every group is a valid number.
    private static bool TrySplitOnWhitespace(List<PhoneResult> results, string text)
    {
        Span<int> starts = stackalloc int[MaxSplitTokens];
        Span<int> ends = stackalloc int[MaxSplitTokens];
        int count = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i]))
                i++;
            if (i == text.Length)
                break;
            if (count == MaxSplitTokens)
                return false;
            starts[count] = i;
            while (i < text.Length && !IsSpace(text[i]))
                i++;
            ends[count++] = i;
        }
        if (count < 2)
            return false;

        var found = new List<PhoneResult>(2);
        int first = 0;
        while (first < count)
        {
            PhoneResult? best = null;
            int bestLast = -1;
            for (int last = first; last < count; last++)
            {
                var r = Parse(string.Empty, text.AsSpan(starts[first], ends[last] - starts[first]));
                if (r.IsValid)
                {
                    best = r;
                    bestLast = last;
                }
            }
            if (best is null)
                return false;
            found.Add(best with { Input = text.Substring(starts[first], ends[bestLast] - starts[first]) });
            first = bestLast + 1;
        }
        if (found.Count < 2)
            return false;
        results.AddRange(found);
        return true;
    }

    private static int IndexOfListSeparator(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            switch (IdentifierChars.Fold(s[i]))
            {
                case ';' or ',' or '/' or '|' or '\u3001' or '\n' or '\r':
                    return i;
            }
        }
        return -1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' || char.IsWhiteSpace(c);

    private static PhoneResult Parse(string input, ReadOnlySpan<char> text)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        Span<int> boundaries = stackalloc int[MaxBoundaries];
        int n = 0, nb = 0, total = 0;
        bool plus = false, pendingBoundary = false, anyText = false;

        for (int i = 0; i < text.Length; i++)
        {
            var c = IdentifierChars.Fold(text[i]);
            if (IdentifierChars.IsAsciiDigit(c))
            {
                if (pendingBoundary && nb < MaxBoundaries)
                    boundaries[nb++] = n;
                pendingBoundary = false;
                if (n < MaxDigits)
                    digits[n++] = c;
                total++;
                continue;
            }
            if (!char.IsWhiteSpace(c))
                anyText = true;
            if (total == 0)
            {
                if (c == '+')
                    plus = true;
                continue;
            }
            // A trunk "(0)" after the country code: "+44 (0)20 …", "+86 (0)755 …".
            if (c == '(' && i + 2 < text.Length && IdentifierChars.Fold(text[i + 1]) == '0' && IdentifierChars.Fold(text[i + 2]) == ')')
            {
                i += 2;
                continue;
            }
            if (IsExtensionMarker(text, i, c))
                break;
            // Only a dash can introduce a trailing extension ("010-12345678-123"); spaces separate digit groups or numbers.
            if (c == '-')
                pendingBoundary = true;
        }

        if (total == 0)
        {
            return anyText
                ? Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.Unparsed, "no digits in the value")
                : new PhoneResult(input, null, PhoneKind.Unknown, null, false, null);
        }
        if (total > MaxDigits)
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, $"{total} digits is too long for a phone number");

        var d = digits[..n];
        var b = boundaries[..nb];
        if (plus || d.StartsWith("00"))
            return ParseInternational(input, d, b, plus ? 0 : 2);

        // A bare 86 country code: no domestic number longer than 8 digits starts with 8 except 800 service numbers.
        if (n >= 11 && d.StartsWith("86"))
            return ParseChina(input, d, b, 2, afterCountryCode: true);
        if (n == 11 && (d.StartsWith("852") || d.StartsWith("853")))
            return International(input, d);
        return ParseChina(input, d, b, 0, afterCountryCode: false);
    }

    private static bool IsExtensionMarker(ReadOnlySpan<char> text, int i, char c)
    {
        switch (c)
        {
            case '转' or '#' or 'x' or 'X':
                return true;
            case 'e' or 'E':
                return i + 2 < text.Length && (IdentifierChars.Fold(text[i + 1]) | 0x20) == 'x' && (IdentifierChars.Fold(text[i + 2]) | 0x20) == 't';
            case '分':
                return i + 1 < text.Length && text[i + 1] == '机';
            default:
                return false;
        }
    }

    private static PhoneResult ParseInternational(string input, ReadOnlySpan<char> d, ReadOnlySpan<int> b, int start)
    {
        var cc = d[start..];
        if (cc.StartsWith("86"))
            return ParseChina(input, d, b, start + 2, afterCountryCode: true);

        if (cc.StartsWith("852") || cc.StartsWith("853"))
        {
            return cc.Length == 11
                ? International(input, cc)
                : Invalid(input, PhoneKind.International, IdentifierFindingCodes.InvalidLength,
                    $"{(cc[2] == '2' ? "Hong Kong" : "Macao")} number has {cc.Length - 3} digits, expected 8");
        }

        if (cc.StartsWith("886"))
        {
            // Taiwan: drop a domestic trunk 0 after the country code; 8-9 national digits.
            var national = cc[3..];
            if (national is ['0', ..])
                national = national[1..];
            if (national.Length is 8 or 9)
                return Valid(input, string.Concat("+886", national), PhoneKind.International, null);
            return Invalid(input, PhoneKind.International, IdentifierFindingCodes.InvalidLength,
                $"Taiwan number has {national.Length} digits, expected 8 or 9");
        }

        if (cc.Length is >= 8 and <= 15 && cc[0] != '0')
            return International(input, cc);
        return Invalid(input, PhoneKind.International, IdentifierFindingCodes.InvalidLength,
            $"international number has {cc.Length} digits, expected 8 to 15");
    }

    // d[start..] is the national number; after a country code it may still carry a trunk 0, which is dropped.
    private static PhoneResult ParseChina(string input, ReadOnlySpan<char> d, ReadOnlySpan<int> boundaries, int start, bool afterCountryCode)
    {
        var s = d[start..];
        if (s.IsEmpty)
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, "country code without a number");

        bool trunk = s[0] == '0';
        if (trunk)
        {
            s = s[1..];
            start++;
        }
        if (s.IsEmpty)
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, "no number after the trunk prefix 0");

        // Mobile, possibly dialled with a long-distance 0.
        if (s.Length >= 2 && s[0] == '1' && s[1] is >= '3' and <= '9')
        {
            if (s.Length == 11)
                return Valid(input, string.Concat("+86", s), PhoneKind.Mobile, null);
            return Invalid(input, PhoneKind.Mobile, IdentifierFindingCodes.InvalidLength, $"mobile number {s} has {s.Length} digits, expected 11");
        }

        if (!trunk && (s.StartsWith("400") || s.StartsWith("800")))
        {
            int length = CutExtension(s, boundaries, start, 10, 10);
            if (length > 0)
                return Valid(input, string.Concat("+86", s[..length]), PhoneKind.ServiceNumber, null);
            return Invalid(input, PhoneKind.ServiceNumber, IdentifierFindingCodes.InvalidLength,
                $"service number {s} has {s.Length} digits, expected 10");
        }

        if (!trunk && !afterCountryCode)
        {
            if (s.Length is 7 or 8 && s[0] is >= '2' and <= '9')
                return Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.MissingAreaCode, $"fixed-line number {s} has no area code");
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.Unparsed,
                $"{s} ({s.Length} digits) is not a mobile, service or fixed-line number");
        }

        // Fixed line: area code without trunk, then subscriber.
        int areaLength;
        if (s[0] == '2' || (s[0] == '1' && s.Length > 1 && s[1] == '0'))
            areaLength = 2;
        else if (s[0] is >= '3' and <= '9')
            areaLength = 3;
        else
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.Unparsed, $"0{s[..Math.Min(2, s.Length)]} is not an area code");

        int minSubscriber = areaLength == 2 ? 8 : 7;
        if (s.Length < areaLength + minSubscriber)
            return Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.InvalidLength,
                $"fixed-line number 0{s} is too short for area code 0{s[..Math.Min(areaLength, s.Length)]}");
        // Real subscriber numbers start with 2-9; a leading 1 is tolerated because sample and test data use "12345678".
        if (s[areaLength] == '0')
            return Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.Unparsed,
                $"subscriber number {s[areaLength..]} after area code 0{s[..areaLength]} cannot start with {s[areaLength]}");

        int end = CutExtension(s, boundaries, start, areaLength + minSubscriber, areaLength + 8);
        if (end < 0)
            return Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.InvalidLength,
                $"fixed-line number 0{s} is too long for area code 0{s[..areaLength]}");

        var area = s[..areaLength];
        return Valid(input, string.Concat("+86", s[..end]), PhoneKind.Landline, area.ToString());
    }

    /// <summary>
    /// Length of the number in <paramref name="s"/> when it is within [min, max], or when a '-' boundary inside
    /// that range leaves at most a short extension behind it; -1 otherwise.
    /// </summary>
    private static int CutExtension(ReadOnlySpan<char> s, ReadOnlySpan<int> boundaries, int start, int min, int max)
    {
        if (s.Length >= min && s.Length <= max)
            return s.Length;
        if (s.Length < min)
            return -1;
        foreach (var absolute in boundaries)
        {
            int at = absolute - start;
            if (at >= min && at <= max && s.Length - at <= MaxExtensionDigits)
                return at;
        }
        return -1;
    }

    private static PhoneResult International(string input, ReadOnlySpan<char> digits) =>
        Valid(input, string.Concat("+", digits), PhoneKind.International, null);

    private static PhoneResult Valid(string input, string e164, PhoneKind kind, string? area) =>
        new(input, e164, kind, area, true, null);

    private static PhoneResult Invalid(string input, PhoneKind kind, string code, string message) =>
        new(input, null, kind, null, false, new QualityFinding(CanonicalField.Phone, code, message));
}
