using System.Diagnostics;
using System.Globalization;

namespace Mdm.Engine.Storage;

/// <summary>
/// One writer at a time per store, across processes: an exclusive lock on "&lt;store&gt;.lock" (an advisory flock on Unix,
/// a share-nothing handle on Windows), which the operating system releases when the holding process ends, however it
/// ends. The holder writes who it is into "&lt;store&gt;.lock.owner" so that a writer that gives up can say who holds it.
/// Readers (export, history, evaluate, look-ups) take no lock: SQLite's write-ahead log shows them the last committed
/// run, never a half-written one.
/// </summary>
public sealed class StoreWriterLock : IDisposable
{
    /// <summary>How long a writer waits for the lock unless told otherwise (<c>--wait</c>, <c>MDM_WRITER_WAIT</c>).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(120);

    private FileStream? _handle;
    private readonly string _ownerPath;

    private StoreWriterLock(FileStream handle, string ownerPath)
    {
        _handle = handle;
        _ownerPath = ownerPath;
    }

    public static string LockPathOf(string storePath) => Path.GetFullPath(storePath) + ".lock";

    /// <summary>
    /// The wait from the environment (<c>MDM_WRITER_WAIT</c>, seconds) or <see cref="DefaultWait"/>.
    /// </summary>
    public static TimeSpan WaitFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("MDM_WRITER_WAIT");
        if (string.IsNullOrWhiteSpace(text)) return DefaultWait;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86_400)
            return TimeSpan.FromSeconds(seconds);
        throw new FormatException($"MDM_WRITER_WAIT must be a number of seconds between 0 and 86400, not '{text}'");
    }

    /// <summary>
    /// Takes the store's writer lock, waiting up to <paramref name="wait"/> while another process holds it.
    /// </summary>
    /// <param name="command">What this process is doing ("load", "resolve"), for the message another writer shows.</param>
    /// <exception cref="StoreBusyException">The lock was still held after <paramref name="wait"/>.</exception>
    public static StoreWriterLock Acquire(string storePath, string command, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var lockPath = LockPathOf(storePath);
        var directory = Path.GetDirectoryName(lockPath)!;
        if (!Directory.Exists(directory)) Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        var pause = 20;
        while (true)
        {
            try
            {
                var handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                var owner = new StoreWriterLock(handle, lockPath + ".owner");
                owner.WriteOwner(command);
                return owner;
            }
            catch (IOException) when (File.Exists(lockPath) && !IsPermissionProblem(lockPath))
            {
                // Held by another writer (or, for a moment, being created by one).
            }
            if (clock.Elapsed >= wait)
                throw new StoreBusyException(
                    $"the store at {Path.GetFullPath(storePath)} is being written by {ReadOwner(lockPath + ".owner")}; gave up after " +
                    $"{wait.TotalSeconds:0.#} s (wait longer with --wait SECONDS or MDM_WRITER_WAIT)");
            cancellationToken.WaitHandle.WaitOne(pause);
            cancellationToken.ThrowIfCancellationRequested();
            pause = Math.Min(pause * 2, 250);
        }
    }

    private static bool IsPermissionProblem(string lockPath)
    {
        try
        {
            using var probe = File.Open(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return false; // locked: not a permission problem
        }
    }

    private void WriteOwner(string command)
    {
        try
        {
            File.WriteAllText(_ownerPath, string.Create(CultureInfo.InvariantCulture,
                $"process {Environment.ProcessId} ({command}) on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only for messages: a writer without an owner note still holds the lock.
        }
    }

    private static string ReadOwner(string ownerPath)
    {
        try
        {
            return File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "another process";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, null);
        if (handle is null) return;
        try { File.Delete(_ownerPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        handle.Dispose();
    }
}

/// <summary>Another process held the store's writer lock for longer than this one would wait.</summary>
public sealed class StoreBusyException(string message) : IOException(message);
