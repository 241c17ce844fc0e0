using Mdm.Engine.Storage;
using Mdm.Engine.Storage.Postgres;

namespace Mdm.Application;

/// <summary>
/// Which store a command works on: the embedded SQLite file (the default) or a schema on a PostgreSQL server, and where
/// the files kept beside it live (<see cref="FilesPath"/> + ".index" for the candidate index, + ".search" for the
/// call-center search; for SQLite the store file's own path).
/// </summary>
public sealed record StoreTarget
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public required string Provider { get; init; }

    /// <summary>The SQLite file, or the server store's connection string (never printed: it may hold a password).</summary>
    public required string Connection { get; init; }

    /// <summary>What messages call the store: the file's path, or server, database and schema.</summary>
    public required string Location { get; init; }

    public required string FilesPath { get; init; }

    public bool IsSqlite => Provider == Sqlite;

    public string IndexPath => StoreLocation.IndexPathOf(FilesPath);

    /// <summary>Whether a load has created the store (a server store: whether the server can be asked; it is created on first use).</summary>
    public bool Exists => !IsSqlite || File.Exists(Connection);

    /// <exception cref="FileNotFoundException">An SQLite store that no load has created yet.</exception>
    public StoreTarget RequireExisting() =>
        Exists ? this : throw new FileNotFoundException($"no store at {Location}: run 'mdm load' first");

    /// <summary>Opens the store under its writer lock (see <see cref="StoreWriterLock"/> and <see cref="PostgresMdmStore.OpenWriter"/>).</summary>
    public IMdmStore OpenWriter(string command, TimeSpan? wait) => IsSqlite
        ? SqliteMdmStore.OpenWriter(Connection, command, wait)
        : PostgresMdmStore.OpenWriter(Connection, command, wait);

    /// <summary>Opens the store to read: no lock.</summary>
    public IMdmStore OpenReader() => IsSqlite ? SqliteMdmStore.Open(Connection) : PostgresMdmStore.Open(Connection);

    /// <summary>
    /// A pooled connection of its own for plain reads and small writes beside the store's (the API's look-ups and audit
    /// trail): SQLite's write-ahead log and PostgreSQL's MVCC show it the last committed resolution, never half of one.
    /// </summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        System.Data.Common.DbConnection connection = IsSqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
                { DataSource = Connection, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite, Pooling = true, DefaultTimeout = 30 }.ToString())
            : new Npgsql.NpgsqlConnection(Connection);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// "column IN list" for Dapper in this store's dialect: SQLite gets Dapper's expanded list, PostgreSQL one array
    /// parameter (Dapper passes arrays whole to Npgsql).
    /// </summary>
    public string InList(string column, string parameter) => IsSqlite ? $"{column} IN @{parameter}" : $"{column} = ANY(@{parameter})";

    /// <summary>Byte order for text, the same on every store (SQLite's default; PostgreSQL's "C" collation).</summary>
    public string BinaryCollation => IsSqlite ? "COLLATE BINARY" : "COLLATE \"C\"";
}
