using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>
/// The hub's store on a PostgreSQL server: the same ports and schema as the embedded SQLite store, bulk writes through
/// Npgsql's binary COPY, plain queries through Dapper with arrays for id lists (<c>= ANY(@ids)</c>). One store is one
/// schema (the connection string's <c>Search Path</c>, default <c>mdm</c>), so several hubs can share a database. The
/// writer's lock is a PostgreSQL advisory lock held by its connection: released by the server when the process ends,
/// however it ends.
/// </summary>
public sealed partial class PostgresMdmStore : IMdmStore, IReportSource
{
    public const string DefaultSchema = "mdm";

    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _ambient;

    private PostgresMdmStore(NpgsqlConnection connection, string schema, string location)
    {
        _connection = connection;
        Schema = schema;
        Location = location;
    }

    public string Location { get; }

    /// <summary>The PostgreSQL schema holding this store's tables.</summary>
    public string Schema { get; }

    /// <summary>Opens a store to read: no lock, never blocks a writer.</summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached, or the schema not created or migrated.</exception>
    public static PostgresMdmStore Open(string connectionString) => Connect(connectionString, null, null);

    /// <summary>
    /// Opens a store to write: first takes the schema's writer lock (an advisory lock), so only one process at a time
    /// loads, resolves or applies steward decisions; waits up to <paramref name="wait"/> for another writer.
    /// </summary>
    /// <exception cref="StoreBusyException">Another process held the lock for longer than <paramref name="wait"/>.</exception>
    public static PostgresMdmStore OpenWriter(string connectionString, string command, TimeSpan? wait = null) =>
        Connect(connectionString, command, wait ?? StoreWriterLock.WaitFromEnvironment());

    private static PostgresMdmStore Connect(string connectionString, string? writerCommand, TimeSpan? wait)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? DefaultSchema : builder.SearchPath.Split(',')[0].Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[A-Za-z_][A-Za-z0-9_]*$"))
            throw new ArgumentException($"the store's schema '{schema}' (Search Path) must be a plain name: letters, digits and '_'");
        builder.SearchPath = schema;
        // A connection of its own, not a pooled one: the writer lock is held by the session, and a pooled connection's
        // session would outlive Dispose (and keep the lock) until the pool closed it.
        builder.Pooling = false;
        var location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database} (schema {schema})";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            PostgresSchema.Migrate(connection, schema);
            var store = new PostgresMdmStore(connection, schema, location);
            if (writerCommand is not null)
            {
                store.AcquireWriterLock(writerCommand, wait!.Value);
                // Holding the lock, no other writer runs: a run still marked running was ended by a crash or a kill.
                store.Write("UPDATE runs SET status='interrupted', finished_at=COALESCE(finished_at, @now) WHERE status='running'", new { now = Now() });
            }
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw StoreUnavailableException.FromServer(ex, location);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private long LockKey => Scalar<long>("SELECT hashtext('mdm-writer:' || @Schema)::bigint", new { Schema });

    private void AcquireWriterLock(string command, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        var key = LockKey;
        while (!Scalar<bool>("SELECT pg_try_advisory_lock(@key)", new { key }))
        {
            if (DateTime.UtcNow >= deadline)
            {
                var holder = Query<(string Command, string Host, int Pid, string Since)>("SELECT command, host, pid, since FROM writer WHERE id = 1").FirstOrDefault();
                throw new StoreBusyException(holder.Command is null
                    ? $"another process is writing the store at {Location}; waited {wait.TotalSeconds:0} s"
                    : $"the store at {Location} is being written by 'mdm {holder.Command}' (process {holder.Pid} on {holder.Host}, since {holder.Since}); waited {wait.TotalSeconds:0} s");
            }
            Thread.Sleep(200);
        }
        Write("""
            INSERT INTO writer(id, command, host, pid, since) VALUES (1, @command, @host, @pid, @since)
            ON CONFLICT(id) DO UPDATE SET command=excluded.command, host=excluded.host, pid=excluded.pid, since=excluded.since
            """, new { command, host = Environment.MachineName, pid = Environment.ProcessId, since = Now() });
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private IEnumerable<T> Query<T>(string sql, object? parameters = null) => _connection.Query<T>(sql, parameters, _ambient);

    private T? Scalar<T>(string sql, object? parameters = null) => _connection.ExecuteScalar<T>(sql, parameters, _ambient);

    private void Write(string sql, object? parameters = null) => _connection.Execute(sql, parameters, _ambient);

    private NpgsqlCommand NewCommand(string sql) => new(sql, _connection, _ambient);

    /// <summary>A write transaction of its own, or the unit of work's when one is open (then only the unit commits).</summary>
    private WriteScope BeginWrite()
    {
        if (_ambient is not null) return new WriteScope(this, owned: false);
        _ambient = _connection.BeginTransaction();
        return new WriteScope(this, owned: true);
    }

    public IMdmUnitOfWork BeginUnitOfWork()
    {
        if (_ambient is not null) throw new InvalidOperationException("a unit of work is already open on this store");
        _ambient = _connection.BeginTransaction();
        return new UnitOfWork(this);
    }

    private sealed class WriteScope(PostgresMdmStore store, bool owned) : IDisposable
    {
        public void Commit() { if (owned) store._ambient!.Commit(); }
        public void Dispose()
        {
            if (!owned) return;
            store._ambient?.Dispose();
            store._ambient = null;
        }
    }

    private sealed class UnitOfWork(PostgresMdmStore store) : IMdmUnitOfWork
    {
        private bool _done;
        public void Commit()
        {
            if (_done) throw new InvalidOperationException("the unit of work has ended");
            store._ambient!.Commit();
            End();
        }
        public void Dispose() { if (!_done) { store._ambient!.Rollback(); End(); } }
        private void End() { _done = true; store._ambient!.Dispose(); store._ambient = null; }
    }

    /// <summary>Npgsql's bulk path: one binary COPY of <paramref name="rows"/> into <paramref name="table"/>'s <paramref name="columns"/>.</summary>
    private void Copy<T>(string table, string columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        using var importer = _connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        importer.Complete();
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Int(NpgsqlBinaryImporter w, int value) => w.Write(value, NpgsqlDbType.Integer);

    private static void Long(NpgsqlBinaryImporter w, long? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value.Value, NpgsqlDbType.Bigint);
    }

    private static void Real(NpgsqlBinaryImporter w, double? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value.Value, NpgsqlDbType.Double);
    }

    public System.Data.Common.DbCommand CreateQuery(string sql) => NewCommand(sql);

    public string BinaryCollation => "COLLATE \"C\"";

    /// <summary>A server database checkpoints by itself: nothing to move to the background.</summary>
    public void StartBackgroundCheckpoints() { }

    /// <summary>Drops the store's schema and everything in it (tests' throw-away stores).</summary>
    public static void Drop(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? DefaultSchema : builder.SearchPath;
        builder.SearchPath = null;
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        connection.Execute($"DROP SCHEMA IF EXISTS {PostgresSchema.Identifier(schema)} CASCADE");
    }

    public void Dispose()
    {
        _ambient?.Dispose();
        _connection.Dispose(); // ends the session: the server releases its advisory lock
    }
}
