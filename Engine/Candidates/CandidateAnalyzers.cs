using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Mdm.Engine.Candidates;

/// <summary>The per-field analysis of the candidate index.</summary>
internal static class CandidateAnalyzers
{
    public static Analyzer Create() =>
        new PerFieldAnalyzerWrapper(new CJKAnalyzer(LuceneVersion.LUCENE_48), new Dictionary<string, Analyzer>
        {
            [CandidateIndex.NameField] = new CJKAnalyzer(LuceneVersion.LUCENE_48),
            [CandidateIndex.AddressField] = new CJKAnalyzer(LuceneVersion.LUCENE_48),
        });
}
