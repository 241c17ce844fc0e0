namespace Mdm.Connectors.Configuration;

/// <summary>
/// Where one canonical field comes from: one column, or several whose non-empty values are joined (with one space;
/// with "; " for phone, so several numbers stay separable). <see cref="Format"/> is the date format of birth_date.
/// </summary>
public sealed class FieldMapping
{
    internal FieldMapping(IReadOnlyList<string> columns, string? format)
    {
        Columns = columns;
        Format = format;
    }

    /// <summary>The source columns, in joining order (at least one). For JSON lines a column may be a dotted path.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The value's format as written in the sources file (a .NET date format such as "yyyyMMdd"), if any.</summary>
    public string? Format { get; }

    public override string ToString() => Format is null ? string.Join(" + ", Columns) : $"{string.Join(" + ", Columns)} ({Format})";
}
