using Mdm.Engine.Quality;
using Mdm.Engine.Records;
using PhoneNumbers;
using LibraryNumber = PhoneNumbers.PhoneNumber;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>
/// Phone numbers as found in customer records, normalized to E.164; a number without a country code is read in the
/// national format of the source's country (China by default). libphonenumber decides what a valid number is.
/// </summary>
/// <remarks>
/// <para>Own code does only what libphonenumber does not (measured, see Benchmarks/RESULTS.md "Phone parsing: library vs
/// own code"): one pass folds full-width characters, keeps the digits and a leading '+', skips a trunk "(0)" after a
/// country code, stops at an extension (转, 分机, ext, x, #; the library rejects 转 and 分机 as "not a number") and notes
/// where '-' groups start; the library then parses the compact digits (a sixth faster than the raw text). When the number
/// is not valid, a trailing '-' group of up to 6 digits is taken for an extension ("010-12345678-123", which the library
/// reads as too long), and a country code written without '+' is tried ("852 2123 4567", "0044 20 …" from a country
/// whose international prefix is not 00).</para>
/// <para>Lists: ; , | 、 and line breaks always separate numbers; '/' and whitespace separate them only when the value
/// as a whole is not one valid number but its parts are ("310/246 -1501" is one US number, "13812345678/0755-87654321" two).</para>
/// </remarks>
public static class PhoneNumber
{
    /// <summary>The country whose national format a source's numbers are read in unless the sources file says otherwise.</summary>
    public const string DefaultCountry = "CN";

    private const int MaxDigits = 32;
    private const int MaxBoundaries = 16;
    private const int MaxExtensionDigits = 6;
    private const int MaxSplitTokens = 16;
    // A country code of up to 3 digits and, as libphonenumber allows (German numbers), up to 17 national digits.
    private const int MaxNumberDigits = 20;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Countries = new(Util.GetSupportedRegions(), StringComparer.Ordinal);

    /// <summary>Whether <paramref name="country"/> is an ISO 3166-1 alpha-2 code (upper case) with a known numbering plan.</summary>
    public static bool IsSupportedCountry(string? country) => country is not null && Countries.Contains(country);

    /// <summary>Parses a single phone number; <paramref name="country"/> is the ISO 3166-1 alpha-2 code national numbers belong to. Never throws for a value.</summary>
    public static PhoneResult Parse(string? value, string country = DefaultCountry)
    {
        CheckCountry(country);
        var input = value ?? string.Empty;
        return Parse(input, input.AsSpan(), country);
    }

