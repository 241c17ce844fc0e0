namespace Mdm.Connectors.Configuration;

/// <summary>
/// A hub store on a database server ("store": { "provider": "postgresql", "connection_env": "MDM_STORE" }): the
/// connection string itself or, so no password sits in the file, the environment variable holding it; and the folder
/// for the files kept beside the store (the candidate and search indexes), relative to the sources file.
/// </summary>
public sealed record ServerStoreSettings(DatabaseProvider Provider, string? Connection, string? ConnectionEnv, string? Folder)
{
    /// <summary>The connection string, from the file or the environment.</summary>
    /// <exception cref="InvalidOperationException">The environment variable is not set.</exception>
    public string ConnectionString
    {
        get
        {
            if (Connection is not null) return Connection;
            var value = Environment.GetEnvironmentVariable(ConnectionEnv!);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException($"the environment variable {ConnectionEnv} named by the store's \"connection_env\" is not set (it must hold the connection string)")
                : value;
        }
    }
}
