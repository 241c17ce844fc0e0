using Microsoft.Data.Sqlite;

namespace Mdm.Engine.Storage;

/// <summary>
/// The store cannot be opened or written: read-only, full disk, a folder that cannot be created. The message is one line
/// that names the path and says what to do, for an operator rather than a developer; the cause is the inner exception.
/// A write that fails this way has been rolled back (each write is one SQLite transaction), so the store is as it was
/// after its last committed write.
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    private StoreUnavailableException(string message, string storePath, Exception cause) : base(message, cause) => StorePath = storePath;

    /// <summary>A server store that cannot be reached, set up or written: <paramref name="location"/> names server, database and schema.</summary>
    public static StoreUnavailableException FromServer(Exception failure, string location) =>
        new($"the store at {location} cannot be used: {failure.Message}".ReplaceLineEndings(" "), location, failure);

    /// <summary>The store file, as a full path (a server store: its location).</summary>
    public string StorePath { get; }

    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>Whether <paramref name="failure"/> is what this exception explains (a file-system or SQLite failure).</summary>
    public static bool Explains(Exception failure) =>
        failure is SqliteException or UnauthorizedAccessException || failure is IOException and not StoreBusyException and not StoreUnavailableException;

    /// <summary>The operator's message for <paramref name="failure"/> on the store at <paramref name="storePath"/>.</summary>
    public static StoreUnavailableException From(Exception failure, string storePath)
    {
        var path = Path.GetFullPath(storePath);
        var folder = Path.GetDirectoryName(path) ?? path;
        const string elsewhere = "or give another store with --store";
        var message = failure switch
        {
            SqliteException s when (s.SqliteErrorCode & 0xFF) == SqliteFull =>
                $"the disk holding the store {path} is full; the write that failed was rolled back. Free space on it and run again, {elsewhere}",
            SqliteException s when (s.SqliteErrorCode & 0xFF) == SqliteReadOnly =>
                $"the store {path} is read-only; make it, and its folder {folder} (SQLite writes -wal and -shm files beside it), writable for this user, {elsewhere}",
            SqliteException s when (s.SqliteErrorCode & 0xFF) == SqliteCantOpen =>
                $"cannot open the store {path}: its folder {folder} must exist and be writable (SQLite writes -wal and -shm files beside it); fix that, {elsewhere}",
            SqliteException s when (s.SqliteErrorCode & 0xFF) == SqliteIoError =>
                $"disk I/O error on the store {path} ({s.Message}); check the disk and run again, {elsewhere}",
            SqliteException s when (s.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase =>
                $"{path} is not a usable store (damaged, or not an mdm store); restore it from a backup, {elsewhere}",
            SqliteException s => $"the store {path} failed: {s.Message}; {elsewhere}",
            UnauthorizedAccessException =>
                $"no permission to write the store {path} or its folder {folder}; make them writable for this user, {elsewhere}",
            IOException when !Directory.Exists(folder) =>
                $"cannot create the store's folder {folder} ({failure.Message}); a file may be in the way of it or the disk may be read-only, {elsewhere}",
            _ => $"cannot write the store {path} ({failure.Message}); check the disk and its permissions, {elsewhere}",
        };
        return new StoreUnavailableException(message.ReplaceLineEndings(" "), path, failure);
    }
}
