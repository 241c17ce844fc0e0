using System.Data.Common;
using System.Globalization;
using System.Text;
using Mdm.Connectors.Configuration;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Streams a query's rows from a <see cref="DbDataReader"/> (one row in memory at a time) and hands out the planned columns
/// as text, the way the file cursors do, so keys, field mapping, deleted flags and rejects are the file path's code.
/// <see cref="RowCursor.Line"/> is the 1-based row number. Alongside, it keeps the last non-null value of the watermark
/// column: the query is ordered by it, so that is the highest value read.
/// </summary>
internal sealed class DatabaseRowCursor : RowCursor
{
    private readonly DbDataSource _dataSource;
    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly int[] _ordinals;
    private readonly int _watermarkOrdinal;

    public DatabaseRowCursor(CursorContext context, IReadOnlyList<ColumnSlot> slots, DbDataSource dataSource, DbConnection connection,
        DbCommand command, DbDataReader reader, string? watermarkColumn)
        : base(context, slots)
    {
        _dataSource = dataSource;
        _connection = connection;
        _command = command;
        _reader = reader;
        try
        {
            _ordinals = new int[slots.Count];
            for (var i = 0; i < slots.Count; i++) _ordinals[i] = Ordinal(slots[i].Column, slots[i].Role);
            _watermarkOrdinal = watermarkColumn is null ? -1 : Ordinal(watermarkColumn, "watermark");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The watermark column's value in the last row read that had one, or null.</summary>
    public object? LastWatermark { get; private set; }

    public override string RawText
    {
        get
        {
            // The planned columns as "column=value": what a steward needs to find the row in the source.
            var text = new StringBuilder();
            for (var i = 0; i < _ordinals.Length; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(Slots[i].Column).Append('=');
                try
                {
                    text.Append(_reader.IsDBNull(_ordinals[i]) ? "NULL" : Text(_reader.GetValue(_ordinals[i])));
                }
                catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or ArgumentException)
                {
                    text.Append('?');
                }
            }
            return Truncate(text.ToString());
        }
    }

    public override bool MoveNext()
    {
        ProblemReason = null;
        ProblemField = null;
        if (!_reader.Read()) return false;
        Line++;
        CanReadValues = true;
        if (_watermarkOrdinal >= 0)
        {
            try
            {
                if (!_reader.IsDBNull(_watermarkOrdinal)) LastWatermark = _reader.GetValue(_watermarkOrdinal);
            }
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or ArgumentException)
            {
                // The row still loads; the watermark just does not move past it (a later pull reads it again).
            }
        }
        return true;
    }

    public override bool ReadValues(string?[] values)
    {
        for (var i = 0; i < _ordinals.Length; i++)
        {
            try
            {
                values[i] = _reader.IsDBNull(_ordinals[i]) ? null : TrimToNull(Text(_reader.GetValue(_ordinals[i])));
            }
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or ArgumentException or NotSupportedException)
            {
                ProblemField = Slots[i].Column;
                ProblemReason = $"the value of column {Slots[i].Column} cannot be read: {ex.Message}";
                return false;
            }
        }
        return true;
    }

    /// <summary>A database value as the text a file would hold: invariant culture, ISO 8601 times, dates without a time.</summary>
    private static string Text(object value) => value switch
    {
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero && d.Kind != DateTimeKind.Utc => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString(d.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("o", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] => throw new NotSupportedException("binary data is not text"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The column's ordinal: exact name first, then ignoring case (databases fold unquoted names differently).</summary>
    private int Ordinal(string column, string role)
    {
        var ignoringCase = -1;
        for (var i = 0; i < _reader.FieldCount; i++)
        {
            var name = _reader.GetName(i);
            if (string.Equals(name, column, StringComparison.Ordinal)) return i;
            if (ignoringCase < 0 && string.Equals(name, column, StringComparison.OrdinalIgnoreCase)) ignoringCase = i;
        }
        if (ignoringCase >= 0) return ignoringCase;
        var columns = Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName);
        throw new SourcesFileException(Context.SourcesFilePath, Context.Subject, Context.System,
            $"the {Context.FilePath} has no column '{column}' (the {role}); its columns are: {string.Join(", ", columns)}");
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
        _connection.Dispose();
        _dataSource.Dispose();
    }
}
