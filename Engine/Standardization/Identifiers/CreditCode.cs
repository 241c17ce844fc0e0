using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Outcome of parsing a unified social credit code.</summary>
/// <param name="Input">The raw source value (empty string for null).</param>
/// <param name="Normalized">The 18-character upper-case code, only when <paramref name="IsValid"/>.</param>
/// <param name="IsValid">Alphabet, authority, entity type, region and check character are all correct.</param>
/// <param name="RegionCode6">Characters 3-8, the GB/T 2260 region of the registering authority (100000 = central level), only when valid.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
public sealed record CreditCodeResult(string Input, string? Normalized, bool IsValid, string? RegionCode6, QualityFinding? Finding)
{
    /// <summary>Character 1: registration authority ('9' market regulation, '5' civil affairs, '1' institutional organs, 'Y' other, …); '\0' when invalid.</summary>
    public char RegistrationAuthority => Normalized is { } n ? n[0] : '\0';

    /// <summary>Character 2: entity type within the authority (e.g. '1' company, '2' sole proprietorship for authority 9); '\0' when invalid.</summary>
    public char EntityType => Normalized is { } n ? n[1] : '\0';
}

/// <summary>
/// Unified social credit code of organisations (GB 32100-2015): 18 characters from a 31-symbol alphabet without I, O, S, V, Z;
/// the last one is a MOD 31 check character. Whitespace and '-' separators are ignored, full-width and lower-case letters folded.
/// </summary>
/// <remarks>
/// Validated: character 1 is a registration authority code (1-9, A, N, Y); character 2 an entity type digit (1-9);
/// characters 3-8 are digits whose first two are a province code or 10 (central level); characters 9-17 are in the
/// alphabet; character 18 matches the computed check character.
/// </remarks>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static ReadOnlySpan<byte> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private const int MaxCollected = 24;

    /// <summary>Parses and validates a unified social credit code. Never throws.</summary>
    public static CreditCodeResult Parse(string? value)
    {
        var input = value ?? string.Empty;
        Span<char> buf = stackalloc char[MaxCollected];
        int total = 0;
        foreach (var raw in input)
        {
            var c = IdentifierChars.Fold(raw);
            if (c is ' ' or '-' || char.IsWhiteSpace(c))
                continue;
            if (c is >= 'a' and <= 'z')
                c = (char)(c - 32);
            if (total < MaxCollected)
                buf[total] = c;
            total++;
        }

        if (total == 0)
            return new CreditCodeResult(input, null, false, null, null);
        if (total != 18)
            return Invalid(input, IdentifierFindingCodes.InvalidLength, $"{total} characters, expected 18");

        var code = buf[..18];
        for (int i = 0; i < 18; i++)
        {
            if (ValueOf(code[i]) < 0)
                return Invalid(input, IdentifierFindingCodes.InvalidCharacter,
                    $"character '{code[i]}' at position {i + 1} is not in the credit code alphabet");
        }

        if (!IsAuthority(code[0]))
            return Invalid(input, IdentifierFindingCodes.InvalidCharacter, $"registration authority '{code[0]}' does not exist");
        if (code[1] is < '1' or > '9')
            return Invalid(input, IdentifierFindingCodes.InvalidCharacter, $"entity type '{code[1]}' does not exist");

        for (int i = 2; i < 8; i++)
        {
            if (!IdentifierChars.IsAsciiDigit(code[i]))
                return Invalid(input, IdentifierFindingCodes.InvalidRegion, $"region code {code.Slice(2, 6)} is not numeric");
        }
        int province = (code[2] - '0') * 10 + (code[3] - '0');
        if (province != 10 && !IdentifierChars.IsProvinceCode(province))
            return Invalid(input, IdentifierFindingCodes.InvalidRegion, $"province code {code.Slice(2, 2)} does not exist");

        var expected = ComputeCheckChar(code[..17]);
        if (code[17] != expected)
            return Invalid(input, IdentifierFindingCodes.InvalidChecksum, $"check character is {code[17]}, expected {expected}");

        var normalized = new string(code);
        return new CreditCodeResult(input, normalized, true, normalized.Substring(2, 6), null);
    }

    /// <summary>The GB 32100 check character for the first 17 characters of a credit code (upper case).</summary>
    /// <exception cref="ArgumentException">Fewer than 17 characters, or a character outside the alphabet.</exception>
    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length < 17)
            throw new ArgumentException("At least 17 characters are required.", nameof(first17));
        var weights = Weights;
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int v = ValueOf(first17[i]);
            if (v < 0)
                throw new ArgumentException($"Character '{first17[i]}' at position {i + 1} is not in the credit code alphabet.", nameof(first17));
            sum += v * weights[i];
        }
        int check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    // Values of 'A'..'Y'; -1 for the excluded letters I, O, S, V.
    private static ReadOnlySpan<sbyte> LetterValues =>
    [
        10, 11, 12, 13, 14, 15, 16, 17, -1, 18, 19, 20, 21, 22, -1, 23, // A-P
        24, 25, -1, 26, 27, -1, 28, 29, 30,                             // Q-Y
    ];

    // Value 0-30 of an alphabet character, -1 for anything else (I, O, S, V, Z, lower case, punctuation).
    private static int ValueOf(char c)
    {
        if (IdentifierChars.IsAsciiDigit(c))
            return c - '0';
        return c is >= 'A' and <= 'Y' ? LetterValues[c - 'A'] : -1;
    }

    private static bool IsAuthority(char c) => IdentifierChars.IsAsciiDigit(c) ? c != '0' : c is 'A' or 'N' or 'Y';

    private static CreditCodeResult Invalid(string input, string code, string message) =>
        new(input, null, false, null, new QualityFinding(CanonicalField.CreditCode, code, message));
}
