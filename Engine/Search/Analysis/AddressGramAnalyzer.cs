using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Addresses as Han unigrams and bigrams (normalization → StandardTokenizer → CJKBigramFilter with unigrams): the
/// fallback when SmartCn cuts a query word differently from the address it should find (科技园 as 科技|园路): a query word
/// then matches as the phrase of its bigrams.
/// </summary>
public sealed class AddressGramAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => NormalizingReader.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        return new TokenStreamComponents(source, new CJKBigramFilter(source, CJKScript.HAN, outputUnigrams: true));
    }
}
