namespace Mdm.Connectors.Configuration;

/// <summary>
/// A column that marks records the source system has deleted (soft delete). Such rows are read as tombstones
/// (<see cref="SourceRow.Deleted"/>) so the engine can retire them even from an incremental extract.
/// </summary>
public sealed class DeletedFlag
{
    private readonly HashSet<string> _values;

    internal DeletedFlag(string column, IReadOnlyList<string> values)
    {
        Column = column;
        Values = values;
        _values = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The flag column.</summary>
    public string Column { get; }

    /// <summary>The values that mean deleted, compared trimmed and ignoring case (e.g. "Y", "1", "已删除").</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether a (trimmed) column value marks the record deleted.</summary>
    public bool IsDeleted(string? value) => !string.IsNullOrEmpty(value) && _values.Contains(value);
}
