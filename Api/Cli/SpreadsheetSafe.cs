namespace Mdm.Api.Cli;

/// <summary>
/// CSV cells a steward may open in a spreadsheet: a cell that starts with = + - @, a tab or a carriage return would be
/// run as a formula (=HYPERLINK(…), @SUM(…)), so it is prefixed with a single quote, as OWASP's CSV-injection advice says.
/// The raw value stays as it is in the store and in JSON output; RFC 4180 quoting is the CSV writer's.
/// </summary>
public static class SpreadsheetSafe
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
