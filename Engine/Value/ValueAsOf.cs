namespace Mdm.Engine.Value;

/// <summary>
/// The day the recent window ends on ("as_of" in the sources file): today (UTC), the latest transaction date in the store
/// (a sample or an archive whose transactions stopped long ago), or a fixed date (a report reproduced later).
/// </summary>
public sealed record ValueAsOf
{
    private ValueAsOf(string kind, DateOnly? date)
    {
        Kind = kind;
        Date = date;
    }

    public static readonly ValueAsOf Today = new("today", null);
    public static readonly ValueAsOf LatestTransaction = new("latest_transaction", null);
    public static ValueAsOf On(DateOnly date) => new("date", date);

    /// <summary>"today", "latest_transaction" or "date".</summary>
    public string Kind { get; }

    /// <summary>The fixed date, when <see cref="Kind"/> is "date".</summary>
    public DateOnly? Date { get; }

    /// <summary>The window's last day; <paramref name="latestTransaction"/> is null when the store has no dated transaction (then today).</summary>
    public DateOnly Resolve(DateOnly todayUtc, DateOnly? latestTransaction) => Kind switch
    {
        "date" => Date!.Value,
        "latest_transaction" => latestTransaction ?? todayUtc,
        _ => todayUtc,
    };

    public override string ToString() => Date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Kind;
}
