using System.Text.Json;

namespace Mdm.Connectors.Configuration;

/// <summary>
/// The sources file: a JSON document that names the store and, for each source system, its file, format, encoding,
/// key column and the mapping of its columns onto canonical fields; optionally transaction files. Everything is
/// validated on load, so a mistake is reported once, clearly, before any data is read. Relative paths are relative
/// to the sources file's folder. Unknown top-level properties are ignored (other parts of the program may keep their
/// settings there); unknown properties inside a source are errors, so a misspelt setting is never silently ignored.
/// </summary>
public sealed class SourcesFile
{
    private SourcesFile(string filePath, string baseDirectory, string? store, ServerStoreSettings? serverStore, IReadOnlyList<SourceDefinition> sources,
        IReadOnlyList<TransactionSourceDefinition> transactions, Mdm.Engine.Value.TierPolicy value)
    {
        Value = value;
        FilePath = filePath;
        BaseDirectory = baseDirectory;
        Store = store;
        ServerStore = serverStore;
        Sources = sources;
        Transactions = transactions;
    }

    /// <summary>The sources file, as used in messages (absolute when loaded with <see cref="Load"/>).</summary>
    public string FilePath { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>The store ("store") as written, or null; apply <see cref="ResolvePath"/> to use it.</summary>
    public string? Store { get; }

    /// <summary>The store on a database server ("store" as an object), or null for the embedded SQLite file.</summary>
    public ServerStoreSettings? ServerStore { get; }

    /// <summary>The customer-record sources, in file order; their systems are distinct (ignoring case).</summary>
    public IReadOnlyList<SourceDefinition> Sources { get; }

    /// <summary>The transaction files, in file order; each belongs to a system of <see cref="Sources"/>.</summary>
    public IReadOnlyList<TransactionSourceDefinition> Transactions { get; }

    /// <summary>How customers are valued and ranked into tiers ("value"; the defaults when absent).</summary>
    public Mdm.Engine.Value.TierPolicy Value { get; }

    /// <summary>The source of <paramref name="system"/> (exact name), or null.</summary>
    public SourceDefinition? FindSource(string system)
    {
        foreach (var s in Sources)
            if (string.Equals(s.System, system, StringComparison.Ordinal)) return s;
        return null;
    }

    /// <summary>Reads and validates a sources file.</summary>
    /// <exception cref="SourcesFileException">The file cannot be read, is not valid JSON, or a setting is wrong.</exception>
    public static SourcesFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourcesFileException(fullPath, null, null, $"cannot read the sources file: {ex.Message}", ex);
        }
        return Parse(json, System.IO.Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory(), fullPath);
    }

    /// <summary>Validates sources-file JSON; relative paths will resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="SourcesFileException">The text is not valid JSON or a setting is wrong.</exception>
    public static SourcesFile Parse(string json, string baseDirectory, string filePathForMessages)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        ArgumentException.ThrowIfNullOrEmpty(filePathForMessages);
        var reader = new SourcesFileReader(filePathForMessages);
        var (store, serverStore, sources, transactions, value) = reader.Read(json);
        return new SourcesFile(filePathForMessages, System.IO.Path.GetFullPath(baseDirectory), store, serverStore, sources, transactions, value);
    }

    /// <summary>An absolute path for a path written in the sources file (relative ones are relative to its folder).</summary>
    public string ResolvePath(string relativeOrAbsolute)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativeOrAbsolute);
        return System.IO.Path.IsPathRooted(relativeOrAbsolute)
            ? System.IO.Path.GetFullPath(relativeOrAbsolute)
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, relativeOrAbsolute));
    }
}
