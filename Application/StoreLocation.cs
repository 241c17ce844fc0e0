using Mdm.Connectors.Configuration;
using Mdm.Engine.Scoring;

namespace Mdm.Application;

/// <summary>Where a sources file's store and the files kept beside it live, and which matching configuration applies.</summary>
public static class StoreLocation
{
    /// <summary>The prefix of a server store given with --store: <c>postgresql:&lt;connection string&gt;</c> or <c>postgresql:$VARIABLE</c>.</summary>
    public const string PostgresPrefix = "postgresql:";

    /// <summary>
    /// The store a command works on: <paramref name="overrideStore"/> (--store: an SQLite path or <c>postgresql:…</c>),
    /// else the sources file's "store" (a path, or a server store object), else mdm-data/mdm.db beside the sources file.
    /// </summary>
    public static StoreTarget Of(SourcesFile file, string? overrideStore)
    {
        if (overrideStore is not null && overrideStore.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var text = overrideStore[PostgresPrefix.Length..];
            var connection = text.StartsWith('$')
                ? Environment.GetEnvironmentVariable(text[1..]) is { Length: > 0 } v ? v : throw new InvalidOperationException($"--store names the environment variable {text[1..]}, which is not set")
                : text;
            return Postgres(file, connection, folder: null);
        }
        if (overrideStore is null && file.ServerStore is { } server)
            return Postgres(file, server.ConnectionString, server.Folder);
        var path = StorePathOf(file, overrideStore);
        return new StoreTarget { Provider = StoreTarget.Sqlite, Connection = path, Location = path, FilesPath = path };
    }

    private static StoreTarget Postgres(SourcesFile file, string connection, string? folder)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? Engine.Storage.Postgres.PostgresMdmStore.DefaultSchema : builder.SearchPath.Split(',')[0].Trim();
        // The indexes belong to the store, not to one sources file: by default in the user's local data folder, one
        // folder per server, database and schema, so every sources file (and process on this machine) naming it finds them.
        var root = folder is not null
            ? file.ResolvePath(folder)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "mdm",
                $"{builder.Host}_{builder.Port}_{builder.Database}".Replace(Path.DirectorySeparatorChar, '_'));
        var files = Path.GetFullPath(Path.Combine(root, schema));
        builder.SearchPath = schema;
        return new StoreTarget
        {
            Provider = StoreTarget.PostgreSql, Connection = builder.ConnectionString, FilesPath = files,
            Location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database} (schema {schema})",
        };
    }

    /// <summary>The SQLite store file: <paramref name="overridePath"/> (--store), else the sources file's "store", else mdm-data/mdm.db beside it.</summary>
    private static string StorePathOf(SourcesFile file, string? overridePath) =>
        Path.GetFullPath(overridePath ?? file.ResolvePath(file.Store ?? "mdm-data/mdm.db"));

    /// <summary>The candidate index beside the store.</summary>
    public static string IndexPathOf(string storePath) => storePath + ".index";

    /// <summary>The matching configuration at <paramref name="path"/>, or the built-in one.</summary>
    public static MatchingConfiguration Matching(string? path) =>
        path is null ? MatchingConfiguration.Default() : MatchingConfiguration.Load(path);
}
