using Lucene.Net.Analysis;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Names: normalization (Traditional → Simplified first, so 張偉 reads as 张伟) → the project's
/// <see cref="PersonNameTokenizer"/>: Han unigrams, bigrams and the pinyin of every character at its position, Latin
/// words with romanized runs split into syllables. 张伟, 張偉, "Wei Zhang", "ZHANG WEI" and "zhangwei" all give zhang and wei.
/// </summary>
public sealed class NameAnalyzer : Analyzer
{
    private static readonly PinyinTable Pinyin = PinyinTable.Default;

    protected override TextReader InitReader(string fieldName, TextReader reader) => NormalizingReader.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new PersonNameTokenizer(reader, c => Pinyin.Syllable(c), s => Pinyin.SegmentSyllables(s)));
}
