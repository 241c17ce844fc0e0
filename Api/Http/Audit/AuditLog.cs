using System.Threading.Channels;
using Dapper;
using Mdm.Application;

namespace Mdm.Api.Http.Audit;

/// <summary>
/// The audit trail in the store's <c>audit_log</c> table. A look-up must not wait for a disk write, so entries queue and a
/// background writer inserts them in batches (one transaction per batch, a few milliseconds apart); a steward action
/// waits with <see cref="FlushAsync"/> until its entry is written. Stopping the server writes what is queued.
/// </summary>
public sealed class AuditLog : IAsyncDisposable
{
    private readonly Channel<(AuditEntry? Entry, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateBounded<(AuditEntry?, TaskCompletionSource?)>(new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly StoreTarget _store;
    private readonly Task _writer;
    private readonly ILogger<AuditLog> _log;

    public AuditLog(StoreTarget store, ILogger<AuditLog> log)
    {
        _store = store;
        _log = log;
        _writer = Task.Run(WriteLoop);
    }

    public void Write(AuditEntry entry)
    {
        // Bounded: when the disk cannot keep up, callers wait rather than the trail losing entries.
        if (!_queue.Writer.TryWrite((entry, null))) _queue.Writer.WriteAsync((entry, null)).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Completes when every entry written before the call is in the store.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, done)) ? done.Task : Task.CompletedTask;
    }

    private async Task WriteLoop()
    {
        await using var connection = _store.OpenConnection();
        var batch = new List<AuditEntry>();
        var waiting = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < 5_000 && _queue.Reader.TryRead(out var item))
            {
                if (item.Entry is { } e) batch.Add(e);
                if (item.Flushed is { } f) waiting.Add(f);
            }
            try
            {
                if (batch.Count > 0)
                {
                    await using var tx = await connection.BeginTransactionAsync();
                    await connection.ExecuteAsync(
                        "INSERT INTO audit_log(at, actor, role, action, target, detail, status) VALUES (@At, @Actor, @Role, @Action, @Target, @Detail, @Status)",
                        batch.Select(b => new { At = b.At.UtcDateTime.ToString("O"), b.Actor, b.Role, b.Action, b.Target, b.Detail, b.Status }), tx);
                    await tx.CommitAsync();
                }
                foreach (var f in waiting) f.TrySetResult();
            }
            catch (Exception ex)
            {
                // The store refused the write (disk full, locked too long): say so loudly, and fail the steward actions waiting on it.
                _log.LogError(ex, "audit: {Count} entries could not be written", batch.Count);
                foreach (var f in waiting) f.TrySetException(ex);
            }
            batch.Clear();
            waiting.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
