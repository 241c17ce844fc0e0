namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Check characters of Chinese identifiers the generator emits: resident ID cards (GB 11643-1999, ISO 7064 MOD 11-2),
/// unified social credit codes (GB 32100-2015, MOD 31) and the organization codes inside them (GB 11714-1997).
/// </summary>
public static class ChineseIdentifiers
{
    private static ReadOnlySpan<int> IdCardWeights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCardCheckChars = "10X98765432";

    /// <summary>The 31 characters allowed in a credit code (no I, O, S, V, Z); a character's value is its index.</summary>
    public const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static ReadOnlySpan<int> OrganizationCodeWeights => [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Check character (0-9 or X) for the first 17 digits of an 18-digit ID card number.</summary>
    public static char IdCardCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("An ID card body has 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = first17[i] - '0';
            if ((uint)d > 9) throw new ArgumentException("An ID card body has only digits.", nameof(first17));
            sum += d * IdCardWeights[i];
        }
        return IdCardCheckChars[sum % 11];
    }

    /// <summary>True if <paramref name="id"/> is 17 digits plus the right check character (x accepted for X).</summary>
    public static bool IsValidIdCard(ReadOnlySpan<char> id)
    {
        if (id.Length != 18) return false;
        foreach (var c in id[..17]) if (!char.IsAsciiDigit(c)) return false;
        return char.ToUpperInvariant(id[17]) == IdCardCheckChar(id[..17]);
    }

    /// <summary>
    /// The first-generation 15-digit number a person born in the 1900s had before the 18-digit one:
    /// region (6) + yyMMdd + sequence (3), i.e. the 18-digit number without "19" and the check character.
    /// </summary>
    public static string ToLegacyIdCard(string id18)
    {
        if (!IsValidIdCard(id18) || id18[6] != '1' || id18[7] != '9')
            throw new ArgumentException("Only valid 18-digit numbers of people born 1900-1999 have a 15-digit form.", nameof(id18));
        return string.Concat(id18.AsSpan(0, 6), id18.AsSpan(8, 9));
    }

    /// <summary>Check character of an 8-character organization code (GB 11714): 0-9 or X.</summary>
    public static char OrganizationCodeCheckChar(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8) throw new ArgumentException("An organization code body has 8 characters.", nameof(first8));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : throw new ArgumentException("Digits and capitals only.", nameof(first8));
            sum += v * OrganizationCodeWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// <summary>Check character of the first 17 characters of a unified social credit code (GB 32100).</summary>
    public static char CreditCodeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("A credit code body has 17 characters.", nameof(first17));
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditCodeAlphabet.IndexOf(first17[i]);
            if (v < 0) throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code.", nameof(first17));
            sum += v * weight;
            weight = weight * 3 % 31;
        }
        var check = 31 - sum % 31;
        return CreditCodeAlphabet[check == 31 ? 0 : check];
    }

    /// <summary>True if <paramref name="code"/> is 18 allowed characters with the right check character.</summary>
    public static bool IsValidCreditCode(ReadOnlySpan<char> code)
    {
        if (code.Length != 18) return false;
        foreach (var c in code) if (CreditCodeAlphabet.IndexOf(c) < 0) return false;
        return code[17] == CreditCodeCheckChar(code[..17]);
    }
}
