using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Mdm.Api.Cli;
using Mdm.Engine.Records;
using Mdm.Engine.Reports;

namespace Mdm.Api.Reporting;

/// <summary>
/// Writes the data-quality report: <c>report.html</c>, one self-contained page (inline CSS and SVG, no script, nothing
/// fetched), and one CSV file per table beside it. Every value from the data is HTML-encoded on the page and made
/// spreadsheet-safe in the CSV files.
/// </summary>
public static class HtmlReport
{
    public const string PageName = "report.html";

    /// <summary>Bars shown in the province charts; the rest are in the table.</summary>
    private const int ProvinceBars = 15;

    /// <returns>The files written, the page first.</returns>
    public static IReadOnlyList<string> Write(QualityProfile profile, string directory)
    {
        Directory.CreateDirectory(directory);
        var tables = ReportTables.Build(profile);
        var written = new List<string> { Path.Combine(directory, PageName) };
        File.WriteAllText(written[0], Page(profile, tables.ToDictionary(t => t.Id)), new UTF8Encoding(false));
        foreach (var t in tables)
        {
            var path = Path.Combine(directory, t.FileName);
            WriteCsv(t, path);
            written.Add(path);
        }
        return written;
    }

    public static void WriteCsv(ReportTable table, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: false);
        foreach (var c in table.Columns) csv.WriteField(c);
        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            // Only text can be a formula; numbers stay numbers (a negative amount keeps its sign).
            foreach (var cell in row) csv.WriteField(cell is string or Examples ? SpreadsheetSafe.Cell(ReportTable.CsvText(cell)) : ReportTable.CsvText(cell));
            csv.EndRecord();
        }
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Page(QualityProfile p, Dictionary<string, ReportTable> tables)
    {
        var h = new StringBuilder(256 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append("<title>Data-quality report</title><style>").Append(Css).Append("</style></head><body>\n");
        h.Append("<header><h1>Data quality per source system</h1>")
         .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Store <code>{E(p.StorePath)}</code> · generated {E(p.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} in {p.Seconds:0.0} s · up to {p.ExampleLimit} example keys per problem</p>");
        var o = p.Overall;
        h.Append("<div class=\"kpis\">");
        Kpi(h, "source systems", N(p.Systems.Count));
        Kpi(h, "active records", N(o.Records));
        Kpi(h, "golden customers", N(p.GoldenCustomers));
        Kpi(h, "in several systems", N(p.CrossSystemGoldenCustomers));
        Kpi(h, "duplicates inside a system", N(o.DuplicateRecords) + " records");
        Kpi(h, "records with invalid values", N(o.RecordsWithInvalidValues));
        Kpi(h, "rejected rows (last loads)", N(o.RejectedRows));
        Kpi(h, "transaction value", new Money(o.TransactionCents).ToString());
        h.Append("</div><nav>");
        foreach (var (id, label) in new[] { ("systems", "Systems"), ("completeness", "Completeness"), ("duplicates", "Duplicates and overlap"),
                     ("invalid", "Invalid values"), ("rejects", "Rejects"), ("conflicts", "Conflicts"), ("regions", "Regions") })
            h.Append(CultureInfo.InvariantCulture, $"<a href=\"#{id}\">{label}</a>");
        h.Append("</nav></header>\n<main>\n");

        Section(h, "systems", "Systems", null);
        Table(h, tables["systems"], lastRowIsTotal: true);
        h.Append("</section>\n");

        var systemNames = p.Systems.Select(s => s.System).Append(p.Overall.System).ToArray();
        var all = p.Systems.Append(p.Overall).ToArray();
        Section(h, "completeness", "Completeness per field and system",
            "Share of records with a usable standardized value. A field a system does not map shows 0 %; a field that does not apply (birth date of a company) is blank.");
        Chart(h, SvgChart.Heatmap("Usable values, % of records", ProfileField.All.Select(f => f.Name).ToArray(), systemNames,
            (r, c) => Cell(all[c].Completeness[r].Completeness), SvgChart.Good));
        Table(h, tables["completeness"]);
        h.Append("</section>\n");

        Section(h, "duplicates", "Duplicates inside each system, overlap between systems", null);
        Chart(h, SvgChart.Bars("Duplicate records, % of the system's records",
            p.Systems.Select(s => new ChartBar(s.System, s.DuplicateRate ?? 0, $"{new Percent(s.DuplicateRate)} ({N(s.DuplicateRecords)} of {N(s.Records)})")).ToArray(), SvgChart.Bad));
        Table(h, tables["duplicates"], lastRowIsTotal: true);
        var names = p.Systems.Select(s => s.System).ToArray();
        Chart(h, SvgChart.Heatmap("Share of the row system's golden customers also in the column system", names, names,
            // The diagonal is always 100 %: left uncoloured, it gives the system's own count without outshining the overlaps.
            (r, c) => r == c ? new HeatCell(null, $"{N(p.Overlap[r, r])} customers")
                : new HeatCell(p.OverlapShare(r, c), p.OverlapShare(r, c) is { } v ? $"{new Percent(v)} ({N(p.Overlap[r, c])})" : "–"), SvgChart.BarColour));
        Table(h, tables["overlap"]);
        h.Append("</section>\n");

        Section(h, "invalid", "Invalid values",
            "Records whose value is there but wrong: an address without a recognisable division or street, a phone no numbering plan assigns, an ID card with a bad check digit or a birth date that disagrees with it, a malformed e-mail or credit code.");
        string[] invalidFields = [CanonicalField.Address, CanonicalField.Phone, CanonicalField.NationalId, CanonicalField.BirthDate, CanonicalField.Gender, CanonicalField.Email, CanonicalField.CreditCode];
        var invalidMax = all.SelectMany(s => invalidFields.Select(f => s.Records == 0 ? 0 : (double)s.InvalidRecords(f) / s.Records)).DefaultIfEmpty(0).Max();
        Chart(h, SvgChart.Heatmap("Records with an invalid value, % of records", invalidFields, systemNames,
            (r, c) => all[c].Records == 0 ? new HeatCell(null, "–") : Cell((double)all[c].InvalidRecords(invalidFields[r]) / all[c].Records), SvgChart.Bad, Math.Max(invalidMax, 0.05)));
        Table(h, tables["invalid_values"]);
        h.Append("</section>\n");

        Section(h, "rejects", "Rejected rows", null);
        Table(h, tables["rejects"]);
        h.Append("</section>\n");

        Section(h, "conflicts", "Golden customers assembled from disagreeing records", null);
        Chart(h, SvgChart.Bars("Golden customers whose records disagree, by field",
            p.Conflicts.Select(c => new ChartBar(c.Field, c.GoldenCustomers, N(c.GoldenCustomers))).ToArray(), SvgChart.Bad));
        Table(h, tables["conflicts"]);
        h.Append("</section>\n");

        Section(h, "regions", "Where customers concentrate", null);
        var top = p.Provinces.Take(ProvinceBars).ToArray();
        h.Append("<div class=\"charts\">");
        Chart(h, SvgChart.Bars($"Golden customers by province (top {top.Length})",
            top.Select(r => new ChartBar(r.Name, r.GoldenCustomers, N(r.GoldenCustomers))).ToArray(), barArea: 300));
        Chart(h, SvgChart.Bars($"Transaction value by province (top {top.Length} by customers)",
            top.Select(r => new ChartBar(r.Name, r.TransactionCents, new Money(r.TransactionCents).ToString())).ToArray(), SvgChart.Good, barArea: 300));
        h.Append("</div>");
        Table(h, tables["regions_province"]);
        Table(h, tables["regions_city"]);
        Table(h, tables["regions_county"]);
        h.Append("</section>\n</main>\n");

        h.Append("<footer>Every table is also a CSV file beside this page (UTF-8, RFC 4180): ")
         .AppendJoin(" · ", tables.Values.Select(t => $"<a href=\"{E(t.FileName)}\">{E(t.FileName)}</a>")).Append("</footer>\n</body></html>\n");
        return h.ToString();
    }

    private static HeatCell Cell(double? share) => new(share, new Percent(share).ToString());

    private static void Kpi(StringBuilder h, string label, string value) =>
        h.Append("<div class=\"kpi\"><div class=\"v\">").Append(E(value)).Append("</div><div class=\"l\">").Append(E(label)).Append("</div></div>");

    private static void Section(StringBuilder h, string id, string title, string? intro)
    {
        h.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\"><h2>{E(title)}</h2>");
        if (intro is not null) h.Append("<p>").Append(E(intro)).Append("</p>");
    }

    private static void Chart(StringBuilder h, string svg) => h.Append("<figure>").Append(svg).Append("</figure>");

    private static void Table(StringBuilder h, ReportTable t, bool lastRowIsTotal = false)
    {
        h.Append(t.Folded ? "<details class=\"table\"><summary>" : "<div class=\"table\"><h3>").Append(E(t.Title))
         .Append(t.Folded ? $" ({N(t.Rows.Count)} rows)" : "")
         .Append(" <a class=\"csv\" href=\"").Append(E(t.FileName)).Append("\">").Append(E(t.FileName)).Append("</a>")
         .Append(t.Folded ? "</summary>" : "</h3>");
        if (t.Note is not null) h.Append("<p class=\"note\">").Append(E(t.Note)).Append("</p>");
        h.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (var c in t.Columns) h.Append("<th>").Append(E(c)).Append("</th>");
        h.Append("</tr></thead><tbody>");
        var shown = Math.Min(t.Rows.Count, t.PageRows ?? int.MaxValue);
        if (t.Rows.Count == 0) h.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{t.Columns.Count}\" class=\"empty\">none</td></tr>");
        for (var i = 0; i < shown; i++)
        {
            h.Append(lastRowIsTotal && i == t.Rows.Count - 1 ? "<tr class=\"total\">" : "<tr>");
            for (var c = 0; c < t.Columns.Count; c++)
            {
                var cell = t.Rows[i][c];
                var css = ReportTable.IsNumeric(cell) ? " class=\"n\"" : cell is Examples ? " class=\"ex\"" : "";
                h.Append("<td").Append(css).Append('>').Append(E(ReportTable.PageText(cell))).Append("</td>");
            }
            h.Append("</tr>");
        }
        h.Append("</tbody></table></div>").Append(t.Folded ? "</details>" : "</div>");
    }

    private const string Css = """
        :root{color-scheme:light;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#f9fafb}
        header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px 12px}
        h1{margin:0 0 4px;font-size:24px}
        h2{font-size:19px;margin:0 0 8px}
        h3{font-size:15px;margin:18px 0 4px}
        .meta,.note{color:var(--muted);margin:4px 0 8px}
        .note{font-size:13px;max-width:980px}
        code{font-size:12px}
        .kpis{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 10px}
        .kpi{background:#f3f4f6;border-radius:8px;padding:8px 14px;min-width:140px}
        .kpi .v{font-size:20px;font-weight:600}
        .kpi .l{font-size:12px;color:var(--muted)}
        nav a{margin-right:16px;color:var(--accent);text-decoration:none}
        main{padding:8px 24px 24px}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:18px 0}
        section>p{max-width:980px;margin:0 0 8px}
        figure{margin:10px 0;overflow-x:auto}
        .charts{display:flex;flex-wrap:wrap;gap:24px}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:13px}
        th{background:#f3f4f6;text-align:left;font-weight:600;padding:5px 6px;border-bottom:1px solid var(--line);vertical-align:bottom}
        td{padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.ex{color:#4b5563;font-size:12px;min-width:260px;max-width:520px;overflow-wrap:anywhere}
        td.empty{color:var(--muted);font-style:italic}
        tr.total td{font-weight:600;border-top:2px solid #d1d5db}
        tr.total td.ex{font-weight:400}
        details.table{margin:14px 0}
        details.table>summary{font-size:15px;font-weight:600;cursor:pointer;padding:4px 0}
        a.csv{font-size:12px;font-weight:400;color:var(--accent);margin-left:8px}
        footer{padding:0 32px 32px;color:var(--muted);font-size:12px}
        footer a{color:var(--accent)}
        """;
}
