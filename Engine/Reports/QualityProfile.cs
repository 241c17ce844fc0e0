namespace Mdm.Engine.Reports;

/// <summary>
/// What <see cref="QualityProfiler"/> computed from a store: a profile per source system and overall, the overlap
/// between systems, golden customers assembled from disagreeing records, and where customers concentrate by region.
/// </summary>
public sealed class QualityProfile
{
    public required string StorePath { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Most examples kept per problem.</summary>
    public required int ExampleLimit { get; init; }

    /// <summary>In system-name order (ordinal); includes systems whose records are all retired.</summary>
    public required IReadOnlyList<SystemQuality> Systems { get; init; }

    public required SystemQuality Overall { get; init; }

    /// <summary>
    /// Overlap[i, j]: golden customers holding a record of system i and one of system j (systems in <see cref="Systems"/>
    /// order); the diagonal is each system's golden customers.
    /// </summary>
    public required long[,] Overlap { get; init; }

    /// <summary>Golden customers in total (groups of active records; an unresolved record counts as its own).</summary>
    public long GoldenCustomers => Overall.GoldenCustomers;

    /// <summary>Golden customers holding records of two or more systems.</summary>
    public long CrossSystemGoldenCustomers => Overall.SharedGoldenCustomers;

    /// <summary>Golden customers holding two or more records (only these can hold disagreeing records).</summary>
    public required long MultiRecordGoldenCustomers { get; init; }

    /// <summary>Per field: golden customers whose members disagree on it.</summary>
    public required IReadOnlyList<ConflictCount> Conflicts { get; init; }

    public required IReadOnlyList<RegionCount> Provinces { get; init; }
    public required IReadOnlyList<RegionCount> Cities { get; init; }
    public required IReadOnlyList<RegionCount> Counties { get; init; }

    /// <summary>Seconds the pass over the store took.</summary>
    public double Seconds { get; init; }

    /// <summary>Share of system i's golden customers that also hold a record of system j; null when i has none.</summary>
    public double? OverlapShare(int i, int j) => Overlap[i, i] == 0 ? null : (double)Overlap[i, j] / Overlap[i, i];

    public SystemQuality System(string name) => Systems.First(s => s.System == name);
}
