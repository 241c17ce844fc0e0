using Mdm.Connectors.Configuration;
using Mdm.Connectors.Reading;

namespace Mdm.Connectors;

/// <summary>
/// Opens the files a sources file declares. Opening reads the header and checks that every mapped column exists, so a
/// configuration mistake fails here, once, rather than as a reject on every row.
/// </summary>
public static class FileConnectors
{
    /// <summary>Opens a record source's file (CSV/TSV or JSON lines).</summary>
    /// <exception cref="SourcesFileException">The file is missing or empty, or its header lacks a mapped column.</exception>
    public static IRecordSource OpenRecords(SourceDefinition source, SourcesFile file)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        // A database source read here (profiles, reports) is a full pull; loads use DatabaseConnectors for the watermark.
        if (source.Database is not null) return DatabaseConnectors.OpenRecords(source, file, after: null);
        var plan = RecordPlan.Create(source);
        var cursor = OpenCursor(file, $"source '{source.System}'", source, plan.Slots);
        return new FileRecordSource(source, plan, cursor);
    }

    /// <summary>Opens a transaction file.</summary>
    /// <exception cref="SourcesFileException">The file is missing or empty, or its header lacks a mapped column.</exception>
    public static ITransactionSource OpenTransactions(TransactionSourceDefinition source, SourcesFile file)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        var plan = TransactionPlan.Create(source);
        var cursor = OpenCursor(file, $"transaction source '{source.System}'", source, plan.Slots);
        return new FileTransactionSource(source, plan, cursor);
    }

    /// <summary>
    /// Maps one record given as a JSON object (property names are the source's column names, as in its file) the way a
    /// load maps a row: for real-time resolves. The result is a record or a reject saying which field is wrong.
    /// </summary>
    public static SourceRow ParseRecord(SourceDefinition source, SourcesFile file, string json)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(json);
        var plan = RecordPlan.Create(source);
        var context = new CursorContext(file.FilePath, $"source '{source.System}'", source.System, "(request)", System.Text.Encoding.UTF8, "utf-8");
        // One line: a JSON object spread over several lines is still one record.
        var oneLine = json.ReplaceLineEndings(" ");
        using var records = new FileRecordSource(source, plan, new JsonLinesRowCursor(context, plan.Slots, source.MaxRowBytes, new StringReader(oneLine)));
        foreach (var row in records.ReadRecords()) return row;
        return new SourceRow(null, new Engine.Records.RejectedRow(source.System, 1, null, "empty request: expected one JSON object", "", null));
    }

    private static RowCursor OpenCursor(SourcesFile file, string subject, FileSourceDefinition source, IReadOnlyList<ColumnSlot> slots)
    {
        var fullPath = file.ResolvePath(source.Path);
        if (!File.Exists(fullPath))
            throw new SourcesFileException(file.FilePath, subject, source.System, $"file not found: {fullPath}");
        var encoding = TextEncodings.Resolve(source.Encoding);
        var context = new CursorContext(file.FilePath, subject, source.System, fullPath, encoding, source.Encoding ?? "utf-8");
        return source.Format == SourceFormat.JsonLines
            ? new JsonLinesRowCursor(context, slots, source.MaxRowBytes)
            : new DelimitedRowCursor(context, slots, source.Delimiter, source.HasHeader, source.Quoting, source.MaxRowBytes);
    }
}
