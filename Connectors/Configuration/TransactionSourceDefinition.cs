namespace Mdm.Connectors.Configuration;

/// <summary>A file of customer transactions of one source system (amounts are summed per golden customer).</summary>
public sealed class TransactionSourceDefinition : FileSourceDefinition
{
    internal TransactionSourceDefinition(string system, string path, SourceFormat format, string? encoding, char delimiter,
        bool hasHeader, bool quoting, string key, string amount, string? date, string? dateFormat)
        : base(system, path, format, encoding, delimiter, hasHeader, quoting, key)
    {
        Amount = amount;
        Date = date;
        DateFormat = dateFormat;
    }

    /// <summary>The amount column.</summary>
    public string Amount { get; }

    /// <summary>The transaction date column, if any.</summary>
    public string? Date { get; }

    /// <summary>An exact date format tried before the built-in ones (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd, ...).</summary>
    public string? DateFormat { get; }

    public override string ToString() => $"{System} transactions ({Path})";
}
