namespace Mdm.Engine.Pipeline;

/// <summary>
/// When a full extract may retire the records it lacks: only when it was read cleanly (as a hub's delete thresholds
/// guard a feed). A file cut short, rewritten in another layout or full of rejects would otherwise retire customers
/// who still exist.
/// </summary>
/// <param name="MaxRejectShare">Retire nothing when more than this share of the rows read were rejected.</param>
/// <param name="MinShareOfStore">Retire nothing when the file's accepted records are fewer than this share of the
/// records the store holds for the system.</param>
public sealed record RetirementGuard(double MaxRejectShare = 0.05, double MinShareOfStore = 0.5)
{
    public static readonly RetirementGuard Default = new();

    /// <summary>Why retirement is withheld for an extract of this shape, or null when it may go ahead.</summary>
    public string? WhyWithheld(long read, long rejected, long accepted, long activeInStore)
    {
        if (read > 0 && rejected > MaxRejectShare * read)
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{rejected:N0} of {read:N0} rows rejected (more than {MaxRejectShare:P0})");
        if (activeInStore > 0 && accepted < MinShareOfStore * activeInStore)
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file has {accepted:N0} records, the store {activeInStore:N0} (fewer than {MinShareOfStore:P0})");
        return null;
    }
}
