using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace Mdm.Engine.Search.Analysis;

/// <summary>The per-field analysis of the customer search index; untokenized fields (ids, phones, cities) bypass it.</summary>
internal static class SearchAnalyzers
{
    public const string NameField = "name";
    public const string AddressWordField = "addr";
    public const string AddressGramField = "addr_gram";

    public static Analyzer Create()
    {
        var words = new AddressWordAnalyzer();
        return new PerFieldAnalyzerWrapper(words, new Dictionary<string, Analyzer>
        {
            [NameField] = new NameAnalyzer(),
            [AddressWordField] = words,
            [AddressGramField] = new AddressGramAnalyzer(),
        });
    }
}
