using System.Globalization;
using System.Runtime.CompilerServices;

namespace Mdm.Engine.Search.Analysis;

/// <summary>The classes of character the Chinese tokenizers split text into.</summary>
internal enum CharClass : byte
{
    /// <summary>Separates tokens: spaces, punctuation, symbols, controls.</summary>
    Separator,
    /// <summary>A Han ideograph (BMP, or the high surrogate of a supplementary one).</summary>
    Han,
    /// <summary>A non-Han letter (Latin, Greek, Cyrillic, kana ...) or a combining mark.</summary>
    Letter,
    /// <summary>A decimal digit of any script.</summary>
    Digit,
}

/// <summary>
/// Character classification and folding shared by the Chinese tokenizers. Folding is one char to one char
/// (full-width ASCII to half-width, upper to lower case, any decimal digit to '0'..'9'), so token offsets
/// in the folded text equal offsets in the original.
/// </summary>
internal static class CharFolding
{
    /// <summary>Whether <paramref name="c"/> is a BMP Han ideograph (unified, extension A, compatibility, or 〇).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBmpHan(char c) =>
        (uint)(c - 0x4E00) <= 0x9FFF - 0x4E00
        || (uint)(c - 0x3400) <= 0x4DBF - 0x3400
        || (uint)(c - 0xF900) <= 0xFAFF - 0xF900
        || c == '\u3007';

    /// <summary>Whether the surrogate pair encodes an ideograph of the supplementary planes (extensions B onwards).</summary>
    public static bool IsSupplementaryHan(char high, char low)
    {
        int codePoint = char.ConvertToUtf32(high, low);
        return codePoint is >= 0x20000 and <= 0x3FFFF;
    }

    /// <summary>Classifies <c>text[index]</c>; a supplementary ideograph is <see cref="CharClass.Han"/> at both halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass Classify(ReadOnlySpan<char> text, int index)
    {
        char c = text[index];
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? CharClass.Letter
                : (uint)(c - '0') <= 9 ? CharClass.Digit
                : CharClass.Separator;
        }
        return IsBmpHan(c) ? CharClass.Han : ClassifySlow(text, index);
    }

    private static CharClass ClassifySlow(ReadOnlySpan<char> text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) && IsSupplementaryHan(c, text[index + 1])
                ? CharClass.Han : CharClass.Separator;
        }
        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]) && IsSupplementaryHan(text[index - 1], c)
                ? CharClass.Han : CharClass.Separator;
        }
        if ((uint)(c - 0xFE00) <= 0x0F)
        {
            return CharClass.Separator; // variation selectors (e.g. after a Han char) are not letters
        }
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return CharClass.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            default:
                return CharClass.Separator;
        }
    }

    /// <summary>Folds one char of a letter or digit token: full-width to half-width, lower case, digits to ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        return FoldSlow(c);
    }

    private static char FoldSlow(char c)
    {
        if ((uint)(c - '\uFF01') <= '\uFF5E' - '\uFF01')
        {
            // Full-width ASCII block (Ａ, ｂ, １ ...) maps to ASCII at a fixed distance.
            return Fold((char)(c - 0xFEE0));
        }
        int digit = CharUnicodeInfo.GetDecimalDigitValue(c);
        if (digit >= 0)
        {
            return (char)('0' + digit);
        }
        return char.ToLowerInvariant(c);
    }

    /// <summary>Writes the folded form of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }
    }

    /// <summary>Reads the whole reader into <paramref name="buffer"/>, growing it as needed; returns the length read.</summary>
    public static int ReadAll(TextReader reader, ref char[] buffer)
    {
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            int read = reader.Read(buffer, length, buffer.Length - length);
            if (read <= 0)
            {
                return length;
            }
            length += read;
        }
    }
}
