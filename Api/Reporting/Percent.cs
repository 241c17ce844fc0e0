using System.Globalization;

namespace Mdm.Api.Reporting;

/// <summary>A share shown as a percentage with one decimal; null (nothing to divide by) shows as a dash, an empty CSV cell.</summary>
public readonly record struct Percent(double? Share)
{
    public static Percent Of(long part, long whole) => new(whole == 0 ? null : (double)part / whole);

    public string Csv => Share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";

    public override string ToString() => Share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
