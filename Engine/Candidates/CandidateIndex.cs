using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Mdm.Engine.Standardization;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Mdm.Engine.Candidates;

/// <summary>
/// The Lucene index behind candidate search. Each source record is one document carrying its store id and its blocking
/// keys (untokenized, field <c>bk</c>). Names and addresses reach it only through the keys; fuzzy text search is the
/// customer search's (<see cref="Search.CustomerSearchIndex"/>): analyzed name fields here were read by no query. Batch blocking walks the
/// <c>bk</c> terms and their postings once (a sort-merge join done by the index) instead of querying per record;
/// incremental and real-time resolves look up the same keys per record (<see cref="CandidatesByKeys"/>). The index lives beside the store and is rebuilt from it.
/// </summary>
public sealed class CandidateIndex : IDisposable
{
    public const string IdField = "rid";
    public const string BlockingKeyField = "bk";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly BlockingKeyBuilder _keys;
    private readonly Analyzer _analyzer;
    private readonly SearcherManager _searchers;

    private CandidateIndex(LuceneDirectory directory, BlockingKeyBuilder keys, bool create)
    {
        _directory = directory;
        _keys = keys;
        // Every field is pre-tokenized (key lists) or a single term: the analyzer is never asked to analyze.
        _analyzer = new Lucene.Net.Analysis.Core.KeywordAnalyzer();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            // Small buffers flush segments on the indexing threads while adding; one big buffer flushed them serially at commit (measured: 5.5 s vs 6.9 s for 218k documents).
            RAMBufferSizeMB = 32,
            UseCompoundFile = false,
            // A batch build is read once by the blocking walk: merging segments meanwhile only competes for the cores
            // (measured: a third of the indexing time at 1M documents). The walk reads across segments as it is.
            MergePolicy = create ? NoMergePolicy.NO_COMPOUND_FILES : new TieredMergePolicy(),
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, true, null);
    }

    /// <summary>
    /// Opens (or with <paramref name="create"/> replaces) the index in <paramref name="path"/>. NIOFSDirectory rather than
    /// the mmap default: mmap slowed down steadily under sustained querying on this platform.
    /// </summary>
    public static CandidateIndex Open(string path, BlockingKeyBuilder keys, bool create)
    {
        System.IO.Directory.CreateDirectory(path);
        return new CandidateIndex(new NIOFSDirectory(new DirectoryInfo(path)), keys, create);
    }

    /// <summary>An index in memory, for tests and throw-away runs.</summary>
    public static CandidateIndex InMemory(BlockingKeyBuilder keys) => new(new RAMDirectory(), keys, true);

    public BlockingKeyBuilder Keys => _keys;

    /// <summary>Adds records; safe to call from several threads at once (IndexWriter is).</summary>
    public void Add(IReadOnlyList<StandardizedRecord> records, int from, int to)
    {
        var keys = new List<string>(16);
        var sb = new StringBuilder(64);
        for (var i = from; i < to; i++)
        {
            _writer.AddDocument(ToDocument(records[i], keys, sb));
        }
    }

    /// <summary>
    /// Adds or replaces one record (incremental and real-time paths). The record is visible to look-ups at once: until
    /// the reader next refreshes, its keys are served from a small in-memory overlay, so a resolve need not reopen the
    /// reader (a new segment per record) before it returns.
    /// </summary>
    public void Upsert(StandardizedRecord record)
    {
        var keys = new List<string>(16);
        var doc = ToDocument(record, keys, new StringBuilder(64));
        _writer.UpdateDocument(new Term("rid_key", IdTerm(record.Id)), doc);
        lock (_recent)
        {
            var seq = ++_recentSequence;
            foreach (var k in keys)
            {
                if (!_recent.TryGetValue(k, out var list)) _recent[k] = list = new List<(int, long)>(2);
                list.Add((record.Id, seq));
            }
        }
    }

    public void Delete(int id) => _writer.DeleteDocuments(new Term("rid_key", IdTerm(id)));

    /// <summary>Keys of documents added since the reader last refreshed: key → (store id, sequence).</summary>
    private readonly Dictionary<string, List<(int Id, long Sequence)>> _recent = new(StringComparer.Ordinal);
    private long _recentSequence;
    private Timer? _refreshTimer;
    private int _refreshing;

    /// <summary>Reopens the reader when records were added, then drops the overlay entries the new reader holds.</summary>
    private void RefreshReader()
    {
        long upTo;
        lock (_recent) upTo = _recentSequence;
        _searchers.MaybeRefreshBlocking();
        lock (_recent)
        {
            List<string>? empty = null;
            foreach (var (key, list) in _recent)
            {
                list.RemoveAll(e => e.Sequence <= upTo);
                if (list.Count == 0) (empty ??= []).Add(key);
            }
            if (empty is not null) foreach (var k in empty) _recent.Remove(k);
        }
    }

    /// <summary>
    /// Refreshes the reader in the background every <paramref name="interval"/> while records arrive (real-time sessions),
    /// keeping the overlay small without making any resolve wait for a reopen.
    /// </summary>
    public void StartBackgroundRefresh(TimeSpan interval)
    {
        _refreshTimer ??= new Timer(_ =>
        {
            if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
            try
            {
                bool pending;
                lock (_recent) pending = _recent.Count > 0;
                if (pending) RefreshReader();
            }
            catch (ObjectDisposedException)
            {
                // the index closed meanwhile
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        }, null, interval, interval);
    }

    private void AddRecent(string key, List<int> output)
    {
        lock (_recent)
            if (_recent.TryGetValue(key, out var list))
                foreach (var (id, _) in list) output.Add(id);
    }

    /// <summary>Blocking keys: indexed as exact terms, documents only (no frequencies, positions or norms).</summary>
    private static readonly FieldType KeyListType = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
        IsStored = false,
    };

    /// <summary>
    /// One key stream per thread: Lucene consumes the stream inside AddDocument, and building a stream's attributes
    /// per document cost more than the indexing itself.
    /// </summary>
    [ThreadStatic] private static KeywordListTokenStream? _keyStream;

    private Document ToDocument(StandardizedRecord record, List<string> keys, StringBuilder sb)
    {
        keys.Clear();
        _keys.AddKeys(record, keys, sb);
        var doc = new Document
        {
            new NumericDocValuesField(IdField, record.Id),
            new StringField("rid_key", IdTerm(record.Id), Field.Store.NO),
        };
        if (keys.Count > 0) doc.Add(new Field(BlockingKeyField, (_keyStream ??= new KeywordListTokenStream()).SetKeys(keys), KeyListType));
        return doc;
    }

    private static string IdTerm(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Makes added documents durable and visible to searches.</summary>
    public void Commit()
    {
        _writer.Commit();
        RefreshReader();
    }

    /// <summary>
    /// Commits with the store state the index reflects: the epoch of the full resolution that built it and the last run
    /// whose record changes it holds. A reopened index whose epoch differs from the store's is stale; one behind in runs
    /// catches up on the records changed since (upserts are idempotent).
    /// </summary>
    public void Commit(string epoch, long reflectedRun)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            ["epoch"] = epoch,
            ["reflected_run"] = reflectedRun.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Commit();
    }

    /// <summary>The state the last commit recorded (see <see cref="Commit(string, long)"/>): epoch null when none.</summary>
    public (string? Epoch, long ReflectedRun) CommittedState
    {
        get
        {
            var data = _writer.CommitData;
            if (data is null || !data.TryGetValue("epoch", out var epoch)) return (null, 0);
            return (epoch, data.TryGetValue("reflected_run", out var r) ? long.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
    }

    /// <summary>Whether a committed index exists in <paramref name="path"/>.</summary>
    public static bool Exists(string path)
    {
        if (!System.IO.Directory.Exists(path)) return false;
        using var directory = new NIOFSDirectory(new DirectoryInfo(path));
        return DirectoryReader.IndexExists(directory);
    }

    /// <summary>Segments of the current reader: a batch build leaves many, which slows every single-record look-up.</summary>
    public int SegmentCount
    {
        get
        {
            var s = _searchers.Acquire();
            try { return s.IndexReader.Leaves.Count; }
            finally { _searchers.Release(s); }
        }
    }

    /// <summary>Merges down to at most <paramref name="maxSegments"/> segments (before a real-time session).</summary>
    public void Optimize(int maxSegments)
    {
        _writer.ForceMerge(maxSegments);
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Incremental and real-time candidates: store ids of the records sharing a blocking key with <paramref name="record"/>,
    /// skipping keys whose block exceeds its rule's cap, exactly as <see cref="BlockAll"/> does for a batch. Appends to
    /// <paramref name="output"/>; may contain duplicates and the record's own id.
    /// </summary>
    public void CandidatesByKeys(StandardizedRecord record, List<int> output)
    {
        var keys = new List<string>(16);
        _keys.AddKeys(record, keys);
        if (keys.Count == 0) return;
        var bytes = new BytesRef[keys.Count];
        var caps = new int[keys.Count];
        var found = new List<int>[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            bytes[k] = new BytesRef(keys[k]);
            caps[k] = _keys.MaxBlockSize((keys[k][0] - '0') * 10 + (keys[k][1] - '0'));
            found[k] = new List<int>(8);
            AddRecent(keys[k], found[k]);
        }
        var searcher = _searchers.Acquire();
        try
        {
            // Segment by segment, one terms enum per segment for all keys: seeking is cheap, creating enums is not.
            DocsEnum? docs = null;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var terms = reader.GetTerms(BlockingKeyField);
                if (terms is null) continue;
                var termsEnum = terms.GetEnumerator();
                var live = reader.LiveDocs;
                NumericDocValues? ids = null;
                for (var k = 0; k < keys.Count; k++)
                {
                    var list = found[k];
                    // Live documents only: a replaced record's old version must not count towards the cap.
                    if (list.Count > caps[k] || !termsEnum.SeekExact(bytes[k])) continue;
                    docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
                    ids ??= reader.GetNumericDocValues(IdField);
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        list.Add((int)ids.Get(d));
                        if (list.Count > caps[k]) break;
                    }
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
        for (var k = 0; k < keys.Count; k++)
            if (found[k].Count <= caps[k]) output.AddRange(found[k]);
    }

    /// <summary>
    /// Batch blocking: walks every blocking term; each term's postings form a block whose records pair with each other,
    /// unless the block exceeds its rule's cap. Pairs come back sorted and distinct, as store ids mapped through
    /// <paramref name="idToIndex"/> to positions in the run's record array.
    /// </summary>
    public CandidatePairs BlockAll(int[] idToIndex)
    {
        var stats = new BlockingStatistics(_keys.RuleCount);
        for (var r = 0; r < _keys.RuleCount; r++) stats.RuleNames[r] = _keys.RuleName(r);
        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var terms = MultiFields.GetTerms(reader, BlockingKeyField);
            var pairs = new long[1 << 16];
            var count = 0;
            if (terms is not null)
            {
                var docToIndex = DocumentMap(reader, idToIndex);
                var liveDocs = MultiFields.GetLiveDocs(reader);
                var termsEnum = terms.GetEnumerator();
                DocsEnum? docs = null;
                var block = new int[128];
                while (termsEnum.MoveNext())
                {
                    var df = termsEnum.DocFreq;
                    if (df < 2) continue;
                    var term = termsEnum.Term;
                    var rule = BlockingKeyBuilder.RuleOf(term.Bytes.AsSpan(term.Offset, term.Length));
                    if (df > _keys.MaxBlockSize(rule)) { stats.OversizedBlocks[rule]++; continue; }
                    docs = termsEnum.Docs(liveDocs, docs, DocsFlags.NONE);
                    var n = 0;
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        if (n == block.Length) Array.Resize(ref block, n * 2);
                        block[n++] = docToIndex[d];
                    }
                    if (n < 2) continue;
                    stats.Blocks[rule]++;
                    stats.PairsProduced[rule] += CandidatePairs.AddBlock(ref pairs, ref count, block.AsSpan(0, n));
                }
            }
            count = CandidatePairs.SortDistinct(pairs, count);
            stats.DistinctPairs = count;
            return new CandidatePairs(pairs, count, stats);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Document → position in the run's record array, read once, segment by segment and in doc order: doc values are
    /// disk-resident, so a random <c>Get</c> per posting costs a read each (seconds per million), a sequential pass does not.
    /// </summary>
    private static int[] DocumentMap(IndexReader reader, int[] idToIndex)
    {
        var map = new int[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(IdField);
            var maxDoc = leaf.AtomicReader.MaxDoc;
            for (var d = 0; d < maxDoc; d++) map[leaf.DocBase + d] = values is null ? -1 : idToIndex[(int)values.Get(d)];
        }
        return map;
    }

    public int DocumentCount
    {
        get
        {
            var s = _searchers.Acquire();
            try { return s.IndexReader.NumDocs; }
            finally { _searchers.Release(s); }
        }
    }

    public void Dispose()
    {
        _refreshTimer?.Dispose();
        while (Volatile.Read(ref _refreshing) == 1) Thread.Yield();
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
