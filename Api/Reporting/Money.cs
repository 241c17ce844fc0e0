using System.Globalization;

namespace Mdm.Api.Reporting;

/// <summary>An amount in cents: "1,234.50" on the page, "1234.50" in CSV.</summary>
public readonly record struct Money(long Cents)
{
    public string Csv => (Cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public override string ToString() => (Cents / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
}
