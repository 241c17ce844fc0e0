using Mdm.Connectors.Reading;

namespace Mdm.Connectors;

/// <summary>
/// An open pull from a database source: its rows as records (the file path's mapping and rejects), and, once read, the
/// highest watermark value seen, for the caller to keep after the load commits.
/// </summary>
public sealed class DatabaseRecordSource : IRecordSource
{
    private readonly IRecordSource _records;
    private readonly DatabaseRowCursor _cursor;

    internal DatabaseRecordSource(IRecordSource records, DatabaseRowCursor cursor, bool incremental)
    {
        _records = records;
        _cursor = cursor;
        Incremental = incremental;
    }

    public string System => _records.System;

    /// <summary>True when only rows past a kept watermark are read: absent records were not removed, so nothing is retired.</summary>
    public bool Incremental { get; }

    /// <summary>The highest watermark read so far (rows come ordered by it), or null when none was read or none is configured.</summary>
    /// <exception cref="NotSupportedException">The watermark column's type cannot serve as a watermark.</exception>
    public Watermark? LastWatermark => _cursor.LastWatermark is { } value ? Watermark.FromValue(value) : null;

    public IEnumerable<SourceRow> ReadRecords(CancellationToken cancellationToken = default) => _records.ReadRecords(cancellationToken);

    public void Dispose() => _records.Dispose();
}
