namespace Mdm.Engine.Standardization.Names;

/// <summary>
/// A parsed, normalized person name. Produced by <see cref="PersonNameParser"/>.
/// </summary>
/// <param name="Full">Display form. Han: simplified, no spaces ("张伟"); Latin: lower-case, single spaces, family name first when known ("zhang wei", "smith john").</param>
/// <param name="Family">Family name: "张", "欧阳", "zhang", "smith"; null when unknown.</param>
/// <param name="Given">Given name: "伟", "娜娜", "xiaoming", "john"; null when unknown.</param>
/// <param name="Script">Script of the source value.</param>
/// <param name="PinyinFamily">Toneless family-name pinyin without spaces ("zhang", "ouyang"); for Latin names the family token itself.</param>
/// <param name="PinyinGiven">Toneless given-name pinyin without spaces ("wei", "xiaoming"); for Latin names the given tokens without initials ("john").</param>
public sealed record PersonName(
    string Full,
    string? Family,
    string? Given,
    NameScript Script,
    string? PinyinFamily,
    string? PinyinGiven)
{
    // The derived keys are computed eagerly (so record equality stays a plain field comparison) and recomputed
    // whenever a `with` expression replaces one of their inputs.
    private readonly string? _pinyinFamily = PinyinFamily;
    private readonly string? _pinyinGiven = PinyinGiven;
    private readonly (string? SortedKey, string? Full) _keys = DeriveKeys(PinyinFamily, PinyinGiven);

    /// <inheritdoc cref="PersonName(string, string?, string?, NameScript, string?, string?)" path="/param[@name='PinyinFamily']"/>
    public string? PinyinFamily
    {
        get => _pinyinFamily;
        init
        {
            _pinyinFamily = value;
            _keys = DeriveKeys(value, _pinyinGiven);
        }
    }

    /// <inheritdoc cref="PersonName(string, string?, string?, NameScript, string?, string?)" path="/param[@name='PinyinGiven']"/>
    public string? PinyinGiven
    {
        get => _pinyinGiven;
        init
        {
            _pinyinGiven = value;
            _keys = DeriveKeys(_pinyinFamily, value);
        }
    }

    /// <summary>
    /// Order-insensitive cross-script key: the pinyin syllables of family and given name, sorted ordinally, joined by ' '.
    /// 张伟, "Zhang Wei", "WEI ZHANG" and "Zhang, Wei" all give "wei zhang"; 刘美丽 and "Liu Mei Li" both give
    /// "li liu mei", whichever of liu and li the parser took for the family name. Names that are not pinyin sort their
    /// family and given parts instead ("john smith"). Null when neither part is known.
    /// </summary>
    public string? PinyinSortedKey => _keys.SortedKey;

    /// <summary>Family then given pinyin, concatenated ("zhangwei"); null if either is missing.</summary>
    public string? PinyinFull => _keys.Full;

    private static (string? SortedKey, string? Full) DeriveKeys(string? family, string? given)
    {
        family = Compact(family);
        given = Compact(given);
        if (family is null)
        {
            return (given, null);
        }

        if (given is null)
        {
            return (family, null);
        }

        return (SyllableKey(family, given) ?? SortedPair(family, given), string.Concat(family, given));
    }

    private static string SortedPair(string family, string given) =>
        string.CompareOrdinal(family, given) <= 0 ? string.Concat(family, " ", given) : string.Concat(given, " ", family);

    // Whether "Liu Mei Li" is Liu + Meili or Liumei + Li cannot be told from the text; the multiset of syllables can.
    private static string? SyllableKey(string family, string given)
    {
        var table = Text.PinyinTable.Default;
        var familySyllables = table.SegmentSyllables(family);
        if (familySyllables is null) return null;
        var givenSyllables = table.SegmentSyllables(given);
        if (givenSyllables is null) return null;
        if (familySyllables.Length + givenSyllables.Length == 2) return SortedPair(family, given);
        var all = new string[familySyllables.Length + givenSyllables.Length];
        familySyllables.CopyTo(all, 0);
        givenSyllables.CopyTo(all, familySyllables.Length);
        Array.Sort(all, StringComparer.Ordinal);
        return string.Join(' ', all);
    }

    private static string? Compact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Contains(' ', StringComparison.Ordinal) ? value.Replace(" ", string.Empty, StringComparison.Ordinal) : value;
    }
}
