using System.Collections.Concurrent;
using System.Diagnostics;
using Mdm.Engine.Candidates;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Adds a full resolution's records to a fresh candidate index on a thread of its own. On a store that was never resolved
/// (so the next resolution is a full one) it starts during ingest, fed each batch as it is standardized, where the
/// SQLite writes leave a core partly idle; the resolution then hands in the records it resolves and only those not fed
/// yet are added. <see cref="Finish"/> lends the calling thread to what is left, then commits with the resolution's epoch.
/// </summary>
internal sealed class BackgroundIndexBuild : IDisposable
{
    private const int Chunk = 4096;

    private readonly CandidateIndex _index;
    private readonly IProgress<ProgressUpdate>? _progress;
    private readonly BlockingCollection<ArraySegment<StandardizedRecord>> _queue = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    /// <summary>Records fed so far, by store id: the resolution checks they are exactly the records it resolves.</summary>
    private readonly Dictionary<int, StandardizedRecord> _fed = [];
    private long _done;
    private long _total;
    private Exception? _failure;

    public BackgroundIndexBuild(CandidateIndex index, IProgress<ProgressUpdate>? progress)
    {
        _index = index;
        _progress = progress;
        _thread = new Thread(() =>
        {
            try { Work(blocking: true); }
            catch (OperationCanceledException) { }
            catch (Exception ex) { _failure = ex; }
        }) { IsBackground = true, Name = "mdm-index-build" };
        _thread.Start();
    }

    /// <summary>Seconds from the start until the index was committed.</summary>
    public double Seconds { get; private set; }

    /// <summary>Queues standardized records (ingest: one batch; resolution: the rest).</summary>
    public void Feed(IReadOnlyList<StandardizedRecord> records)
    {
        var copy = new StandardizedRecord[records.Count];
        lock (_fed)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = records[i];
                _fed[records[i].Id] = records[i];
            }
        }
        Interlocked.Add(ref _total, copy.Length);
        for (var from = 0; from < copy.Length; from += Chunk)
            _queue.Add(new ArraySegment<StandardizedRecord>(copy, from, Math.Min(Chunk, copy.Length - from)));
    }

    /// <summary>
    /// Hands in every record the resolution resolves. False when something fed is not among them as the same object (a
    /// record retired or re-read since): then this index does not fit and the caller builds another. Otherwise the
    /// records not fed yet are queued and nothing more may be fed.
    /// </summary>
    public bool Complete(StandardizedRecord[] records, int[] idToIndex)
    {
        List<StandardizedRecord>? rest = null;
        lock (_fed)
        {
            foreach (var (id, fed) in _fed)
                if (id >= idToIndex.Length || idToIndex[id] < 0 || !ReferenceEquals(records[idToIndex[id]], fed)) return false;
            foreach (var r in records)
                if (!_fed.ContainsKey(r.Id)) (rest ??= []).Add(r);
        }
        if (rest is not null) Feed(rest);
        _queue.CompleteAdding();
        return true;
    }

    private void Work(bool blocking)
    {
        while (Volatile.Read(ref _failure) is null)
        {
            ArraySegment<StandardizedRecord> chunk;
            if (blocking)
            {
                if (!_queue.TryTake(out chunk, Timeout.Infinite, _stop.Token)) return;
            }
            else if (!_queue.TryTake(out chunk)) return;
            _index.Add(chunk, 0, chunk.Count);
            var done = Interlocked.Add(ref _done, chunk.Count);
            _progress?.Report(new ProgressUpdate("index", done, Math.Max(done, Interlocked.Read(ref _total))));
        }
    }

    /// <summary>Helps add what is left, waits for the builder thread, and commits the index with the resolution's state.</summary>
    public void Finish(string epoch, long reflectedRun, CancellationToken ct)
    {
        if (!_queue.IsAddingCompleted) throw new InvalidOperationException("the resolution has not handed in its records");
        Work(blocking: false);
        _thread.Join();
        if (_failure is { } failure) throw new InvalidOperationException("building the candidate index failed", failure);
        ct.ThrowIfCancellationRequested();
        _index.Commit(epoch, reflectedRun);
        Seconds = _clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        // A resolution that failed or was cancelled, or an engine closed without resolving: the thread stops after the
        // chunk it is adding.
        _stop.Cancel();
        _thread.Join();
        _index.Dispose();
        _queue.Dispose();
        _stop.Dispose();
    }
}
