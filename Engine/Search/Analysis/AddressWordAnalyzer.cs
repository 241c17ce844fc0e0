using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Addresses (and company names) as words: normalization → SmartCn's HMM word tokenizer → SmartCn's stop set
/// (punctuation) → <see cref="DivisionShortFormFilter"/> (深圳市 also as 深圳, 南山区 as 南山). Queries go through the
/// same chain, so 深圳科技园 becomes the words 深圳 and 科技园, each of which an address must contain.
/// </summary>
public sealed class AddressWordAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => NormalizingReader.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream result = new StopFilter(LuceneVersion.LUCENE_48, source, SmartChineseAnalyzer.DefaultStopSet);
        result = new DivisionShortFormFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
