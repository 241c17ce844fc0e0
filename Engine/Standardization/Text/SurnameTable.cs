using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Chinese surnames (437 single-character, 62 compound) with their surname readings, from Resources/zh/names/surnames.tsv.
/// Immutable and thread-safe.
/// </summary>
public sealed class SurnameTable
{
    private static readonly Lazy<SurnameTable> s_default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Rank returned for a surname pinyin that is known but not among the ranked most common surnames.</summary>
    internal const int Unranked = 1000;

    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _byHan;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rankByPinyin;
    private readonly ulong[] _singleChars = new ulong[0x10000 / 64];

    private SurnameTable(Dictionary<string, Entry> byHan, Dictionary<string, int> rankByPinyin)
    {
        _byHan = byHan.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _rankByPinyin = rankByPinyin.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string han in byHan.Keys)
        {
            if (han.Length == 1)
            {
                _singleChars[han[0] >> 6] |= 1UL << han[0];
            }
        }
    }

    /// <summary>The table built from the embedded surname list (loaded once, on first use).</summary>
    public static SurnameTable Default => s_default.Value;

    /// <summary>
    /// Length in chars of the known surname at the start of a Han name, compound surnames first
    /// (欧阳娜娜 → 2, 司马光 → 2, 张伟 → 1), or 0 if the name does not start with a known surname.
    /// Traditional characters are simplified for the lookup (歐陽娜娜 → 2). A compound surname is only taken when a given
    /// name follows it, unless its first character is not a surname on its own (欧阳 alone → 1, 上官 alone → 2).
    /// </summary>
    public int MatchSurnameLength(ReadOnlySpan<char> hanName)
    {
        if (hanName.IsEmpty)
        {
            return 0;
        }

        ChineseScript script = ChineseScript.Default;
        char first = script.SimplifyChar(hanName[0]);
        bool single = IsSingle(first);
        if (hanName.Length >= 2 && (hanName.Length >= 3 || !single))
        {
            Span<char> compound = [first, script.SimplifyChar(hanName[1])];
            if (_byHan.TryGetValue(compound, out _))
            {
                return 2;
            }
        }

        return single ? 1 : 0;
    }

    /// <summary>True if <paramref name="latinLower"/> is the toneless reading of a known surname ("zhang", "ouyang", "lv").</summary>
    public bool IsSurnamePinyin(string latinLower) => latinLower is not null && _rankByPinyin.ContainsKey(latinLower);

    /// <inheritdoc cref="IsSurnamePinyin(string)"/>
    public bool IsSurnamePinyin(ReadOnlySpan<char> latinLower) => _rankByPinyin.ContainsKey(latinLower);

    /// <summary>The surname reading without spaces ("欧阳" → "ouyang", "单" → "shan"), or null if it is not a known surname.</summary>
    public string? Reading(ReadOnlySpan<char> surname) => Find(surname)?.Reading;

    /// <summary>The surname reading as syllables ("欧阳" → ["ou", "yang"]), or null if it is not a known surname.</summary>
    internal IReadOnlyList<string>? Syllables(ReadOnlySpan<char> surname) => Find(surname)?.Syllables;

    /// <summary>
    /// Popularity rank of a surname pinyin: 1 (王 wang) … 100 by the approximate population order of the most common
    /// surnames, <see cref="Unranked"/> for other known surnames, <see cref="int.MaxValue"/> if it is not a surname reading.
    /// Only used to break ties when deciding which romanized token is the family name.
    /// </summary>
    internal int PinyinRank(ReadOnlySpan<char> latinLower) =>
        _rankByPinyin.TryGetValue(latinLower, out int rank) ? rank : int.MaxValue;

    private bool IsSingle(char c) => (_singleChars[c >> 6] & (1UL << c)) != 0;

    private Entry? Find(ReadOnlySpan<char> surname)
    {
        if (surname.IsEmpty || surname.Length > 2)
        {
            return null;
        }

        if (_byHan.TryGetValue(surname, out Entry? entry))
        {
            return entry;
        }

        ChineseScript script = ChineseScript.Default;
        Span<char> simplified = surname.Length == 1
            ? [script.SimplifyChar(surname[0])]
            : [script.SimplifyChar(surname[0]), script.SimplifyChar(surname[1])];
        return _byHan.TryGetValue(simplified, out entry) ? entry : null;
    }

    private static SurnameTable Load()
    {
        var byHan = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var rankByPinyin = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in ZhResources.DataLines("zh/names/surnames.tsv"))
        {
            string[] columns = line.Split('\t');
            string han = columns[0];
            string[] syllables = columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int rank = int.Parse(columns[2], System.Globalization.CultureInfo.InvariantCulture);
            if (rank == 0)
            {
                rank = Unranked;
            }

            var entry = new Entry(string.Concat(syllables), Array.AsReadOnly(syllables));
            byHan.TryAdd(han, entry);
            rankByPinyin[entry.Reading] = Math.Min(rank, rankByPinyin.GetValueOrDefault(entry.Reading, int.MaxValue));
        }

        return new SurnameTable(byHan, rankByPinyin);
    }

    private sealed record Entry(string Reading, IReadOnlyList<string> Syllables);
}
