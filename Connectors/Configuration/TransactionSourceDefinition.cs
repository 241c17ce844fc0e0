namespace Mdm.Connectors.Configuration;

/// <summary>A file of customer transactions of one source system (amounts are summed per golden customer).</summary>
public sealed class TransactionSourceDefinition
{
    internal TransactionSourceDefinition(string system, string path, SourceFormat format, string? encoding, char delimiter,
        bool hasHeader, bool quoting, string key, string amount, string? date, string? dateFormat)
    {
        System = system;
        Path = path;
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        HasHeader = hasHeader;
        Quoting = quoting;
        Key = key;
        Amount = amount;
        Date = date;
        DateFormat = dateFormat;
    }

    /// <summary>The source system whose customer keys <see cref="Key"/> holds; a record source of the same system exists.</summary>
    public string System { get; }

    /// <summary>The file as written in the sources file.</summary>
    public string Path { get; }

    /// <summary>CSV, TSV or JSON lines.</summary>
    public SourceFormat Format { get; }

    /// <summary>The encoding name as written, or null for UTF-8.</summary>
    public string? Encoding { get; }

    /// <summary>The field separator (CSV/TSV).</summary>
    public char Delimiter { get; }

    /// <summary>Whether the first line names the columns.</summary>
    public bool HasHeader { get; }

    /// <summary>Whether '"' quotes fields.</summary>
    public bool Quoting { get; }

    /// <summary>The column with the customer's key in the source system.</summary>
    public string Key { get; }

    /// <summary>The amount column.</summary>
    public string Amount { get; }

    /// <summary>The transaction date column, if any.</summary>
    public string? Date { get; }

    /// <summary>An exact date format tried before the built-in ones (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd, ...).</summary>
    public string? DateFormat { get; }

    public override string ToString() => $"{System} transactions ({Path})";
}
