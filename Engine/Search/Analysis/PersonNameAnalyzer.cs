using Lucene.Net.Analysis;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Analyzer for person-name fields: a <see cref="PersonNameTokenizer"/> and nothing else (it already lower-cases).
/// 张伟 → 张, zhang, 张伟, 伟, wei; "WEI ZHANG" → wei, zhang — so a name written in Han characters and its
/// romanisation share the pinyin terms whatever the order of surname and given name.
/// </summary>
public sealed class PersonNameAnalyzer : Analyzer
{
    private readonly Func<char, string?> _pinyinOfChar;
    private readonly Func<string, string[]?>? _segmentPinyin;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="pinyinOfChar">Toneless pinyin of a Han character, preferably its surname/name reading
    /// (e.g. 张 → "zhang"), or null when unknown. Must be thread-safe.</param>
    /// <param name="segmentPinyin">Optional splitter of romanised runs into pinyin syllables ("xiaoming" →
    /// ["xiao", "ming"]; null when the run is not pinyin). Must be thread-safe. Without it, Latin words are
    /// indexed whole.</param>
    public PersonNameAnalyzer(Func<char, string?> pinyinOfChar, Func<string, string[]?>? segmentPinyin = null)
    {
        ArgumentNullException.ThrowIfNull(pinyinOfChar);
        _pinyinOfChar = pinyinOfChar;
        _segmentPinyin = segmentPinyin;
    }

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new PersonNameTokenizer(reader, _pinyinOfChar, _segmentPinyin));
}
