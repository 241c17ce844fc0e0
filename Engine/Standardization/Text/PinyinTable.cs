using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Toneless Hanyu Pinyin for 41,430 Han characters (Resources/zh/pinyin/hanzi_pinyin.tsv), ü written as "v"
/// (吕 → "lv"). The default reading is pinyin-pro's first reading where it has one (行 → xing, 莎 → sha, 朝 → chao),
/// otherwise hotoo/pinyin's most common one. Immutable and thread-safe.
/// </summary>
public sealed class PinyinTable
{
    private static readonly Lazy<PinyinTable> s_default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Longest pinyin syllable ("zhuang", "shuang").</summary>
    private const int MaxSyllableLength = 6;

    private readonly string?[] _defaultBmp;
    private readonly ReadOnlyCollection<string>?[] _readingsBmp;
    private readonly Dictionary<int, ReadOnlyCollection<string>> _readingsSupplementary;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _syllables;

    private PinyinTable(
        string?[] defaultBmp,
        ReadOnlyCollection<string>?[] readingsBmp,
        Dictionary<int, ReadOnlyCollection<string>> readingsSupplementary,
        FrozenSet<string> syllables)
    {
        _defaultBmp = defaultBmp;
        _readingsBmp = readingsBmp;
        _readingsSupplementary = readingsSupplementary;
        _syllables = syllables.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The table built from the embedded data (loaded once, on first use).</summary>
    public static PinyinTable Default => s_default.Value;

    /// <summary>Toneless default reading of a Han character ("张" → "zhang", "吕" → "lv"), or null if unknown.</summary>
    public string? Syllable(char han)
    {
        string? syllable = _defaultBmp[han];
        if (syllable is null && TextNormalizer.CompatibilityIdeographs.Get(han) is { } unified)
        {
            return Syllable(char.ConvertToUtf32(unified, 0));
        }

        return syllable;
    }

    /// <summary>Toneless default reading of a Han code point (supplementary planes included), or null if unknown.</summary>
    public string? Syllable(int codePoint) =>
        codePoint <= 0xFFFF ? Syllable((char)codePoint)
        : _readingsSupplementary.TryGetValue(codePoint, out var readings) ? readings[0]
        : TextNormalizer.CompatibilityIdeographs.Get(codePoint) is { } unified ? Syllable(char.ConvertToUtf32(unified, 0))
        : null;

    /// <summary>All toneless readings, default first ("朝" → ["chao", "zhao"]); empty if unknown.</summary>
    public IReadOnlyList<string> Readings(char han) =>
        _readingsBmp[han]
        ?? (TextNormalizer.CompatibilityIdeographs.Get(han) is { Length: 1 } unified ? _readingsBmp[unified[0]] : null)
        ?? (IReadOnlyList<string>)[];

    /// <summary>
    /// The surname reading of a Han surname, which often differs from the default reading:
    /// 单 → "shan", 曾 → "zeng", 区 → "ou", 欧阳 → "ouyang". Null if it is not a known surname.
    /// </summary>
    public string? SurnameReading(string surname) =>
        string.IsNullOrEmpty(surname) ? null : SurnameTable.Default.Reading(surname);

    /// <summary>
    /// Converts text to toneless pinyin tokens joined by <paramref name="separator"/>: each Han character becomes its
    /// default syllable, runs of other letters/digits are kept lower-cased as their own tokens, everything else separates
    /// tokens. With <paramref name="asSurnameFirst"/> the leading surname (compound first) takes its surname reading:
    /// "单田芳" → "shan tian fang", "欧阳娜娜" → "ou yang na na". Han characters without a reading are kept as they are.
    /// </summary>
    public string ToPinyin(ReadOnlySpan<char> text, bool asSurnameFirst = false, string separator = " ")
    {
        separator ??= string.Empty;
        var sb = new ValueStringBuilder(stackalloc char[128]);
        try
        {
            bool any = false;
            int i = 0;
            if (asSurnameFirst)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                int length = SurnameTable.Default.MatchSurnameLength(text[i..]);
                if (length > 0 && SurnameTable.Default.Syllables(text.Slice(i, length)) is { } syllables)
                {
                    foreach (string syllable in syllables)
                    {
                        AppendToken(ref sb, syllable, separator, ref any);
                    }

                    i += length;
                }
            }

            while (i < text.Length)
            {
                char c = text[i];
                if (TextNormalizer.IsHan(c))
                {
                    string? syllable = Syllable(c);
                    AppendToken(ref sb, syllable is null ? text.Slice(i, 1) : syllable, separator, ref any);
                    i++;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    if (TextNormalizer.IsHan(codePoint))
                    {
                        string? syllable = Syllable(codePoint);
                        AppendToken(ref sb, syllable is null ? text.Slice(i, 2) : syllable, separator, ref any);
                    }

                    i += 2;
                }
                else if (char.IsLetterOrDigit(c))
                {
                    if (any)
                    {
                        sb.Append(separator);
                    }

                    any = true;
                    while (i < text.Length && char.IsLetterOrDigit(text[i]) && !TextNormalizer.IsHan(text[i]))
                    {
                        sb.Append(char.ToLowerInvariant(text[i]));
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            return sb.ToString();
        }
        finally
        {
            sb.Dispose();
        }
    }

    /// <summary>True if <paramref name="latinLower"/> is exactly one toneless pinyin syllable ("zhang", "lv"); "smith" is not.</summary>
    public bool IsSyllable(ReadOnlySpan<char> latinLower) =>
        latinLower.Length is > 0 and <= MaxSyllableLength && _syllables.Contains(latinLower);

    /// <summary>
    /// Splits a romanized run into pinyin syllables, or returns null if it cannot be read as pinyin:
    /// "xiaoming" → ["xiao", "ming"], "zhangwei" → ["zhang", "wei"], "xian" → ["xian"].
    /// Fewest syllables win; among equally short splits the one without a vowel-initial syllable inside the word wins
    /// (the pinyin apostrophe rule: "fangan" → ["fan", "gan"], as "fang'an" would carry an apostrophe).
    /// An apostrophe or hyphen forces a boundary ("xi'an" → ["xi", "an"]).
    /// </summary>
    public string[]? SegmentSyllables(string latinLower)
    {
        if (string.IsNullOrEmpty(latinLower))
        {
            return null;
        }

        var result = new List<string>(4);
        ReadOnlySpan<char> rest = latinLower;
        while (true)
        {
            int boundary = rest.IndexOfAny('\'', '-');
            ReadOnlySpan<char> part = boundary < 0 ? rest : rest[..boundary];
            if (part.IsEmpty || !SegmentPart(part, result))
            {
                return null;
            }

            if (boundary < 0)
            {
                return [.. result];
            }

            rest = rest[(boundary + 1)..];
        }
    }

    /// <summary>
    /// True if <paramref name="latinLower"/> can be read as pinyin syllables (same rules as <see cref="SegmentSyllables"/>,
    /// without allocating the result).
    /// </summary>
    internal bool IsPinyin(ReadOnlySpan<char> latinLower)
    {
        if (latinLower.IsEmpty)
        {
            return false;
        }

        foreach (Range range in latinLower.SplitAny("'-"))
        {
            ReadOnlySpan<char> part = latinLower[range];
            if (part.IsEmpty || !SegmentPart(part, null))
            {
                return false;
            }
        }

        return true;
    }

    private bool SegmentPart(ReadOnlySpan<char> word, List<string>? output)
    {
        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        int n = word.Length;
        // Cost of the best split of word[..i]: syllable count, then vowel-initial syllables after the first.
        Span<int> count = n < 64 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> vowelStarts = n < 64 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> previous = n < 64 ? stackalloc int[n + 1] : new int[n + 1];
        count.Fill(int.MaxValue);
        count[0] = 0;
        vowelStarts[0] = 0;
        for (int end = 1; end <= n; end++)
        {
            for (int length = 1; length <= MaxSyllableLength && length <= end; length++)
            {
                int start = end - length;
                if (count[start] == int.MaxValue || !_syllables.Contains(word[start..end]))
                {
                    continue;
                }

                int candidateCount = count[start] + 1;
                int candidateVowels = vowelStarts[start] + (start > 0 && word[start] is 'a' or 'o' or 'e' ? 1 : 0);
                if (candidateCount < count[end] || (candidateCount == count[end] && candidateVowels < vowelStarts[end]))
                {
                    count[end] = candidateCount;
                    vowelStarts[end] = candidateVowels;
                    previous[end] = start;
                }
            }
        }

        if (count[n] == int.MaxValue)
        {
            return false;
        }

        if (output is null)
        {
            return true;
        }

        int insertAt = output.Count;
        for (int end = n; end > 0; end = previous[end])
        {
            ReadOnlySpan<char> piece = word[previous[end]..end];
            _syllables.TryGetValue(piece, out string? interned);
            output.Insert(insertAt, interned ?? piece.ToString());
        }

        return true;
    }

    private static void AppendToken(ref ValueStringBuilder sb, scoped ReadOnlySpan<char> token, string separator, ref bool any)
    {
        if (any)
        {
            sb.Append(separator);
        }

        sb.Append(token);
        any = true;
    }

    private static PinyinTable Load()
    {
        var defaultBmp = new string?[0x10000];
        var readingsBmp = new ReadOnlyCollection<string>?[0x10000];
        var supplementary = new Dictionary<int, ReadOnlyCollection<string>>();
        var syllablePool = new Dictionary<string, string>(StringComparer.Ordinal);
        var readingLists = new Dictionary<string, ReadOnlyCollection<string>>(StringComparer.Ordinal);

        foreach (string line in ZhResources.DataLines("zh/pinyin/hanzi_pinyin.tsv"))
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            string field = line[(tab + 1)..];
            if (!readingLists.TryGetValue(field, out ReadOnlyCollection<string>? readings))
            {
                string[] parts = field.Split(',', StringSplitOptions.RemoveEmptyEntries);
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!syllablePool.TryGetValue(parts[i], out string? pooled))
                    {
                        syllablePool.Add(parts[i], pooled = parts[i]);
                    }

                    parts[i] = pooled;
                }

                readings = Array.AsReadOnly(parts);
                readingLists.Add(field, readings);
            }

            if (readings.Count == 0)
            {
                continue;
            }

            int codePoint = char.ConvertToUtf32(line, 0);
            if (codePoint <= 0xFFFF)
            {
                defaultBmp[codePoint] = readings[0];
                readingsBmp[codePoint] = readings;
            }
            else
            {
                supplementary[codePoint] = readings;
            }
        }

        // Syllable inventory for romanized input: every reading with a vowel (drops the interjections m, n, ng, hm, hng),
        // plus "lue"/"nue", the common spelling of lüe/nüe when ü is unavailable.
        var syllables = new HashSet<string>(StringComparer.Ordinal) { "lue", "nue" };
        foreach (string syllable in syllablePool.Keys)
        {
            if (syllable.AsSpan().IndexOfAny("aeiouv") >= 0 && syllable.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0)
            {
                syllables.Add(syllable);
            }
        }

        return new PinyinTable(defaultBmp, readingsBmp, supplementary, syllables.ToFrozenSet(StringComparer.Ordinal));
    }
}