    /// <summary>
    /// Parses a value holding one or more numbers separated by ; , | 、 ， ； or line breaks, or by '/' or whitespace when
    /// the value (or part) as a whole is not one valid number but its parts are ("13812345678 13987654321").
    /// Empty list for null or blank. Never throws for a value.
    /// </summary>
    public static IReadOnlyList<PhoneResult> ParseMany(string? value, string country = DefaultCountry)
    {
        CheckCountry(country);
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
                AddPiece(results, text, country);
            }
            if (cut < 0)
                break;
            rest = rest[(cut + 1)..];
            offset += cut + 1;
        }
        return results;
    }

    /// <summary>Area code (without trunk prefix) of a valid fixed-line number in E.164 form, or null.</summary>
    internal static string? AreaCodeOf(string e164)
    {
        try
        {
            var number = Util.Parse(e164, null);
            int length = Util.GetLengthOfGeographicalAreaCode(number);
            return length > 0 ? Util.GetNationalSignificantNumber(number)[..length] : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static void CheckCountry(string country)
    {
        if (!Countries.Contains(country))
            throw new ArgumentException($"'{country}' is not an ISO 3166-1 alpha-2 country code with a known numbering plan", nameof(country));
    }

    private static void AddPiece(List<PhoneResult> results, string text, string country)
    {
        bool slash = text.Contains('/') || text.Contains('／');
        // Before the whole: two German numbers "030-126829/030-123453" are also one valid number of 17 digits.
        if (slash && TrySplit(results, text, country, slashes: true, trunkStarts: true))
            return;
        var whole = Parse(text, text.AsSpan(), country);
        if (whole.IsValid || whole.Finding is null)
        {
            results.Add(whole);
            return;
        }
        // A group after a '/' may start with 0 inside one number ("080/012 -6163", a Taiwanese toll-free number).
        if (slash && TrySplit(results, text, country, slashes: true, trunkStarts: false))
            return;
        if (TrySplit(results, text, country, slashes: false))
            return;
        if (slash)
        {
            // Not one number, nor valid numbers only: each '/' part is reported on its own, as with ';'.
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && !IsSlash(text[i]))
                    continue;
                var part = text.AsSpan(start, i - start).Trim();
                if (!part.IsEmpty)
                {
                    var partText = part.ToString();
                    var r = Parse(partText, partText.AsSpan(), country);
                    if (r.IsValid || r.Finding is null || !TrySplit(results, partText, country, slashes: false))
                        results.Add(r);
                }
                start = i + 1;
            }
            return;
        }
        results.Add(whole);
    }

    // Greedy longest-valid grouping of the tokens between separators ('/' or whitespace); commits only when every group is
    // a valid number and there are at least two. With trunkStarts, a part after a '/' starting with '+' or the trunk
    // prefix (0 in most countries) starts a number: "030 123477/0800/1234567898" is 030 123477 and 0800 1234567898, though the first two
    // parts together are a valid German number too.
    private static bool TrySplit(List<PhoneResult> results, string text, string country, bool slashes, bool trunkStarts = false)
    {
        var trunk = trunkStarts ? Util.GetMetadataForRegion(country)?.NationalPrefix : null;
        Span<int> starts = stackalloc int[MaxSplitTokens];
        Span<int> ends = stackalloc int[MaxSplitTokens];
        int count = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSeparator(text[i], slashes))
                i++;
            if (i == text.Length)
                break;
            if (count == MaxSplitTokens)
                return false;
            starts[count] = i;
            while (i < text.Length && !IsSeparator(text[i], slashes))
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
                if (last > first && trunkStarts && StartsNumber(text.AsSpan(starts[last], ends[last] - starts[last]).TrimStart(), trunk))
                    break;
                var r = Parse(string.Empty, text.AsSpan(starts[first], ends[last] - starts[first]), country);
                if (r.IsValid)
                {
                    best = r;
                    bestLast = last;
                }
            }
            if (best is null)
                return false;
            found.Add(best with { Input = text.Substring(starts[first], ends[bestLast] - starts[first]).Trim() });
            first = bestLast + 1;
        }
        if (found.Count < 2)
            return false;
        results.AddRange(found);
        return true;
    }

    private static bool StartsNumber(ReadOnlySpan<char> part, string? trunk)
    {
        if (part.IsEmpty) return false;
        var c = IdentifierChars.Fold(part[0]);
        if (c == '+') return true;
        if (c == '(' && part.Length > 1) c = IdentifierChars.Fold(part[1]);
        return !string.IsNullOrEmpty(trunk) && c == trunk[0];
    }

    private static bool IsSeparator(char c, bool slashes) => slashes ? IsSlash(c) : IsSpace(c);

    private static bool IsSlash(char c) => c is '/' or '／';

    private static int IndexOfListSeparator(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            switch (IdentifierChars.Fold(s[i]))
            {
                case ';' or ',' or '|' or '\u3001' or '\n' or '\r':
                    return i;
            }
        }
        return -1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' || char.IsWhiteSpace(c);

    private static PhoneResult Parse(string input, ReadOnlySpan<char> text, string country)
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
            // A trunk "(0)" after the country code: "+44 (0)20 …", "+886 (0)2 …" (in compact digits "+88602…" the library keeps the 0).
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
                : new PhoneResult(input, null, PhoneKind.Unknown, false, null);
        }
        if (total > MaxNumberDigits)
            return Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, $"{total} digits is too long for a phone number");

        var d = digits[..n];
        var b = boundaries[..nb];
        if (Read(d, plus, country) is { } number)
            return number.With(input, country);

        // A trailing '-' group is an extension when the digits before it are a number.
        for (int k = b.Length - 1; k >= 0 && n - b[k] <= MaxExtensionDigits; k--)
        {
            if (Read(d[..b[k]], plus, country) is { } shorter)
                return shorter.With(input, country);
        }
        if (!plus)
        {
            // A country code without '+': "00 44 …" from a country whose international prefix is not 00, "852 2123 4567".
            if (d.StartsWith("00") && Read(d[2..], true, country) is { } idd)
                return idd.With(input, country);
            if (n >= 11 && d[0] != '0' && Read(d, true, country) is { } bare)
                return bare.With(input, country);
        }
        return Diagnose(input, d, plus, country);
    }

    /// <summary>A valid number read from compact digits, or null.</summary>
    private static ValidNumber? Read(ReadOnlySpan<char> digits, bool plus, string country)
    {
        if (digits.IsEmpty)
            return null;
        try
        {
            var number = Util.Parse(plus ? string.Concat("+", digits) : new string(digits), country);
            var type = Util.GetNumberType(number);
            return type == PhoneNumberType.UNKNOWN ? null : new ValidNumber(number, type);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private readonly record struct ValidNumber(LibraryNumber Number, PhoneNumberType Type)
    {
        public PhoneResult With(string input, string country)
        {
            var home = Number.CountryCode == Util.GetCountryCodeForRegion(country);
            var kind = !home ? PhoneKind.International : Type switch
            {
                PhoneNumberType.MOBILE => PhoneKind.Mobile,
                PhoneNumberType.FIXED_LINE => PhoneKind.Landline,
                PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneKind.FixedLineOrMobile,
                PhoneNumberType.TOLL_FREE or PhoneNumberType.SHARED_COST or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.UAN
                    => PhoneKind.ServiceNumber,
                _ => PhoneKind.Unknown,
            };
            return new PhoneResult(input, Util.Format(Number, PhoneNumberFormat.E164), kind, true, null);
        }
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

    /// <summary>Why digits that are no valid number are not: the finding a quality report groups by.</summary>
    private static PhoneResult Diagnose(string input, ReadOnlySpan<char> d, bool plus, string country)
    {
        // Chinese forms the library cannot name: a mobile with a digit too many or too few (the library finds 10 and 12
        // digits possible for other kinds), and a fixed line without its area code (it takes 7-8 digits for possible).
        if (country == "CN" && !plus && !d.StartsWith("00"))
        {
            bool trunk = d[0] == '0';
            var s = trunk ? d[1..] : d;
            if (s.Length >= 2 && s[0] == '1' && s[1] is >= '3' and <= '9' && s.Length != 11)
                return Invalid(input, PhoneKind.Mobile, IdentifierFindingCodes.InvalidLength, $"mobile number {s} has {s.Length} digits, expected 11");
            if (!trunk && s.Length is 7 or 8 && s[0] is >= '2' and <= '9')
                return Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.MissingAreaCode, $"fixed-line number {s} has no area code");
        }

        LibraryNumber number;
        try
        {
            number = Util.Parse(plus ? string.Concat("+", d) : new string(d), country);
        }
        catch (NumberParseException e)
        {
            return e.ErrorType switch
            {
                ErrorType.TOO_LONG => Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, $"{d.Length} digits is too long for a phone number"),
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD =>
                    Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.InvalidLength, $"{d.Length} digits is too short for a phone number"),
                ErrorType.INVALID_COUNTRY_CODE => Invalid(input, PhoneKind.International, IdentifierFindingCodes.Unparsed, $"+{d} does not start with a country code"),
                _ => Invalid(input, PhoneKind.Unknown, IdentifierFindingCodes.Unparsed, $"{d} is not a phone number"),
            };
        }

        var nsn = Util.GetNationalSignificantNumber(number);
        var shown = $"+{number.CountryCode} {nsn}";
        var kind = number.CountryCode == Util.GetCountryCodeForRegion(country) ? PhoneKind.Unknown : PhoneKind.International;
        return Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY =>
                Invalid(input, PhoneKind.Landline, IdentifierFindingCodes.MissingAreaCode, $"{nsn} is a local number without its area code"),
            PhoneNumberUtil.ValidationResult.TOO_SHORT =>
                Invalid(input, kind, IdentifierFindingCodes.InvalidLength, $"{shown} has {nsn.Length} digits after the country code, too few"),
            PhoneNumberUtil.ValidationResult.TOO_LONG or PhoneNumberUtil.ValidationResult.INVALID_LENGTH =>
                Invalid(input, kind, IdentifierFindingCodes.InvalidLength, $"{shown} has {nsn.Length} digits after the country code, a length +{number.CountryCode} does not use"),
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE =>
                Invalid(input, PhoneKind.International, IdentifierFindingCodes.Unparsed, $"+{number.CountryCode} is not a country code"),
            _ => Invalid(input, kind, IdentifierFindingCodes.InvalidNumber, $"{shown} is not a number the numbering plan of +{number.CountryCode} assigns"),
        };
    }

    private static PhoneResult Invalid(string input, PhoneKind kind, string code, string message) =>
        new(input, null, kind, false, new QualityFinding(CanonicalField.Phone, code, message));
}
