using System.Diagnostics;
using Mdm.Engine.Candidates;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Adds a full resolution's records to a fresh candidate index on a thread of its own while the resolution goes on.
/// <see cref="Finish"/> lends the calling thread to what is left, then commits with the resolution's epoch. Records are
/// handed out in chunks through one counter, so any number of threads can share the work.
/// </summary>
internal sealed class BackgroundIndexBuild : IDisposable
{
    private const int Chunk = 4096;

    private readonly CandidateIndex _index;
    private readonly StandardizedRecord[] _records;
    private readonly IProgress<ProgressUpdate>? _progress;
    private readonly CancellationToken _ct;
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _next;
    private long _done;
    private Exception? _failure;

    public BackgroundIndexBuild(CandidateIndex index, StandardizedRecord[] records, IProgress<ProgressUpdate>? progress, CancellationToken ct)
    {
        _index = index;
        _records = records;
        _progress = progress;
        _ct = ct;
        _thread = new Thread(() =>
        {
            try { Work(); }
            catch (Exception ex) { _failure = ex; }
        }) { IsBackground = true, Name = "mdm-index-build" };
        _thread.Start();
    }

    /// <summary>Seconds from the start until the index was committed.</summary>
    public double Seconds { get; private set; }

    private void Work()
    {
        int start;
        while ((start = Interlocked.Add(ref _next, Chunk) - Chunk) < _records.Length)
        {
            if (_ct.IsCancellationRequested || Volatile.Read(ref _failure) is not null) return;
            var end = Math.Min(_records.Length, start + Chunk);
            _index.Add(_records, start, end);
            _progress?.Report(new ProgressUpdate("index", Interlocked.Add(ref _done, end - start), _records.Length));
        }
    }

    /// <summary>Helps add what is left, waits for the builder thread, and commits the index with the resolution's state.</summary>
    public void Finish(string epoch, long reflectedRun)
    {
        Work();
        _thread.Join();
        if (_failure is { } failure) throw new InvalidOperationException("building the candidate index failed", failure);
        _ct.ThrowIfCancellationRequested();
        _index.Commit(epoch, reflectedRun);
        Seconds = _clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        // A resolution that failed or was cancelled: stop handing out chunks, let the thread finish its last one.
        Interlocked.Exchange(ref _next, int.MaxValue / 2);
        _thread.Join();
        _index.Dispose();
    }
}
