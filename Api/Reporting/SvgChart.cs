using System.Globalization;
using System.Net;
using System.Text;

namespace Mdm.Api.Reporting;

/// <summary>
/// Inline SVG charts for the report: horizontal bars and heat maps, drawn by hand so the page needs no script, no
/// network and no bitmap. Every text from the data is HTML-encoded; widths are estimated (a Han character about one em,
/// a Latin one about 0.6 em), so labels in either script fit.
/// </summary>
public static class SvgChart
{
    private const double FontSize = 12;
    private const string Font = "font-family=\"system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif\"";

    /// <summary>Colours a heat map runs to from near-white: teal where more is better, red where more is worse.</summary>
    public const string Good = "#0f766e";
    public const string Bad = "#b91c1c";
    public const string BarColour = "#2563eb";

    public static string Bars(string title, IReadOnlyList<ChartBar> bars, string colour = BarColour, double barArea = 460)
    {
        var labelWidth = Math.Ceiling(bars.Select(b => TextWidth(b.Label)).DefaultIfEmpty(40).Max()) + 12;
        var textWidth = Math.Ceiling(bars.Select(b => TextWidth(b.Text)).DefaultIfEmpty(40).Max()) + 12;
        const double rowHeight = 22, top = 30;
        var width = Math.Max(labelWidth + barArea + textWidth + 10, TextWidth(title) * 1.1 + 10);
        var height = top + Math.Max(1, bars.Count) * rowHeight + 10;
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var svg = Open(title, width, height);
        Text(svg, 0, 18, title, "start", bold: true);
        if (bars.Count == 0) Text(svg, 0, top + 14, "nothing to show", "start");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * rowHeight;
            Text(svg, labelWidth - 8, y + 15, b.Label, "end");
            var length = max <= 0 ? 0 : Math.Max(b.Value > 0 ? 1 : 0, b.Value / max * barArea);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth:0.#}\" y=\"{y + 3:0.#}\" width=\"{length:0.#}\" height=\"{rowHeight - 6:0.#}\" fill=\"{colour}\" rx=\"2\"/>");
            Text(svg, labelWidth + length + 6, y + 15, b.Text, "start");
        }
        return Close(svg);
    }

    /// <param name="scaleMax">The share shown in the full colour (1 for completeness; the largest value for rare problems).</param>
    public static string Heatmap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<int, int, HeatCell> cell,
        string colour, double scaleMax = 1)
    {
        var cells = new HeatCell[rows.Count, columns.Count];
        double widest = 40;
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
                widest = Math.Max(widest, TextWidth((cells[r, c] = cell(r, c)).Text));
        var labelWidth = Math.Ceiling(rows.Select(TextWidth).DefaultIfEmpty(40).Max()) + 14;
        var cellWidth = Math.Max(78, Math.Ceiling(Math.Max(widest, columns.Select(TextWidth).DefaultIfEmpty(40).Max())) + 16);
        const double cellHeight = 26, top = 48;
        var width = Math.Max(labelWidth + columns.Count * cellWidth + 10, TextWidth(title) * 1.1 + 10);
        var height = top + rows.Count * cellHeight + 10;
        var svg = Open(title, width, height);
        Text(svg, 0, 18, title, "start", bold: true);
        for (var c = 0; c < columns.Count; c++)
            Text(svg, labelWidth + c * cellWidth + cellWidth / 2, top - 8, columns[c], "middle", bold: true);
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + r * cellHeight;
            Text(svg, labelWidth - 8, y + cellHeight / 2 + 4, rows[r], "end");
            for (var c = 0; c < columns.Count; c++)
            {
                var x = labelWidth + c * cellWidth;
                var value = cells[r, c];
                var intensity = value.Share is { } s && scaleMax > 0 ? Math.Clamp(s / scaleMax, 0, 1) : 0;
                var fill = value.Share is null ? "#ffffff" : Blend("#f3f4f6", colour, intensity);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x + 1:0.#}\" y=\"{y + 1:0.#}\" width=\"{cellWidth - 2:0.#}\" height=\"{cellHeight - 2:0.#}\" fill=\"{fill}\" stroke=\"#e5e7eb\"/>");
                Text(svg, x + cellWidth / 2, y + cellHeight / 2 + 4, value.Text, "middle", fill: intensity > 0.55 ? "#ffffff" : "#111827");
            }
        }
        return Close(svg);
    }

    /// <summary>Estimated rendered width of <paramref name="s"/> at the chart's font size.</summary>
    public static double TextWidth(string s)
    {
        double ems = 0;
        foreach (var c in s) ems += c >= '\u2E80' ? 1.0 : char.IsUpper(c) ? 0.68 : 0.56;
        return ems * FontSize;
    }

    private static StringBuilder Open(string title, double width, double height)
    {
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" {Font} font-size=\"{FontSize}\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, bool bold = false, string fill = "#111827") =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(bold ? " font-weight=\"600\"" : "")}>")
            .Append(WebUtility.HtmlEncode(text)).Append("</text>");

    private static string Blend(string from, string to, double t)
    {
        int Channel(string hex, int i) => Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16);
        var sb = new StringBuilder("#", 7);
        for (var i = 0; i < 3; i++)
            sb.Append(((int)Math.Round(Channel(from, i) + (Channel(to, i) - Channel(from, i)) * t)).ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
