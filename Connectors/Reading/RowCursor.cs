using System.Text;

namespace Mdm.Connectors.Reading;

/// <summary>Where a cursor reads from, for reading and for messages.</summary>
/// <param name="Subject">How messages name the source: "source 'crm'" or "transaction source 'crm'".</param>
internal sealed record CursorContext(string SourcesFilePath, string Subject, string System, string FilePath, Encoding Encoding, string EncodingName);

/// <summary>
/// A source column a plan needs, once however many roles use it. <paramref name="ArraySeparator"/> joins the items of a
/// JSON array value ("; " when the column feeds phone, so numbers stay separable).
/// </summary>
internal sealed record ColumnSlot(string Column, string Role, string ArraySeparator);

/// <summary>
/// Reads a file row by row and hands out the values of a fixed list of columns (<see cref="ColumnSlot"/>s), resolved once
/// when the file is opened. A row that cannot be read carries a problem instead, which the source turns into a reject.
/// </summary>
internal abstract class RowCursor : IDisposable
{
    /// <summary>Longest raw row kept in a reject.</summary>
    public const int MaxRawTextLength = 2000;

    protected RowCursor(CursorContext context, IReadOnlyList<ColumnSlot> slots)
    {
        Context = context;
        Slots = slots;
    }

    public CursorContext Context { get; }

    public IReadOnlyList<ColumnSlot> Slots { get; }

    /// <summary>The 1-based physical line where the current row starts.</summary>
    public long Line { get; protected set; }

    /// <summary>Why the current row cannot be read, or null when it can.</summary>
    public string? ProblemReason { get; protected set; }

    /// <summary>The column at fault for <see cref="ProblemReason"/>, if one is.</summary>
    public string? ProblemField { get; protected set; }

    /// <summary>Whether <see cref="ReadValues"/> may be called for the current row (false when the row is not a row, e.g. a broken-quote line).</summary>
    public bool CanReadValues { get; protected set; }

    /// <summary>The current row as it is in the file, at most <see cref="MaxRawTextLength"/> characters.</summary>
    public abstract string RawText { get; }

    /// <summary>Advances to the next data row (blank lines are skipped); false at the end of the file.</summary>
    public abstract bool MoveNext();

    /// <summary>
    /// Puts the value of every slot of the current row in <paramref name="values"/>: trimmed, null when empty or absent.
    /// False, with <see cref="ProblemReason"/> and <see cref="ProblemField"/> set, when a value cannot be read.
    /// </summary>
    public abstract bool ReadValues(string?[] values);

    public abstract void Dispose();

    protected static string Truncate(string text)
    {
        if (text.Length <= MaxRawTextLength) return text;
        var length = MaxRawTextLength;
        if (char.IsHighSurrogate(text[length - 1])) length--; // never split a surrogate pair
        return text[..length];
    }

    /// <summary>Trims Unicode white space (e.g. the ideographic space U+3000) only when there is some: most values have none.</summary>
    protected static string? TrimToNull(string value)
    {
        if (value.Length == 0) return null;
        if (!char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])) return value;
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    protected string UndecodableReason(string column) =>
        $"undecodable bytes in field {column} for encoding {Context.EncodingName}";
}
