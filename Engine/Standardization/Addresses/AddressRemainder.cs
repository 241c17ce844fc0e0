using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Normalizes the part of an address after the divisions: road, number, building, room.
/// Chinese: punctuation and spaces dropped, digits half-width, Latin upper-case, and the common spellings of
/// numbers unified: 12号 / 12# / 12 号 → 12号, 3栋 / 3幢 / 3号楼 → 3栋, 1201室 / 1201房 → 1201室. A hyphen is kept
/// only between two alphanumerics (12-3).
/// English: lower-case tokens, single spaces, USPS-style abbreviations (street → st, apartment/apt/unit → unit …).
/// </summary>
internal static class AddressRemainder
{
    public static string NormalizeChinese(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        char[]? rented = null;
        Span<char> both = text.Length <= 128 ? stackalloc char[text.Length * 2] : (rented = ArrayPool<char>.Shared.Rent(text.Length * 2));
        Span<char> kept = both[..text.Length];
        Span<char> output = both.Slice(text.Length, text.Length);
        try
        {
            // Pass 1: keep letters, digits, Han, '#', '-'.
            int m = 0;
            foreach (char c0 in text)
            {
                char c = TextFold.Fold(c0);
                if (c < 0x80)
                {
                    if (TextFold.IsAsciiDigit(c)) kept[m++] = c;
                    else if (TextFold.IsAsciiLetter(c)) kept[m++] = (char)(c & ~0x20);
                    else if (c is '#' or '-') kept[m++] = c;
                }
                else if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212') kept[m++] = '-';
                else if (char.IsLetterOrDigit(c) || TextFold.IsHan(c)) kept[m++] = char.ToUpperInvariant(c);
            }

            // Pass 2: unify number suffixes.
            int n = 0;
            int i = 0;
            while (i < m)
            {
                char c = kept[i];
                if (IsAsciiAlnum(c))
                {
                    int j = i;
                    bool hasDigit = false;
                    while (j < m && IsAsciiAlnum(kept[j]))
                    {
                        hasDigit |= TextFold.IsAsciiDigit(kept[j]);
                        output[n++] = kept[j++];
                    }
                    i = j;
                    if (j >= m) break;
                    char s = kept[j];
                    char next = j + 1 < m ? kept[j + 1] : '\0';
                    if ((s == '#' || s == '号') && hasDigit)
                    {
                        if (next == '楼') { output[n++] = '栋'; i = j + 2; }
                        else if (next == '房') { output[n++] = '室'; i = SkipJian(kept, j + 2, m); }
                        else { output[n++] = '号'; i = j + 1; }
                    }
                    else if (s == '幢') { output[n++] = '栋'; i = j + 1; }
                    else if (s == '房') { output[n++] = '室'; i = SkipJian(kept, j + 1, m); }
                    continue;
                }
                if (c == '-')
                {
                    if (n > 0 && IsAsciiAlnum(output[n - 1]) && i + 1 < m && IsAsciiAlnum(kept[i + 1])) output[n++] = '-';
                }
                else if (c != '#') output[n++] = c;
                i++;
            }
            return new string(output[..n]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }

        static int SkipJian(Span<char> s, int k, int m) => k < m && s[k] == '间' ? k + 1 : k;
    }

    private static bool IsAsciiAlnum(char c) => TextFold.IsAsciiDigit(c) || TextFold.IsAsciiLetter(c);

    // Road types are abbreviated (so "Nicklin Crescent" = "nicklin cres"); words that also name estates (garden,
    // village) stay as written, but for the few long abbreviated before (centre, heights).
    private static readonly FrozenDictionary<string, string> EnglishAbbreviations = new Dictionary<string, string>(
        EnglishStreetTypes.Abbreviations.Where(kv => EnglishStreetTypes.PlainRoadTypes.Contains(kv.Value)), StringComparer.Ordinal)
    {
        ["center"] = "ctr", ["centre"] = "ctr", ["heights"] = "hts", ["junction"] = "jct", ["square"] = "sq",
        ["mount"] = "mt", ["fort"] = "ft",
        ["apartment"] = "unit", ["apt"] = "unit", ["flat"] = "unit", ["suite"] = "ste", ["room"] = "rm",
        ["floor"] = "fl", ["flr"] = "fl", ["building"] = "bldg", ["bld"] = "bldg", ["block"] = "blk",
        ["district"] = "dist", ["number"] = "no", ["nr"] = "no",
        ["north"] = "n", ["south"] = "s", ["east"] = "e", ["west"] = "w",
        ["northeast"] = "ne", ["northwest"] = "nw", ["southeast"] = "se", ["southwest"] = "sw",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        EnglishAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>English (or any non-Han) address text → lower-case abbreviated tokens separated by single spaces.</summary>
    public static string NormalizeEnglish(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        var sb = new StringBuilder(text.Length);
        Span<char> token = stackalloc char[64];
        int t = 0;
        bool pendingP = false; // "p o box" / "p.o. box" → "po box"
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? TextFold.Fold(text[i]) : ' ';
            bool inToken = char.IsLetterOrDigit(c);
            if (!inToken && t > 0 && i + 1 < text.Length)
            {
                char next = TextFold.Fold(text[i + 1]);
                // Keep 12-14 and 1/2 together; drop apostrophes inside words (o'connell).
                if ((c is '-' or '/') && TextFold.IsAsciiDigit(token[t - 1]) && TextFold.IsAsciiDigit(next)) inToken = true;
                else if (c is '\'' or '\u2019' && char.IsLetter(next)) continue;
            }
            if (inToken)
            {
                if (t < token.Length) token[t++] = char.ToLowerInvariant(c);
                continue;
            }
            if (t == 0) continue;
            ReadOnlySpan<char> word = token[..t];
            t = 0;
            if (pendingP)
            {
                pendingP = false;
                if (word is "o") { Append(sb, "po"); continue; }
                Append(sb, "p");
            }
            if (word is "p") { pendingP = true; continue; }
            if (EnglishLookup.TryGetValue(word, out string? abbreviation)) Append(sb, abbreviation);
            else Append(sb, word);
        }
        if (pendingP) Append(sb, "p");
        return sb.ToString();

        static void Append(StringBuilder sb, ReadOnlySpan<char> w)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
        }
    }
}
