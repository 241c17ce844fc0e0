using System.Globalization;

namespace Mdm.Api.Reporting;

/// <summary>
/// One table of the report, written both into the HTML page and as <c>{Id}.csv</c>. Cells are strings, numbers,
/// <see cref="Percent"/> or <see cref="Money"/>; each writer formats them its way (grouped digits on the page, plain in CSV).
/// </summary>
public sealed class ReportTable(string id, string title, params string[] columns)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<object?[]> Rows { get; } = [];

    /// <summary>A sentence under the title: what the figures count.</summary>
    public string? Note { get; init; }

    /// <summary>Shown folded on the page (a click opens it): long detail tables that would bury the overview.</summary>
    public bool Folded { get; init; }

    /// <summary>Rows shown on the page (the CSV has all); null: all.</summary>
    public int? PageRows { get; init; }

    public string FileName => Id + ".csv";

    public ReportTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"table {Id}: {cells.Length} cells for {Columns.Count} columns");
        Rows.Add(cells);
        return this;
    }

    public static bool IsNumeric(object? cell) => cell is long or int or double or Percent or Money;

    public static string PageText(object? cell) => cell switch
    {
        null => "",
        long n => n.ToString("N0", CultureInfo.InvariantCulture),
        int n => n.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    public static string CsvText(object? cell) => cell switch
    {
        null => "",
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Percent p => p.Csv,
        Money m => m.Csv,
        Examples e => e.Csv,
        _ => cell.ToString() ?? "",
    };
}
