using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Mdm.Engine.Storage;

/// <summary>
/// The embedded default store: one SQLite file. Bulk writes use the provider's documented bulk-insert path — one
/// transaction, one prepared command re-executed with new parameter values — which inserts a few hundred thousand rows
/// a second. WAL mode lets readers (lookups) run during a load. Plain queries go through Dapper, so each port's part
/// (SqliteMdmStore.SourceRecords.cs, .Golden.cs, .Decisions.cs, .History.cs, .Runs.cs, .Reviews.cs, .CustomerValues.cs)
/// is mostly its SQL.
/// </summary>
public sealed partial class SqliteMdmStore : IMdmStore, IReportSource
{
    private readonly SqliteConnection _connection;

    /// <exception cref="StoreUnavailableException">The folder cannot be created, or the file opened, set up or migrated.</exception>
    private SqliteMdmStore(string path)
    {
        Location = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            _connection.Open();
            // A 64 MB page cache: bulk writes append in key order and need little; 200 MB only added to a 1M-record load's
            // peak memory (measured: no slower).
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF;");
            SqliteSchema.Migrate(_connection);
        }
        catch (Exception ex) when (StoreUnavailableException.Explains(ex))
        {
            _connection.Dispose();
            throw StoreUnavailableException.From(ex, path);
        }
    }

    /// <summary>Opens a store to read (export, history, evaluate): no lock, never blocks a writer or waits for one.</summary>
    public static SqliteMdmStore Open(string path) => new(path);

    /// <summary>
    /// Opens a store to write: first takes its cross-process writer lock (see <see cref="StoreWriterLock"/>), held until
    /// the store is disposed, so only one process at a time loads, resolves or applies steward decisions.
    /// </summary>
    /// <exception cref="StoreBusyException">Another process held the lock for longer than <paramref name="wait"/>.</exception>
    /// <exception cref="StoreUnavailableException">The store's folder or lock file cannot be created, or the store opened.</exception>
    public static SqliteMdmStore OpenWriter(string path, string command, TimeSpan? wait = null)
    {
        StoreWriterLock writerLock;
        try
        {
            writerLock = StoreWriterLock.Acquire(path, command, wait ?? StoreWriterLock.WaitFromEnvironment());
        }
        catch (Exception ex) when (StoreUnavailableException.Explains(ex))
        {
            // The lock file lives beside the store: failing to create it is the first sign of a folder that cannot be written.
            throw StoreUnavailableException.From(ex, path);
        }
        try
        {
            var store = new SqliteMdmStore(path) { _writerLock = writerLock };
            // Holding the lock, no other writer runs: a run still marked running was ended by a crash or a kill.
            store.Execute("UPDATE runs SET status='interrupted', finished_at=COALESCE(finished_at, '" + Now() + "') WHERE status='running'");
            return store;
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    private StoreWriterLock? _writerLock;

    public string Location { get; }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = NewCommand();
        cmd.CommandText = sql;
        if (tx is not null) cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The unit of work in progress, if any: every command joins it (the provider requires commands to name it).</summary>
    private SqliteTransaction? _ambient;

    private SqliteCommand NewCommand()
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _ambient;
        return cmd;
    }

    /// <summary>
    /// A write transaction of its own, or the unit of work's when one is open (then only the unit commits). While it is
    /// open it is the ambient transaction, so every command made meanwhile joins it.
    /// </summary>
    private WriteScope BeginWrite()
    {
        if (_ambient is { } tx) return new WriteScope(this, tx, owned: false);
        _ambient = _connection.BeginTransaction();
        return new WriteScope(this, _ambient, owned: true);
    }

    public IMdmUnitOfWork BeginUnitOfWork()
    {
        if (_ambient is not null) throw new InvalidOperationException("a unit of work is already open on this store");
        _ambient = _connection.BeginTransaction();
        return new UnitOfWork(this);
    }

    private sealed class WriteScope(SqliteMdmStore store, SqliteTransaction transaction, bool owned) : IDisposable
    {
        public SqliteTransaction Transaction { get; } = transaction;
        public void Commit() { if (owned) Transaction.Commit(); }
        public void Dispose()
        {
            if (!owned) return;
            Transaction.Dispose();
            store._ambient = null;
        }
        public static implicit operator SqliteTransaction(WriteScope scope) => scope.Transaction;
    }

    private sealed class UnitOfWork(SqliteMdmStore store) : IMdmUnitOfWork
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

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// A Dapper query inside the unit of work in progress, if any (the provider rejects commands that do not name it). Two
    /// kinds of read stay on raw readers (measured): a million rows, where Dapper's boxed values cost a third more, and the
    /// few queries of every real-time resolve, where Dapper added ~10 µs a call (a 200k store resolved ~12% fewer a second).
    /// </summary>
    private IEnumerable<T> Query<T>(string sql, object? parameters = null) => _connection.Query<T>(sql, parameters, _ambient);

    private T? Scalar<T>(string sql, object? parameters = null) => _connection.ExecuteScalar<T>(sql, parameters, _ambient);

    private void Write(string sql, object parameters) => _connection.Execute(sql, parameters, _ambient);

    /// <summary>
    /// Runs <paramref name="sql"/>, which names the list <c>@ids</c>, over chunks of <paramref name="ids"/>: Dapper binds one
    /// parameter per value, and a chunk keeps a statement under SQLite's (and a server's) parameter limit.
    /// </summary>
    private IEnumerable<T> QueryChunked<T, TId>(string sql, IEnumerable<TId> ids)
    {
        foreach (var chunk in ids.Chunk(500))
            foreach (var row in Query<T>(sql, new { ids = chunk }))
                yield return row;
    }

    /// <summary>
    /// The provider's bulk path: one prepared statement executed per row inside the caller's transaction. The SQL names
    /// its row values $1..$n, filled by <paramref name="bind"/> into a reused buffer; <paramref name="constants"/> are
    /// bound once.
    /// </summary>
    private void Bulk<T>(SqliteTransaction tx, string sql, IEnumerable<T> rows, Action<T, object?[]> bind, params (string Name, object Value)[] constants)
    {
        using var cmd = NewCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var count = 0;
        while (sql.Contains("$" + (count + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) count++;
        var parameters = new SqliteParameter[count];
        for (var i = 0; i < count; i++) parameters[i] = cmd.Parameters.Add("$" + (i + 1).ToString(CultureInfo.InvariantCulture), SqliteType.Text);
        foreach (var (name, value) in constants) cmd.Parameters.AddWithValue(name, value);
        var values = new object?[count];
        var prepared = false;
        foreach (var row in rows)
        {
            Array.Clear(values);
            bind(row, values);
            for (var i = 0; i < count; i++)
            {
                var v = values[i];
                parameters[i].SqliteType = v switch { int or long => SqliteType.Integer, float or double => SqliteType.Real, _ => SqliteType.Text };
                parameters[i].Value = v ?? DBNull.Value;
            }
            if (!prepared) { cmd.Prepare(); prepared = true; }
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Runs <paramref name="sql"/> (with "{ids}" standing for a list of integer literals) over chunks of ids.</summary>
    private IEnumerable<SqliteDataReader> ForIdChunks(string sql, IEnumerable<int> ids)
    {
        var chunk = new List<int>(500);
        var all = ids.ToList();
        for (var i = 0; i < all.Count; i += 500)
        {
            chunk.Clear();
            for (var j = i; j < Math.Min(all.Count, i + 500); j++) chunk.Add(all[j]);
            using var cmd = NewCommand();
            cmd.CommandText = sql.Replace("{ids}", string.Join(',', chunk), StringComparison.Ordinal);
            using var r = cmd.ExecuteReader();
            yield return r;
        }
    }

    /// <summary>Like <see cref="ForIdChunks"/> for golden IDs, bound as parameters.</summary>
    private IEnumerable<SqliteDataReader> ForGoldenIdChunks(string sql, IEnumerable<string> goldenIds)
    {
        var all = goldenIds.ToList();
        for (var i = 0; i < all.Count; i += 500)
        {
            using var cmd = NewCommand();
            var names = new List<string>();
            for (var j = i; j < Math.Min(all.Count, i + 500); j++)
            {
                var name = "$g" + (j - i).ToString(CultureInfo.InvariantCulture);
                names.Add(name);
                cmd.Parameters.AddWithValue(name, all[j]);
            }
            cmd.CommandText = sql.Replace("{ids}", string.Join(',', names), StringComparison.Ordinal);
            using var r = cmd.ExecuteReader();
            yield return r;
        }
    }

    System.Data.Common.DbCommand IReportSource.CreateQuery(string sql) => CreateQuery(sql);

    public string BinaryCollation => "COLLATE BINARY";

    /// <summary>Runs a read-only query (reports, tests).</summary>
    public SqliteCommand CreateQuery(string sql)
    {
        var cmd = NewCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private Thread? _checkpointer;
    private volatile bool _stopCheckpointer;

    public void StartBackgroundCheckpoints()
    {
        if (_checkpointer is not null) return;
        Execute("PRAGMA wal_autocheckpoint=0;");
        var path = Location;
        _checkpointer = new Thread(() =>
        {
            // Its own connection: a PASSIVE checkpoint copies committed pages back without blocking the writer.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            while (!_stopCheckpointer)
            {
                for (var i = 0; i < 10 && !_stopCheckpointer; i++) Thread.Sleep(100);
                try { cmd.ExecuteNonQuery(); }
                catch (SqliteException) { } // busy: the next round gets it
            }
        }) { IsBackground = true, Name = "mdm-wal-checkpoint" };
        _checkpointer.Start();
    }

    public void Dispose()
    {
        _stopCheckpointer = true;
        _checkpointer?.Join();
        // Fold the WAL back so the file is self-contained when the process ends.
        try { Execute("PRAGMA wal_checkpoint(TRUNCATE);"); } catch (SqliteException) { }
        _connection.Dispose();
        _writerLock?.Dispose();
    }
}
