using System.Globalization;

namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Script-neutral clean-up applied to every raw source value before any field-specific parsing:
/// width folding, space normalisation, compatibility-ideograph unification and removal of invisible characters.
/// </summary>
public static class TextNormalizer
{
    // Per-char action for chars >= 0x80, built once (64 KB). ASCII is handled inline.
    private const byte Keep = 0;
    private const byte Space = 1;
    private const byte Strip = 2;
    private const byte FullWidth = 3;      // U+FF01..FF5E → U+0021..007E
    private const byte Compatibility = 4;  // U+F900..FAFF: may be a CJK compatibility ideograph
    private const byte SurrogateCheck = 5; // high surrogate of a supplementary compatibility ideograph or variation selector

    private const char CompatibilitySupplementHigh = '\uD87E';   // U+2F800..U+2FA1F
    private const char VariationSelectorSupplementHigh = '\uDB40'; // U+E0100..U+E01EF

    private static readonly byte[] s_actions = BuildActions();

    /// <summary>OpenCC's CJK_Compatibility_Ideographs table (compatibility ideograph → unified ideograph).</summary>
    internal static CharMap CompatibilityIdeographs => CompatibilityTable.Map;

    /// <summary>
    /// Folds a raw value: full-width ASCII (U+FF01..FF5E) → half-width, every Unicode space (incl. the ideographic
    /// space U+3000, NBSP, tabs and line breaks) → ' ', CJK compatibility ideographs → unified ideographs, control,
    /// format (zero-width, BOM, bidi marks) and variation-selector characters removed, runs of spaces collapsed,
    /// ends trimmed. Case is not changed.
    /// </summary>
    /// <returns>"" for null or blank input; the same instance when nothing had to change.</returns>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return NeedsFolding(value) ? FoldSlow(value) : value;
    }

    /// <summary>True for CJK unified ideographs (U+4E00..9FFF), Extension A (U+3400..4DBF) and compatibility ideographs (U+F900..FAFF).</summary>
    public static bool IsHan(char c) =>
        (uint)(c - 0x4E00) <= 0x9FFF - 0x4E00
        || (uint)(c - 0x3400) <= 0x4DBF - 0x3400
        || (uint)(c - 0xF900) <= 0xFAFF - 0xF900;

    /// <summary>Han test for a full code point: the BMP ranges of <see cref="IsHan(char)"/> plus Extensions B–H and the compatibility supplement.</summary>
    public static bool IsHan(int codePoint) =>
        codePoint <= 0xFFFF
            ? IsHan((char)codePoint)
            : (uint)(codePoint - 0x20000) <= 0x323AF - 0x20000 || (uint)(codePoint - 0x2F800) <= 0x2FA1F - 0x2F800;

    /// <summary>True if <paramref name="s"/> contains at least one Han character (supplementary-plane ideographs included).</summary>
    public static bool ContainsHan(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x3400)
            {
                continue;
            }

            if (IsHan(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                && IsHan(char.ConvertToUtf32(c, s[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes every whitespace character (Han names are written without spaces: "张 伟" → "张伟").</summary>
    /// <returns>The same instance when there is no whitespace.</returns>
    public static string RemoveWhitespace(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        int first = -1;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return s;
        }

        var sb = new ValueStringBuilder(stackalloc char[128]);
        try
        {
            sb.Append(s.AsSpan(0, first));
            for (int i = first + 1; i < s.Length; i++)
            {
                if (!char.IsWhiteSpace(s[i]))
                {
                    sb.Append(s[i]);
                }
            }

            return sb.ToString();
        }
        finally
        {
            sb.Dispose();
        }
    }

    private static bool NeedsFolding(string value)
    {
        bool afterSpace = true; // start of string: a leading space needs trimming
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                if (c > 0x20 && c < 0x7F)
                {
                    afterSpace = false;
                    continue;
                }

                if (c == ' ' && !afterSpace)
                {
                    afterSpace = true;
                    continue;
                }

                return true;
            }

            switch (s_actions[c])
            {
                case Keep:
                    afterSpace = false;
                    continue;
                case Compatibility when !CompatibilityTable.Map.Contains(c):
                    afterSpace = false;
                    continue;
                case SurrogateCheck when i + 1 < value.Length && !IsFoldedSupplement(c, value[i + 1]):
                    afterSpace = false;
                    continue;
                default:
                    return true;
            }
        }

        return afterSpace; // trailing space
    }

    private static string FoldSlow(string value)
    {
        var sb = new ValueStringBuilder(stackalloc char[256]);
        try
        {
            bool pendingSpace = false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                byte action = c < 0x80
                    ? (c > 0x20 && c < 0x7F ? Keep : c == ' ' || char.IsWhiteSpace(c) ? Space : Strip)
                    : s_actions[c];

                if (action == SurrogateCheck)
                {
                    bool pair = i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    action = !pair ? Keep
                        : c != VariationSelectorSupplementHigh ? Compatibility
                        : IsVariationSelectorSupplement(value[i + 1]) ? Strip : Keep;
                    if (action == Strip)
                    {
                        i++; // ideographic variation selectors (U+E0100..) carry no identity for matching
                    }
                }

                switch (action)
                {
                    case Space:
                        pendingSpace |= sb.Length > 0;
                        continue;
                    case Strip:
                        continue;
                }

                if (pendingSpace)
                {
                    sb.Append(' ');
                    pendingSpace = false;
                }

                switch (action)
                {
                    case FullWidth:
                        sb.Append((char)(c - 0xFEE0));
                        break;
                    case Compatibility:
                        CompatibilityTable.Map.AppendMapped(value, i, ref sb, out int consumed);
                        i += consumed - 1;
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }
        finally
        {
            sb.Dispose();
        }
    }

    private static bool IsVariationSelectorSupplement(char low) => low >= '\uDD00' && low <= '\uDDEF';

    private static bool IsFoldedSupplement(char high, char low) =>
        char.IsLowSurrogate(low)
        && (high == VariationSelectorSupplementHigh
            ? IsVariationSelectorSupplement(low)
            : CompatibilityTable.Map.Contains(char.ConvertToUtf32(high, low)));

    private static byte[] BuildActions()
    {
        var actions = new byte[0x10000];
        for (int c = 0x80; c < actions.Length; c++)
        {
            char ch = (char)c;
            if (char.IsWhiteSpace(ch))
            {
                actions[c] = Space;
            }
            else if (c >= 0xFF01 && c <= 0xFF5E)
            {
                actions[c] = FullWidth;
            }
            else if (c >= 0xF900 && c <= 0xFAFF)
            {
                actions[c] = Compatibility;
            }
            else if (c == CompatibilitySupplementHigh || c == VariationSelectorSupplementHigh)
            {
                actions[c] = SurrogateCheck;
            }
            else if (char.IsSurrogate(ch))
            {
                actions[c] = Keep;
            }
            else if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x180B && c <= 0x180D))
            {
                actions[c] = Strip; // standardized / Mongolian variation selectors
            }
            else
            {
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(ch);
                actions[c] = category is UnicodeCategory.Control or UnicodeCategory.Format ? Strip : Keep;
            }
        }

        return actions;
    }

    /// <summary>Loaded on first use of a compatibility ideograph (nested class = lazy, thread-safe type initialisation).</summary>
    private static class CompatibilityTable
    {
        public static readonly CharMap Map = Load();

        private static CharMap Load()
        {
            var map = new CharMap();
            foreach ((string key, string[] values) in ZhResources.OpenCcEntries("CJK_Compatibility_Ideographs.txt"))
            {
                map.Set(char.ConvertToUtf32(key, 0), values[0]);
            }

            return map;
        }
    }
}
