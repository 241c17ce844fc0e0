namespace Mdm.Connectors.Configuration;

/// <summary>
/// Where a database source's rows come from ("format": "database"): the provider, the connection (written in the file, or
/// the name of an environment variable holding it, so a password never has to sit in the file), a table or a query, and
/// optionally the watermark column that makes later pulls incremental.
/// </summary>
public sealed class DatabaseSourceSettings
{
    internal DatabaseSourceSettings(DatabaseProvider provider, string? connection, string? connectionEnv, string? table,
        string? query, string? watermark)
    {
        Provider = provider;
        Connection = connection;
        ConnectionEnv = connectionEnv;
        Table = table;
        Query = query;
        Watermark = watermark;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string as written ("connection"), or null when <see cref="ConnectionEnv"/> names it.</summary>
    public string? Connection { get; }

    /// <summary>The environment variable holding the connection string ("connection_env"), or null.</summary>
    public string? ConnectionEnv { get; }

    /// <summary>A plain identifier, optionally schema-qualified ("table"); quoted with the provider's quoting. Null with <see cref="Query"/>.</summary>
    public string? Table { get; }

    /// <summary>A SELECT returning the source's rows ("query"), used as written. Null with <see cref="Table"/>.</summary>
    public string? Query { get; }

    /// <summary>A plain column identifier that only grows with each change ("watermark"), or null for full pulls only.</summary>
    public string? Watermark { get; }

    /// <summary>What the rows are read from, for messages.</summary>
    public string Describe() => Table is not null ? $"table {Table}" : "query";
}
