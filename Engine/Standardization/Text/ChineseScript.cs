using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Traditional → simplified Chinese conversion built from the OpenCC dictionaries embedded under Resources/zh/opencc,
/// equivalent to OpenCC's <c>t2s</c> preceded by the Taiwan/Hong Kong variant reversal of <c>tw2s</c>/<c>hk2s</c>.
/// </summary>
/// <remarks>
/// Two passes, each a longest-match over a phrase table with a per-character fallback (as OpenCC does):
/// <list type="number">
/// <item>variants → OpenCC standard: TWVariantsRevPhrases + HKVariantsRevPhrases, then the reverse of
/// TWVariants/HKVariants per character (also CJK compatibility ideographs → unified);</item>
/// <item>TSPhrases, then TSCharacters (first candidate).</item>
/// </list>
/// Deliberate differences from running OpenCC blindly, because most of our input is already simplified:
/// <list type="bullet">
/// <item>A value with no character that changes at character level is returned unchanged. This keeps simplified text
/// stable: TSPhrases also rewrites phrases made only of characters that are valid simplified (沈默→沉默, 打坏→打坯,
/// 藉口→借口), which would corrupt simplified names such as 沈默 or 沈浮.</item>
/// <item>Four reverse variants are not applied per character: 著→着 (著 is standard simplified: 著名, 显著),
/// 么→幺 (breaks 什么), 顎→齶 and 鯰→鮎 (their plain t2s results 颚, 鲶 are already valid simplified characters).</item>
/// <item>TWPhrasesRev (Taiwan vocabulary → mainland vocabulary, 軟體→软件) is not applied: it rewrites ordinary name
/// and address words (智慧→智能, 查德→乍得, 建立→创建, 文件→文档).</item>
/// <item>TSCharacters chains are resolved (薴→苧→苎) so the conversion is idempotent.</item>
/// </list>
/// The instance is immutable and thread-safe.
/// </remarks>
public sealed class ChineseScript
{
    private static readonly Lazy<ChineseScript> s_default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Reverse variants deliberately left alone at character level (see remarks).</summary>
    private const string ExcludedReverseVariants = "著么顎鯰";

    private readonly PhraseTable _variantPhrases;
    private readonly CharMap _variantChars;
    private readonly PhraseTable _tsPhrases;
    private readonly CharMap _tsChars;

    /// <summary>BMP chars (and high surrogates of supplementary keys) that change in either character table.</summary>
    private readonly ulong[] _changes = new ulong[0x10000 / 64];

