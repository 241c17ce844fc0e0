namespace Mdm.Connectors.Configuration;

/// <summary>
/// Where a source file is and how to read it: the settings every file a sources file names shares, whether it holds
/// customer records (<see cref="SourceDefinition"/>) or transactions (<see cref="TransactionSourceDefinition"/>).
/// </summary>
public abstract class FileSourceDefinition
{
    private protected FileSourceDefinition(string system, string path, SourceFormat format, string? encoding, char delimiter,
        bool hasHeader, bool quoting, string key)
    {
        System = system;
        Path = path;
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        HasHeader = hasHeader;
        Quoting = quoting;
        Key = key;
    }

    /// <summary>The source system's name; with <see cref="Key"/> it identifies a customer for ever.</summary>
    public string System { get; }

    /// <summary>The file as written in the sources file (relative to its folder); see <see cref="SourcesFile.ResolvePath"/>.</summary>
    public string Path { get; }

    /// <summary>CSV, TSV or JSON lines ("format"; inferred from the file extension when absent, else CSV).</summary>
    public SourceFormat Format { get; }

    /// <summary>The encoding name as written ("encoding"), or null for UTF-8 (with or without BOM).</summary>
    public string? Encoding { get; }

    /// <summary>The field separator: ',' for CSV unless "delimiter" says otherwise, '\t' for TSV.</summary>
    public char Delimiter { get; }

    /// <summary>Whether the first line names the columns ("header", default true). Without one, columns are 1-based numbers ("1", "2", ...).</summary>
    public bool HasHeader { get; }

    /// <summary>Whether '"' quotes fields (RFC 4180; "quoting", default true). False reads every quote as text.</summary>
    public bool Quoting { get; }

    /// <summary>The column holding the customer's key in the source system.</summary>
    public string Key { get; }

    /// <summary>Default of <see cref="MaxRowBytes"/>: far above a real customer row, small enough to hold a few of in memory.</summary>
    public const int DefaultMaxRowBytes = 4 << 20;

    internal const int MinMaxRowBytes = 1024;

    /// <summary>Upper bound of <see cref="MaxRowBytes"/>: the CSV reader buffers up to twice the limit, and System.Text.Json caps a token at ~166 MB.</summary>
    internal const int MaxMaxRowBytes = 128 << 20;

    /// <summary>
    /// The longest row ("max_row_bytes", in bytes of UTF-8; text in another encoding is counted as its UTF-8 form). A longer
    /// row or line is rejected and read past in bounded memory; the rest of the file loads.
    /// </summary>
    public int MaxRowBytes { get; internal set; } = DefaultMaxRowBytes;
}
