using System.Data.Common;
using Mdm.Connectors.Configuration;
using Microsoft.Data.Sqlite;

namespace Mdm.Connectors;

/// <summary>What differs per database provider: the factory, and (SQLite only) where a relative file path points.</summary>
internal static class DatabaseProviders
{
    public static DbProviderFactory Factory(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteFactory.Instance,
        DatabaseProvider.PostgreSql => Npgsql.NpgsqlFactory.Instance,
        DatabaseProvider.SqlServer => Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>A SQLite file given relative is relative to the sources file's folder, like every path in it.</summary>
    public static string Resolve(DatabaseProvider provider, string connectionString, SourcesFile file)
    {
        if (provider != DatabaseProvider.Sqlite) return connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !path.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && !Path.IsPathRooted(path))
            builder.DataSource = file.ResolvePath(path);
        // A source is read, never written: a missing file is an error, not a new empty database.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate) builder.Mode = SqliteOpenMode.ReadOnly;
        return builder.ToString();
    }
}