    private ChineseScript(PhraseTable variantPhrases, CharMap variantChars, PhraseTable tsPhrases, CharMap tsChars)
    {
        _variantPhrases = variantPhrases;
        _variantChars = variantChars;
        _tsPhrases = tsPhrases;
        _tsChars = tsChars;
        foreach (int cp in variantChars.Keys().Concat(tsChars.Keys()))
        {
            int bit = cp <= 0xFFFF ? cp : char.ConvertFromUtf32(cp)[0];
            _changes[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>The converter built from the embedded OpenCC tables (loaded once, on first use).</summary>
    public static ChineseScript Default => s_default.Value;

    /// <summary>
    /// Converts traditional (OpenCC standard, Taiwan or Hong Kong) Chinese to simplified, phrase-aware:
    /// 張偉→张伟, 頭髮→头发, 臺灣→台湾, 乾燥→干燥 but 乾隆→乾隆, 著名 stays 著名.
    /// </summary>
    /// <returns>The same instance when no character changes.</returns>
    public string ToSimplified(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!HasConvertible(value))
        {
            return value;
        }

        var standard = new ValueStringBuilder(stackalloc char[128]);
        var simplified = new ValueStringBuilder(stackalloc char[128]);
        try
        {
            bool changed = Convert(value, _variantPhrases, _variantChars, ref standard);
            ReadOnlySpan<char> middle = changed ? standard.AsSpan() : value.AsSpan();
            changed |= Convert(middle, _tsPhrases, _tsChars, ref simplified);
            if (!changed)
            {
                return value;
            }

            ReadOnlySpan<char> result = simplified.AsSpan();
            return result.SequenceEqual(value) ? value : new string(result);
        }
        finally
        {
            simplified.Dispose();
            standard.Dispose();
        }
    }

    /// <summary>True if <paramref name="text"/> contains a character the conversion would change on its own.</summary>
    public bool HasConvertible(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if ((_changes[c >> 6] & (1UL << c)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Character-level simplification without phrase context (variant reversal then TSCharacters), appended to
    /// <paramref name="output"/>. Used where text is not running prose, e.g. to look up a surname prefix.
    /// </summary>
    internal void AppendSimplifiedCharacters(scoped ReadOnlySpan<char> text, ref ValueStringBuilder output)
    {
        var standard = new ValueStringBuilder(stackalloc char[16]);
        try
        {
            for (int i = 0; i < text.Length;)
            {
                _variantChars.AppendMapped(text, i, ref standard, out int consumed);
                i += consumed;
            }

            ReadOnlySpan<char> middle = standard.AsSpan();
            for (int i = 0; i < middle.Length;)
            {
                _tsChars.AppendMapped(middle, i, ref output, out int consumed);
                i += consumed;
            }
        }
        finally
        {
            standard.Dispose();
        }
    }

    /// <summary>
    /// Character-level simplification of one BMP char (variant reversal then TSCharacters); returns
    /// <paramref name="c"/> itself when unmapped or when the result is not a single BMP char.
    /// </summary>
    internal char SimplifyChar(char c)
    {
        string? standard = _variantChars.Get(c);
        char middle = standard is { Length: 1 } ? standard[0] : c;
        return _tsChars.Get(middle) is { Length: 1 } simplified ? simplified[0] : middle;
    }

    private static bool Convert(scoped ReadOnlySpan<char> text, PhraseTable phrases, CharMap chars, ref ValueStringBuilder output)
    {
        bool changed = false;
        for (int i = 0; i < text.Length;)
        {
            if (phrases.TryMatch(text[i..], out int length, out string? replacement))
            {
                output.Append(replacement);
                changed |= !text.Slice(i, length).SequenceEqual(replacement);
                i += length;
                continue;
            }

            changed |= chars.AppendMapped(text, i, ref output, out int consumed);
            i += consumed;
        }

        return changed;
    }

    private static ChineseScript Load()
    {
        // Pass 1: variants → OpenCC standard.
        var variantPhrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { "TWVariantsRevPhrases.txt", "HKVariantsRevPhrases.txt" })
        {
            foreach ((string key, string[] values) in ZhResources.OpenCcEntries(file))
            {
                variantPhrases.TryAdd(key, values[0]);
            }
        }

        // Reverse TWVariants/HKVariants: variant → first standard form that produces it (TW before HK, file order).
        var reverse = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { "TWVariants.txt", "HKVariants.txt" })
        {
            foreach ((string standard, string[] variants) in ZhResources.OpenCcEntries(file))
            {
                foreach (string variant in variants)
                {
                    reverse.TryAdd(variant, standard);
                }
            }
        }

        var variantChars = new CharMap();
        foreach ((string variant, string standard) in reverse)
        {
            if (!ExcludedReverseVariants.Contains(variant, StringComparison.Ordinal))
            {
                variantChars.Set(char.ConvertToUtf32(variant, 0), standard);
            }
        }

        // Compatibility ideographs → unified, then through the variant reversal as well (one pass does both).
        CharMap compatibility = TextNormalizer.CompatibilityIdeographs;
        foreach (int cp in compatibility.Keys())
        {
            string unified = compatibility.Get(cp)!;
            variantChars.Set(cp, variantChars.Get(char.ConvertToUtf32(unified, 0)) ?? unified);
        }

        // Pass 2: TSPhrases + TSCharacters (first candidate, chains resolved).
        var tsPhrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string[] values) in ZhResources.OpenCcEntries("TSPhrases.txt"))
        {
            tsPhrases.TryAdd(key, values[0]);
        }

        var tsFirst = new Dictionary<int, string>();
        foreach ((string key, string[] values) in ZhResources.OpenCcEntries("TSCharacters.txt"))
        {
            tsFirst.TryAdd(char.ConvertToUtf32(key, 0), values[0]);
        }

        var tsChars = new CharMap();
        foreach ((int cp, string first) in tsFirst)
        {
            string target = first;
            for (int hop = 0; hop < 4 && IsSingleCodePoint(target); hop++)
            {
                int next = char.ConvertToUtf32(target, 0);
                if (next == cp || !tsFirst.TryGetValue(next, out string? further) || further == target)
                {
                    break;
                }

                target = further;
            }

            tsChars.Set(cp, target);
        }

        return new ChineseScript(new PhraseTable(variantPhrases), variantChars, new PhraseTable(tsPhrases), tsChars);
    }

    private static bool IsSingleCodePoint(string s) =>
        s.Length == 1 || (s.Length == 2 && char.IsSurrogatePair(s[0], s[1]));

    /// <summary>Longest-match phrase dictionary (keys of two or more chars), looked up by span without allocating.</summary>
    private sealed class PhraseTable
    {
        private readonly FrozenDictionary<string, string> _phrases;
        private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        /// <summary>Longest key length per first char (0 = no phrase starts with it).</summary>
        private readonly byte[] _maxLengthByFirst = new byte[0x10000];

        public PhraseTable(Dictionary<string, string> phrases)
        {
            foreach (string key in phrases.Keys)
            {
                if (key.Length >= 2)
                {
                    _maxLengthByFirst[key[0]] = (byte)Math.Min(byte.MaxValue, Math.Max(_maxLengthByFirst[key[0]], key.Length));
                }
            }

            _phrases = phrases.Where(p => p.Key.Length >= 2).ToFrozenDictionary(StringComparer.Ordinal);
            _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool TryMatch(ReadOnlySpan<char> text, out int length, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? replacement)
        {
            int max = text.Length < 2 ? 0 : Math.Min(_maxLengthByFirst[text[0]], text.Length);
            for (length = max; length >= 2; length--)
            {
                if (_lookup.TryGetValue(text[..length], out replacement))
                {
                    return true;
                }
            }

            length = 0;
            replacement = null;
            return false;
        }
    }
}
