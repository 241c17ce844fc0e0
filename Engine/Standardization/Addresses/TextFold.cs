namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Cheap per-character helpers shared by the address and company parsers: full-width folding and Han detection.
/// Traditional→simplified conversion is done by the caller before these parsers run.
/// </summary>
internal static class TextFold
{
    /// <summary>Full-width ASCII (U+FF01..U+FF5E) → ASCII, ideographic space → space, a few CJK punctuation marks → ASCII.</summary>
    public static char Fold(char c)
    {
        if (c < 0x3000) return c;
        if (c >= '\uFF01' && c <= '\uFF5E') return (char)(c - 0xFEE0);
        return c switch
        {
            '\u3000' => ' ',
            '\u3001' => ',',   // 、
            '\u3002' => '.',   // 。
            '\u3010' => '(',   // 【
            '\u3011' => ')',   // 】
            '\u3014' => '(',   // 〔
            '\u3015' => ')',   // 〕
            '\uFF5F' => '(',
            '\uFF60' => ')',
            _ => c,
        };
    }

    /// <summary>CJK unified ideographs (incl. extension A and compatibility ideographs) or a surrogate (extensions B+).</summary>
    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
        || c == '\u3007' || char.IsSurrogate(c);

    public static bool ContainsHan(string? s) => ContainsHan(s.AsSpan());

    public static bool ContainsHan(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c >= '\u3007' && IsHan(c)) return true;
        }
        return false;
    }

    public static bool IsNullOrBlank(string? s) => string.IsNullOrWhiteSpace(s);

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>Folds <paramref name="s"/> into <paramref name="dest"/> (full-width → half-width, tabs/newlines → space); returns the length.</summary>
    public static int FoldInto(ReadOnlySpan<char> s, Span<char> dest)
    {
        int n = 0;
        foreach (char c0 in s)
        {
            char c = Fold(c0);
            if (char.IsWhiteSpace(c)) c = ' ';
            dest[n++] = c;
        }
        return n;
    }

    /// <summary>Folds a short string (a name or a column value) into a new string, whitespace removed.</summary>
    public static string FoldCompact(string s)
    {
        Span<char> buf = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        foreach (char c0 in s)
        {
            char c = Fold(c0);
            if (!char.IsWhiteSpace(c)) buf[n++] = c;
        }
        return new string(buf[..n]);
    }
}
