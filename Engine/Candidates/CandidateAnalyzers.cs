using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Mdm.Engine.Candidates.Analysis;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Candidates;

/// <summary>
/// The per-field analysis of the candidate index: person names as characters, bigrams and pinyin (so 张伟, 張偉 after
/// conversion, and "Zhang Wei" meet); company names segmented with the jieba dictionary plus bigrams of long words.
/// </summary>
internal static class CandidateAnalyzers
{
    public static Analyzer Create()
    {
        var pinyin = PinyinTable.Default;
        var name = new PersonNameAnalyzer(c => pinyin.Syllable(c), s => pinyin.SegmentSyllables(s));
        var company = new ChineseAnalyzer();
        return new PerFieldAnalyzerWrapper(company, new Dictionary<string, Analyzer>
        {
            [CandidateIndex.NameField] = name,
            [CandidateIndex.CompanyField] = company,
        });
    }
}
