using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Search.Analysis;
using Mdm.Engine.Standardization;
using Mdm.Engine.Standardization.Identifiers;
using Mdm.Engine.Standardization.Names;
using Mdm.Engine.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Mdm.Engine.Search;

/// <summary>
/// The call-center customer search: a Lucene index in <c>&lt;store&gt;.search/</c>, one document per active golden
/// customer (see <see cref="CustomerDocuments"/>), kept current as a <see cref="IResolutionSubscriber"/>. Searches run
/// concurrently on near-real-time readers (SearcherManager) while one writer updates: a resolve is findable as soon as
/// the engine's call returns. The commit's user data names the store run the index reflects; an index missing or behind
/// the store's last resolution is rebuilt on open.
/// </summary>
public sealed class CustomerSearchIndex : IResolutionSubscriber, IDisposable
{
    private const string RunKey = "resolved_run";
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(30);

    private readonly IMdmStore _store;
    private readonly RecordStandardizer _standardizer;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly object _writeGate = new();
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();
    /// <summary>The run the last commit claims; a scoped write's commit keeps claiming it until <see cref="Dispose"/>, so a crash means a rebuild.</summary>
    private long _committedRun;
    private long _latestRun;

    private CustomerSearchIndex(LuceneDirectory directory, IMdmStore store, RecordStandardizer standardizer)
    {
        _store = store;
        _standardizer = standardizer;
        _directory = directory;
        _analyzer = SearchAnalyzers.Create();
        _writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 32,
        });
        _searchers = new SearcherManager(_writer, true, null);
        var data = _writer.CommitData;
        _committedRun = data is not null && data.TryGetValue(RunKey, out var r) && long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var run) ? run : -1;
        _latestRun = _committedRun;
    }

    /// <summary>The index folder of a store: <c>&lt;store&gt;.search</c>.</summary>
    public static string PathOf(string storePath) => storePath + ".search";

    /// <summary>Opens the index in <paramref name="path"/>, rebuilding it from <paramref name="store"/> when missing or stale.</summary>
    public static CustomerSearchIndex Open(string path, IMdmStore store, RecordStandardizer? standardizer = null)
    {
        System.IO.Directory.CreateDirectory(path);
        return Open(new NIOFSDirectory(new DirectoryInfo(path)), store, standardizer);
    }

    /// <summary>An index in memory (tests), built from the store.</summary>
    public static CustomerSearchIndex InMemory(IMdmStore store, RecordStandardizer? standardizer = null) => Open(new RAMDirectory(), store, standardizer);

    private static CustomerSearchIndex Open(LuceneDirectory directory, IMdmStore store, RecordStandardizer? standardizer)
    {
        var index = new CustomerSearchIndex(directory, store, standardizer ?? new RecordStandardizer());
        try
        {
            var resolved = store.ResolvedRun;
            if (index._committedRun != resolved) index.Rebuild();
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Seconds the last full rebuild took.</summary>
    public double LastRebuildSeconds { get; private set; }

    /// <summary>Active golden customers in the index (as the current reader sees them).</summary>
    public int DocumentCount
    {
        get
        {
            var s = _searchers.Acquire();
            try { return s.IndexReader.NumDocs; }
            finally { _searchers.Release(s); }
        }
    }

    /// <summary>Rebuilds every document from the store: active records, standardized, grouped through the cross-reference.</summary>
    public void Rebuild()
    {
        var goldenOf = _store.LoadCrossReferenceByRecord();
        var profiles = _store.LoadSystemProfiles();
        var stored = _store.ReadActiveRecords(goldenOf.ContainsKey).ToList();
        var records = new StandardizedRecord[stored.Count];
        Parallel.For(0, stored.Count, i =>
        {
            var s = stored[i];
            var std = _standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
            std.Id = s.RecordId;
            records[i] = std;
        });
        lock (_writeGate) Replace(records, goldenOf, _store.ResolvedRun);
    }

    /// <inheritdoc/>
    public void ResolutionWritten(IMdmStore store, ResolutionWrite write, long runId)
    {
        var goldenOf = new Dictionary<int, string>(write.CrossReference.Count);
        foreach (var x in write.CrossReference) goldenOf[x.RecordId] = x.GoldenId;
        var records = write.Records ?? ReadAndStandardize(store, goldenOf.Keys);
        lock (_writeGate)
        {
            _latestRun = Math.Max(_latestRun, runId);
            if (write.Scope is null)
            {
                Replace(records, goldenOf, runId);
                return;
            }
            foreach (var g in write.Scope.GoldenIds) _writer.DeleteDocuments(new Term(CustomerDocuments.GoldenIdField, g));
            foreach (var g in write.GoldenRecords) _writer.DeleteDocuments(new Term(CustomerDocuments.GoldenIdField, g.GoldenId));
            var active = new HashSet<string>(write.GoldenRecords.Select(g => g.GoldenId), StringComparer.Ordinal);
            foreach (var (goldenId, members) in Group(records, goldenOf))
                if (active.Contains(goldenId)) _writer.AddDocument(CustomerDocuments.Build(goldenId, members));
            // Visible before the engine's call returns; durable at the next commit (an interval, not every resolve: an fsync each).
            _searchers.MaybeRefreshBlocking();
            if (_sinceCommit.Elapsed > CommitInterval) Commit(_committedRun);
        }
    }

    private List<StandardizedRecord> ReadAndStandardize(ISourceRecordStore store, IReadOnlyCollection<int> ids)
    {
        var profiles = store.LoadSystemProfiles();
        var result = new List<StandardizedRecord>(ids.Count);
        foreach (var s in store.ReadRecords(ids))
        {
            var std = _standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
            std.Id = s.RecordId;
            result.Add(std);
        }
        return result;
    }

    private static Dictionary<string, List<StandardizedRecord>> Group(IReadOnlyList<StandardizedRecord> records, IReadOnlyDictionary<int, string> goldenOf)
    {
        var groups = new Dictionary<string, List<StandardizedRecord>>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!goldenOf.TryGetValue(r.Id, out var g)) continue;
            if (!groups.TryGetValue(g, out var list)) groups[g] = list = new List<StandardizedRecord>(2);
            list.Add(r);
        }
        return groups;
    }

    /// <summary>Replaces the whole index (a full resolution or a rebuild) and commits it as reflecting <paramref name="run"/>.</summary>
    private void Replace(IReadOnlyList<StandardizedRecord> records, IReadOnlyDictionary<int, string> goldenOf, long run)
    {
        var clock = Stopwatch.StartNew();
        _writer.DeleteAll();
        var groups = Group(records, goldenOf).ToArray();
        // IndexWriter takes documents from several threads; analysis (SmartCn above all) is the cost.
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            _writer.AddDocument(CustomerDocuments.Build(groups[i].Key, groups[i].Value)));
        _latestRun = Math.Max(_latestRun, run);
        Commit(run);
        LastRebuildSeconds = clock.Elapsed.TotalSeconds;
    }

    private void Commit(long run)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [RunKey] = run.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        _committedRun = run;
        _sinceCommit.Restart();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Finds customers; exact look-ups (phone, ID, golden ID) first, fuzzy name/address search otherwise.</summary>
    public IReadOnlyList<CustomerHit> Search(CustomerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var phone = PhoneNumber.Parse(query.Phone, PhoneNumber.DefaultCountry);
            return phone.IsValid ? Run(new TermQuery(new Term(CustomerDocuments.PhoneField, phone.E164)), size, "phone") : [];
        }
        if (!string.IsNullOrWhiteSpace(query.IdNumber))
        {
            var key = CustomerDocuments.IdKey(query.IdNumber);
            return key.Length == 0 ? [] : Run(new TermQuery(new Term(CustomerDocuments.IdField, key)), size, "id_number");
        }
        if (!string.IsNullOrWhiteSpace(query.GoldenId))
        {
            var id = query.GoldenId.Trim().ToUpperInvariant();
            id = _store.ResolveGoldenId(id) ?? id;
            return Run(new TermQuery(new Term(CustomerDocuments.GoldenIdField, id)), size, "golden_id");
        }
        var fuzzy = new BooleanQuery();
        var on = new List<string>(2);
        if (NameQuery(query.Name) is { } name) { fuzzy.Add(name, Occur.MUST); on.Add("name"); }
        if (AddressQuery(query.Address) is { } address) { fuzzy.Add(address, Occur.MUST); on.Add("address"); }
        if (on.Count == 0) return [];
        Query q = fuzzy;
        if (!string.IsNullOrWhiteSpace(query.City))
        {
            var city = SearchText.Normalize(query.City).Replace(" ", "", StringComparison.Ordinal);
            q = new FilteredQuery(fuzzy, new QueryWrapperFilter(new TermQuery(new Term(CustomerDocuments.CityField, city))));
        }
        return Run(q, size, string.Join('+', on));
    }

    /// <summary>
    /// Name positions (a Han character: itself, its pinyin, the bigram from it; a romanized syllable) of which most must
    /// match — 张伟 finds 張偉, "Wei Zhang" and 张伟明, not every 伟 — and the exact full name and its order-free pinyin
    /// key as strong optional boosts, so the exact name ranks first.
    /// </summary>
    private Query? NameQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var terms = new BooleanQuery();
        foreach (var position in NamePositions(text))
        {
            var any = new BooleanQuery();
            foreach (var t in position.Distinct(StringComparer.Ordinal)) any.Add(new TermQuery(new Term(SearchAnalyzers.NameField, t)), Occur.SHOULD);
            terms.Add(any, Occur.SHOULD);
        }
        if (terms.Clauses.Count == 0) return null;
        terms.MinimumNumberShouldMatch = (int)Math.Ceiling(terms.Clauses.Count * 0.6);
        var query = new BooleanQuery { { terms, Occur.MUST } };
        query.Add(new TermQuery(new Term(CustomerDocuments.NameExactField, CustomerDocuments.NameKey(text))) { Boost = 8f }, Occur.SHOULD);
        if (PersonNameParser.Parse(SearchText.Normalize(text)) is { } parsed)
        {
            query.Add(new TermQuery(new Term(CustomerDocuments.NameExactField, CustomerDocuments.NameKey(parsed.Full))) { Boost = 8f }, Occur.SHOULD);
            if (parsed.PinyinSortedKey is { } key) query.Add(new TermQuery(new Term(CustomerDocuments.NameExactField, "py:" + key)) { Boost = 4f }, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>
    /// The name analyzer's positions, with a romanized run split into its syllables' positions ("zhangwei" → zhang | wei):
    /// the run itself, at the syllables' position, would let either syllable alone satisfy it.
    /// </summary>
    private List<List<string>> NamePositions(string text)
    {
        var result = new List<List<string>>();
        foreach (var position in Analyze(SearchAnalyzers.NameField, text))
        {
            if (position.Count > 1 && position.All(t => t.All(char.IsAsciiLetter)))
            {
                var whole = position.MaxBy(t => t.Length)!;
                foreach (var syllable in position) if (!ReferenceEquals(syllable, whole)) result.Add([syllable]);
            }
            else result.Add(position);
        }
        return result;
    }

    /// <summary>
    /// Every SmartCn word of the query must occur in the customer's addresses: as a word (or its division short form),
    /// or, when the address was cut differently, as the phrase of its characters' bigrams.
    /// </summary>
    private Query? AddressQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var query = new BooleanQuery();
        foreach (var position in Analyze(SearchAnalyzers.AddressWordField, text))
        {
            var any = new BooleanQuery();
            foreach (var word in position)
            {
                any.Add(new TermQuery(new Term(SearchAnalyzers.AddressWordField, word)), Occur.SHOULD);
                var grams = Analyze(SearchAnalyzers.AddressGramField, word).Select(p => p.Last()).ToList();
                if (grams.Count == 0) continue;
                // The gram analyzer gives unigram then bigram at a position; the phrase of the longest grams suffices.
                var phrase = new PhraseQuery();
                var bigrams = grams.Where(g => g.Length == 2).ToList();
                foreach (var g in bigrams.Count > 0 ? bigrams : grams) phrase.Add(new Term(SearchAnalyzers.AddressGramField, g));
                any.Add(phrase, Occur.SHOULD);
            }
            if (any.Clauses.Count > 0) query.Add(any, Occur.MUST);
        }
        return query.Clauses.Count > 0 ? query : null;
    }

    /// <summary>Terms of <paramref name="text"/> as the field's analyzer gives them, grouped by position.</summary>
    private List<List<string>> Analyze(string field, string text)
    {
        var positions = new List<List<string>>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && positions.Count < 32)
        {
            if (increment.PositionIncrement > 0 || positions.Count == 0) positions.Add([]);
            positions[^1].Add(term.ToString());
        }
        stream.End();
        return positions;
    }

    private IReadOnlyList<CustomerHit> Run(Query query, int size, string matchedOn)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, size);
            var hits = new List<CustomerHit>(top.ScoreDocs.Length);
            foreach (var sd in top.ScoreDocs)
            {
                var doc = searcher.Doc(sd.Doc);
                hits.Add(new CustomerHit(doc.Get(CustomerDocuments.GoldenIdField), sd.Score, matchedOn, doc.GetValues(CustomerDocuments.DisplayField)));
            }
            return hits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Commits what scoped writes added, now claiming the latest run they reflect.</summary>
    public void Dispose()
    {
        lock (_writeGate)
        {
            try
            {
                if (_latestRun != _committedRun || _writer.HasUncommittedChanges()) Commit(_latestRun);
            }
            finally
            {
                _searchers.Dispose();
                _writer.Dispose();
                _directory.Dispose();
                _analyzer.Dispose();
            }
        }
    }
}
