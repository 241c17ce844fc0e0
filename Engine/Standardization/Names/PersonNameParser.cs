using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Standardization.Names;

/// <summary>
/// Parses raw person-name values (Han or romanized/Western) into a <see cref="PersonName"/> with a cross-script pinyin key.
/// Thread-safe; no regular expressions, table lookups only.
/// </summary>
public static class PersonNameParser
{
    private static readonly FrozenSet<string> s_latinTitles = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mdm", "mme", "mlle", "jr", "sr", "ii", "iii"],
        StringComparer.Ordinal);

    private static readonly string[] s_hanTitles = ["先生", "女士", "小姐", "太太", "夫人"];

    /// <summary>Separators written between the parts of transliterated ethnic-minority and foreign names (买买提·艾力).</summary>
    private const string NameDots = "·•・‧.･∙⋅";

    /// <summary>
    /// Parses a person name. Values are folded (<see cref="TextNormalizer.Fold"/>) and Han text is converted to simplified.
    /// </summary>
    /// <param name="fullName">The whole name as found in the source ("张伟", "張 偉", "Zhang, Wei", "John A. Smith").</param>
    /// <param name="familyName">The family name when the source has it in its own column.</param>
    /// <param name="givenName">The given name when the source has it in its own column.</param>
    /// <returns>The parsed name, or null when no value holds a usable letter.</returns>
    /// <remarks>
    /// Han: spaces and punctuation are dropped; a name whose parts are joined by a middle dot (买买提·艾力) is kept as one
    /// given name without the dot; otherwise the known surname at the start (compound first) is the family name, and a
    /// 2–3 character name with an unknown surname is split after its first character. Titles 先生/女士/小姐/太太/夫人
    /// at the end are removed. When the family name and the given name both come in their own columns they are used
    /// as they are; a single separate part is used as a hint to split the full name.
    /// <para>
    /// Latin: titles (mr, mrs, ms, dr, …) are removed, then the family name is decided by, in order: a comma (family
    /// before it); one ALL-CAPS token among mixed-case ones (ZHANG Wei, CHAN Tai Man); exactly one of the first/last
    /// tokens being a surname pinyin; when the first and last tokens are both surname pinyin, the more common surname
    /// (so "Wei Zhang" and "Xiao Ming Zhang" take zhang, "Zhang Xiao Ming" too); otherwise Western order (the last
    /// token that is not an initial). Pinyin given names written in several tokens
    /// are joined ("Xiao Ming" → "xiaoming"); tone marks are dropped and ü is written v when the token is pinyin.
    /// </para>
    /// </remarks>
    public static PersonName? Parse(string? fullName, string? familyName = null, string? givenName = null)
    {
        string full = TextNormalizer.Fold(fullName);
        string family = TextNormalizer.Fold(familyName);
        string given = TextNormalizer.Fold(givenName);

        if (family.Length > 0 && given.Length > 0)
        {
            // Separate columns win, except that a Han full name is richer than romanized parts.
            bool fullIsRicher = full.Length > 0 && TextNormalizer.ContainsHan(full)
                && !TextNormalizer.ContainsHan(family) && !TextNormalizer.ContainsHan(given);
            PersonName? fromParts = fullIsRicher ? null : FromParts(family, given);
            if (fromParts is not null)
            {
                return fromParts;
            }
        }

        if (full.Length > 0)
        {
            PersonName? parsed = ParseFull(full, family.Length > 0 ? family : null, given.Length > 0 ? given : null);
            if (parsed is not null)
            {
                return parsed;
            }
        }

        return family.Length > 0 || given.Length > 0 ? FromParts(family, given) : null;
    }

    private static PersonName? ParseFull(string full, string? familyHint, string? givenHint)
    {
        if (TextNormalizer.ContainsHan(full))
        {
            bool hasLatin = HasLatinLetter(full);
            PersonName? han = ParseHan(full, familyHint, givenHint, hasLatin ? NameScript.Mixed : NameScript.Han);
            if (han is not null || !hasLatin)
            {
                return han;
            }

            return ParseLatin(full, familyHint, givenHint, NameScript.Mixed);
        }

        return ParseLatin(full, familyHint, givenHint, NameScript.Latin);
    }

    // ---------------------------------------------------------------- Han

    private static PersonName? ParseHan(string value, string? familyHint, string? givenHint, NameScript script)
    {
        string han = ExtractHan(value, out bool dotted);
        han = RemoveHanTitle(han);
        if (han.Length == 0)
        {
            return null;
        }

        ChineseScript chinese = ChineseScript.Default;
        if (dotted)
        {
            return BuildHan(null, chinese.ToSimplified(han), script);
        }

        // A separate family or given column tells us where to split.
        string? familyHintHan = familyHint is not null && TextNormalizer.ContainsHan(familyHint)
            ? chinese.ToSimplified(ExtractHan(familyHint, out _)) : null;
        string? givenHintHan = givenHint is not null && TextNormalizer.ContainsHan(givenHint)
            ? chinese.ToSimplified(ExtractHan(givenHint, out _)) : null;
        if (familyHintHan is { Length: > 0 } || givenHintHan is { Length: > 0 })
        {
            string whole = chinese.ToSimplified(han);
            if (familyHintHan is { Length: > 0 } && whole.StartsWith(familyHintHan, StringComparison.Ordinal))
            {
                return BuildHan(familyHintHan, NullIfEmpty(whole[familyHintHan.Length..]), script);
            }

            if (givenHintHan is { Length: > 0 } && whole.Length > givenHintHan.Length
                && whole.EndsWith(givenHintHan, StringComparison.Ordinal))
            {
                return BuildHan(whole[..^givenHintHan.Length], givenHintHan, script);
            }
        }

        int surnameLength = SurnameTable.Default.MatchSurnameLength(han);
        if (surnameLength == 0 && !char.IsSurrogate(han[0]))
        {
            // Nearly every Chinese surname is one character: split a short name with an unknown surname after it.
            int codePoints = CountCodePoints(han);
            if (codePoints is 2 or 3)
            {
                surnameLength = 1;
            }
        }

        // Family and given are simplified separately so that phrase rules never join across the boundary.
        string? family = surnameLength > 0 ? chinese.ToSimplified(han[..surnameLength]) : null;
        string? given = surnameLength < han.Length ? chinese.ToSimplified(han[surnameLength..]) : null;
        return BuildHan(family, given, script);
    }

    private static PersonName BuildHan(string? family, string? given, NameScript script)
    {
        PinyinTable pinyin = PinyinTable.Default;
        string? pinyinFamily = family is null
            ? null
            : SurnameTable.Default.Reading(family) ?? pinyin.ToPinyin(family, asSurnameFirst: false, separator: string.Empty);
        string? pinyinGiven = given is null ? null : pinyin.ToPinyin(given, asSurnameFirst: false, separator: string.Empty);
        return new PersonName(
            string.Concat(family, given),
            family,
            given,
            script,
            NullIfEmpty(pinyinFamily),
            NullIfEmpty(pinyinGiven));
    }

    /// <summary>Keeps only the Han characters; reports whether a name dot separated two Han runs.</summary>
    private static string ExtractHan(string value, out bool dotted)
    {
        dotted = false;
        var sb = new ValueStringBuilder(stackalloc char[64]);
        try
        {
            bool pendingDot = false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (TextNormalizer.IsHan(c))
                {
                    dotted |= pendingDot && sb.Length > 0;
                    pendingDot = false;
                    sb.Append(c);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    && TextNormalizer.IsHan(char.ConvertToUtf32(c, value[i + 1])))
                {
                    dotted |= pendingDot && sb.Length > 0;
                    pendingDot = false;
                    sb.Append(c);
                    sb.Append(value[++i]);
                }
                else if (NameDots.Contains(c, StringComparison.Ordinal))
                {
                    pendingDot = true;
                }
            }

            return sb.Length == value.Length ? value : sb.ToString();
        }
        finally
        {
            sb.Dispose();
        }
    }

    private static string RemoveHanTitle(string han)
    {
        foreach (string title in s_hanTitles)
        {
            if (han.Length > title.Length && han.EndsWith(title, StringComparison.Ordinal))
            {
                return han[..^title.Length];
            }
        }

        return han;
    }

    // ---------------------------------------------------------------- Latin

    private static PersonName? ParseLatin(string value, string? familyHint, string? givenHint, NameScript script)
    {
        List<LatinToken> tokens = TokenizeLatin(value, out int comma);
        if (tokens.Count == 0)
        {
            return null;
        }

        int familyStart;
        int familyEnd; // exclusive
        if (FindHint(tokens, familyHint) is (int hintStart, int hintEnd))
        {
            (familyStart, familyEnd) = (hintStart, hintEnd);
        }
        else if (FindHint(tokens, givenHint) is (int givenStart, int givenEnd) && (givenStart == 0 || givenEnd == tokens.Count)
            && givenEnd - givenStart < tokens.Count)
        {
            (familyStart, familyEnd) = givenStart == 0 ? (givenEnd, tokens.Count) : (0, givenStart);
        }
        else if (tokens.Count == 1)
        {
            bool isSurname = SurnameTable.Default.IsSurnamePinyin(tokens[0].Text);
            (familyStart, familyEnd) = isSurname ? (0, 1) : (0, 0);
        }
        else if (comma > 0 && comma < tokens.Count)
        {
            (familyStart, familyEnd) = (0, comma);
        }
        else
        {
            int familyIndex = ChooseFamilyToken(tokens);
            (familyStart, familyEnd) = (familyIndex, familyIndex + 1);
        }

        return BuildLatin(tokens, familyStart, familyEnd, script);
    }

    /// <summary>Family token of a name in two or more tokens without a comma (see <see cref="Parse"/>).</summary>
    private static int ChooseFamilyToken(List<LatinToken> tokens)
    {
        // One ALL-CAPS token among mixed-case ones marks the family name (passport, airline and Hong Kong style:
        // "CHAN Tai Man"). It is checked before the surname test because it is written on purpose, while surname
        // readings are ambiguous (man, ming and na are surnames too).
        int capsIndex = -1;
        int capsCount = 0;
        bool mixedCase = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsInitial)
            {
                continue;
            }

            if (tokens[i].AllCaps)
            {
                capsIndex = i;
                capsCount++;
            }
            else
            {
                mixedCase = true;
            }
        }

        if (capsCount == 1 && mixedCase)
        {
            return capsIndex;
        }

        SurnameTable surnames = SurnameTable.Default;
        int last = tokens.Count - 1;
        bool firstIsSurname = !tokens[0].IsInitial && surnames.IsSurnamePinyin(tokens[0].Text);
        bool lastIsSurname = !tokens[last].IsInitial && surnames.IsSurnamePinyin(tokens[last].Text);
        if (firstIsSurname != lastIsSurname)
        {
            return firstIsSurname ? 0 : last;
        }

        if (firstIsSurname)
        {
            // Both ends read as surnames ("Wei Zhang", "Xiao Ming Zhang"): take the more common surname, first on a tie.
            return surnames.PinyinRank(tokens[last].Text) < surnames.PinyinRank(tokens[0].Text) ? last : 0;
        }

        // Western order: the last token that is not an initial ("Smith J." → smith).
        for (int i = last; i > 0; i--)
        {
            if (!tokens[i].IsInitial)
            {
                return i;
            }
        }

        return 0;
    }

    private static PersonName? BuildLatin(List<LatinToken> tokens, int familyStart, int familyEnd, NameScript script)
    {
        (string? family, string? pinyinFamily) = familyEnd > familyStart ? LatinFamily(tokens, familyStart, familyEnd) : (null, null);

        // Given = every other token, in order.
        var givenTokens = new List<LatinToken>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i < familyStart || i >= familyEnd)
            {
                givenTokens.Add(tokens[i]);
            }
        }

        (string? given, string? pinyinGiven) = LatinGiven(givenTokens);
        if (family is null && given is null)
        {
            return null;
        }

        string full = family is null ? given! : given is null ? family : string.Concat(family, " ", given);
        return new PersonName(full, family, given, script, pinyinFamily, pinyinGiven);
    }

    private static (string Display, string? Pinyin) LatinFamily(List<LatinToken> tokens, int start, int end) =>
        (JoinTokens(tokens, start, end, " ", skipInitials: false),
         StripJoiners(JoinTokens(tokens, start, end, string.Empty, skipInitials: false)));

    private static (string? Display, string? Pinyin) LatinGiven(List<LatinToken> givenTokens)
    {
        if (givenTokens.Count == 0)
        {
            return (null, null);
        }

        bool allPinyin = true;
        bool anyInitial = false;
        bool onlyInitials = true;
        foreach (LatinToken token in givenTokens)
        {
            allPinyin &= token.IsPinyin;
            anyInitial |= token.IsInitial;
            onlyInitials &= token.IsInitial;
        }

        // Pinyin given names written in several tokens are one name: "xiao ming" → "xiaoming".
        // Initials stay in the display form but not in the key: "john a" → "john".
        string display = JoinTokens(givenTokens, 0, givenTokens.Count, allPinyin ? string.Empty : " ", skipInitials: false);
        string pinyin = JoinTokens(givenTokens, 0, givenTokens.Count, string.Empty, skipInitials: anyInitial && !onlyInitials);
        return (display, StripJoiners(pinyin));
    }

    private static string JoinTokens(List<LatinToken> tokens, int start, int end, string separator, bool skipInitials)
    {
        if (end - start == 1 && !(skipInitials && tokens[start].IsInitial))
        {
            return tokens[start].Text;
        }

        var sb = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            if (skipInitials && tokens[i].IsInitial)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(separator);
            }

            sb.Append(tokens[i].Text);
        }

        return sb.ToString();
    }

    /// <summary>Pinyin keys carry letters only: "smith-jones" → "smithjones".</summary>
    private static string? StripJoiners(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Contains('-', StringComparison.Ordinal) ? value.Replace("-", string.Empty, StringComparison.Ordinal)
        : value;

    private static (int Start, int End)? FindHint(List<LatinToken> tokens, string? hint)
    {
        if (hint is null || TextNormalizer.ContainsHan(hint))
        {
            return null;
        }

        List<LatinToken> hintTokens = TokenizeLatin(hint, out _);
        if (hintTokens.Count == 0 || hintTokens.Count > tokens.Count)
        {
            return null;
        }

        for (int start = 0; start + hintTokens.Count <= tokens.Count; start++)
        {
            bool match = true;
            for (int j = 0; j < hintTokens.Count && match; j++)
            {
                match = string.Equals(tokens[start + j].Text, hintTokens[j].Text, StringComparison.Ordinal);
            }

            if (match)
            {
                return (start, start + hintTokens.Count);
            }
        }

        return null;
    }

    private static List<LatinToken> TokenizeLatin(string value, out int comma)
    {
        var tokens = new List<LatinToken>(4);
        comma = -1;
        for (int i = 0; i < value.Length;)
        {
            char c = value[i];
            if (!IsLatinTokenChar(c))
            {
                if (c == ',' && comma < 0 && tokens.Count > 0)
                {
                    comma = tokens.Count;
                }

                i++;
                continue;
            }

            int start = i;
            while (i < value.Length && IsLatinTokenChar(value[i]))
            {
                i++;
            }

            if (NormalizeLatinToken(value.AsSpan(start, i - start)) is { } token && !s_latinTitles.Contains(token.Text))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    private static bool IsLatinTokenChar(char c) =>
        c < 0x80
            ? char.IsAsciiLetterOrDigit(c) || c is '-' or '\''
            : c == '\u2019' || (!TextNormalizer.IsHan(c) && (char.IsLetterOrDigit(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark));

    private static LatinToken? NormalizeLatinToken(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim("-'\u2019");
        if (raw.IsEmpty)
        {
            return null;
        }

        int letters = 0;
        int upper = 0;
        bool ascii = true;
        foreach (char c in raw)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }

            ascii &= c < 0x80;
        }

        if (letters == 0)
        {
            return null; // digits only
        }

        bool allCaps = letters >= 2 && upper == letters;
        bool umlaut = false;
        var sb = new StringBuilder(raw.Length);
        if (ascii)
        {
            foreach (char c in raw)
            {
                if (c != '\'')
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }
        else
        {
            // Drop tone marks and accents; remember ü (u + U+0308), pinyin's v.
            string decomposed = raw.ToString().Normalize(NormalizationForm.FormD);
            foreach (char c in decomposed)
            {
                if (c == '\u0308' && sb.Length > 0 && sb[^1] == 'u')
                {
                    sb[^1] = 'v';
                    umlaut = true;
                }
                else if (c is not ('\'' or '\u2019') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }

        string text = sb.ToString();
        PinyinTable pinyin = PinyinTable.Default;
        bool isPinyin = pinyin.IsPinyin(text);
        if (umlaut && !isPinyin)
        {
            text = text.Replace('v', 'u'); // Müller, not pinyin
            isPinyin = pinyin.IsPinyin(text);
        }

        if (!isPinyin && (text.Contains("lyu", StringComparison.Ordinal) || text.Contains("nyu", StringComparison.Ordinal)))
        {
            // Chinese passports write ü as "yu" after l/n: LYU → lv (吕).
            string passport = text.Replace("lyu", "lv", StringComparison.Ordinal).Replace("nyu", "nv", StringComparison.Ordinal);
            if (pinyin.IsPinyin(passport))
            {
                text = passport;
                isPinyin = true;
            }
        }

        if (isPinyin && text.Contains('-', StringComparison.Ordinal))
        {
            text = text.Replace("-", string.Empty, StringComparison.Ordinal); // xiao-ming → xiaoming
        }

        return new LatinToken(text, allCaps, isPinyin, text.Length == 1);
    }

    // ---------------------------------------------------------------- parts in separate columns

    private static PersonName? FromParts(string family, string given)
    {
        (string? familyText, string? pinyinFamily, bool familyHan) = Part(family, isFamily: true);
        (string? givenText, string? pinyinGiven, bool givenHan) = Part(given, isFamily: false);
        if (familyText is null && givenText is null)
        {
            return null;
        }

        NameScript script = (familyText is null || familyHan) && (givenText is null || givenHan) ? NameScript.Han
            : (familyText is null || !familyHan) && (givenText is null || !givenHan) ? NameScript.Latin
            : NameScript.Mixed;
        string full = familyText is null ? givenText! : givenText is null ? familyText
            : script == NameScript.Han ? familyText + givenText : string.Concat(familyText, " ", givenText);
        return new PersonName(full, familyText, givenText, script, pinyinFamily, pinyinGiven);
    }

    /// <summary>One name part from its own column: Han (simplified, surname reading for a family name) or Latin tokens.</summary>
    private static (string? Text, string? Pinyin, bool Han) Part(string value, bool isFamily)
    {
        if (value.Length == 0)
        {
            return (null, null, false);
        }

        if (TextNormalizer.ContainsHan(value))
        {
            string han = ChineseScript.Default.ToSimplified(ExtractHan(value, out _));
            if (han.Length == 0)
            {
                return (null, null, true);
            }

            string? reading = isFamily ? SurnameTable.Default.Reading(han) : null;
            reading ??= PinyinTable.Default.ToPinyin(han, asSurnameFirst: false, separator: string.Empty);
            return (han, NullIfEmpty(reading), true);
        }

        List<LatinToken> tokens = TokenizeLatin(value, out _);
        if (tokens.Count == 0)
        {
            return (null, null, false);
        }

        (string? text, string? pinyin) = isFamily ? LatinFamily(tokens, 0, tokens.Count) : LatinGiven(tokens);
        return (text, pinyin, false);
    }

    // ---------------------------------------------------------------- helpers

    private static bool HasLatinLetter(string value)
    {
        foreach (char c in value)
        {
            if (char.IsLetter(c) && !TextNormalizer.IsHan(c) && !char.IsSurrogate(c) && c < 0x2E80)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountCodePoints(string s)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <param name="Text">Lower-case, accents removed, ü as v for pinyin, apostrophes removed.</param>
    /// <param name="AllCaps">Written in capitals in the source (two or more letters).</param>
    /// <param name="IsPinyin">Reads as a sequence of pinyin syllables.</param>
    /// <param name="IsInitial">A single letter ("A." in "John A. Smith").</param>
    private sealed record LatinToken(string Text, bool AllCaps, bool IsPinyin, bool IsInitial);
}
