namespace Mdm.Engine.Records;

/// <summary>
/// A source row that could not become a <see cref="SourceRecord"/> (or transaction): kept with its reason,
/// never dropped, so the source system's owners can fix it.
/// </summary>
/// <param name="System">Source system name from the sources file.</param>
/// <param name="Line">1-based line in the file where the row starts (header is line 1 for CSV); 0 if unknown.</param>
/// <param name="Field">The source column (or canonical field) at fault, if one is.</param>
/// <param name="Reason">Human-readable reason, e.g. "missing key", "duplicate key 'C001' (first at line 7)".</param>
/// <param name="RawText">The row as read (possibly truncated), so nothing is lost.</param>
/// <param name="Key">The row's key, when it could be read.</param>
public sealed record RejectedRow(string System, long Line, string? Field, string Reason, string? RawText, string? Key = null)
{
    public override string ToString() =>
        Field is null ? $"{System} line {Line}: {Reason}" : $"{System} line {Line}, field '{Field}': {Reason}";
}
