using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Gender codes and words from source systems, Chinese and English.</summary>
public static class GenderParsing
{
    private const int MaxLength = 16;

    /// <summary>
    /// Male: 男, 男性, 男士, 先生, M, male, man, Mr, 1. Female: 女, 女性, 女士, 小姐, 太太, F, female, woman, Mrs, Ms, Miss, 2.
    /// Case-insensitive, full-width folded, surrounding whitespace and a trailing '.' ignored.
    /// Explicit "unknown" markers (ISO/IEC 5218 0 and 9, U, unknown, 未知, 不详, 保密, N/A, -) give <see cref="Sex.Unknown"/>
    /// without a finding, as does a blank value; anything else gives Unknown with finding "unparsed". Never throws.
    /// </summary>
    public static Sex Parse(string? value, out QualityFinding? finding)
    {
        finding = null;
        var raw = (value ?? string.Empty).AsSpan().Trim();
        if (raw.IsEmpty)
            return Sex.Unknown;
        if (raw.Length > MaxLength)
            return Unparsed(value!, out finding);

        Span<char> buf = stackalloc char[MaxLength];
        int n = 0;
        foreach (var c0 in raw)
        {
            var c = IdentifierChars.Fold(c0);
            buf[n++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        var s = buf[..n].Trim();
        if (s is [.., '.'] && s.Length > 1)
            s = s[..^1];

        switch (s)
        {
            case "男" or "男性" or "男士" or "先生" or "m" or "male" or "man" or "mr" or "1":
                return Sex.Male;
            case "女" or "女性" or "女士" or "小姐" or "太太" or "f" or "female" or "woman" or "mrs" or "ms" or "miss" or "2":
                return Sex.Female;
            case "0" or "9" or "u" or "unknown" or "未知" or "不详" or "保密" or "n/a" or "-":
                return Sex.Unknown;
            default:
                return Unparsed(value!, out finding);
        }
    }

    private static Sex Unparsed(string value, out QualityFinding? finding)
    {
        finding = new QualityFinding(CanonicalField.Gender, IdentifierFindingCodes.Unparsed, $"'{value}' is not a recognised gender");
        return Sex.Unknown;
    }
}
