namespace Mdm.Engine.Pipeline;

/// <summary>What one source system's load did. Read = Accepted + Rejected, always.</summary>
public sealed class SystemLoadSummary
{
    public required string System { get; init; }
    public long Read { get; set; }
    public long Accepted { get; set; }
    public long Rejected { get; set; }
    public long New { get; set; }
    public long Changed { get; set; }
    public long Unchanged { get; set; }
    public long Retired { get; set; }
    /// <summary>
    /// Set when the file was a full extract but did not look cleanly read (see <see cref="RetirementGuard"/>): records
    /// it lacks were not retired, and this says why.
    /// </summary>
    public string? RetirementWithheld { get; set; }
    /// <summary>Records the extract lacks that would have been retired, had it been read cleanly.</summary>
    public long RetirementsWithheld { get; set; }
    public long Transactions { get; set; }
    public long TransactionsRejected { get; set; }
    /// <summary>Wall time of the system's ingest; of it, writing records to the store and waiting for standardization.</summary>
    public double Seconds { get; set; }
    public double StoreSeconds { get; set; }
    public double StandardizeWaitSeconds { get; set; }
}

/// <summary>What a resolution run found, and where its time went.</summary>
public sealed class ResolutionSummary
{
    public bool Ran { get; set; }
    /// <summary>"full" (every record re-resolved) or "incremental" (only what the changes touch).</summary>
    public string Mode { get; set; } = "full";
    /// <summary>Why a full resolution ran instead of an incremental one.</summary>
    public string? FullReason { get; set; }
    /// <summary>Incremental: records changed since the last resolution, and records re-resolved because of them.</summary>
    public long TouchedRecords { get; set; }
    public long AffectedRecords { get; set; }
    public long Records { get; set; }
    public long Persons { get; set; }
    public long Organizations { get; set; }
    public long CandidatePairs { get; set; }
    public long OversizedBlocks { get; set; }
    public long LinkedPairs { get; set; }
    public long GoldenRecords { get; set; }
    public long MultiRecordCustomers { get; set; }
    public long CrossSystemCustomers { get; set; }
    public long ReviewTasks { get; set; }
    public long RefusedLinks { get; set; }
    public long GoldenIdsCreated { get; set; }
    public long GoldenIdsMerged { get; set; }
    public long GoldenIdsSplit { get; set; }
    public long QualityFindings { get; set; }
    public bool ModelTrained { get; set; }
    /// <summary>Configured caps the model does not apply because the data overrules them (see <see cref="Scoring.LiftedCap"/>).</summary>
    public List<string> CapsLifted { get; set; } = [];
    public Dictionary<string, double> StageSeconds { get; } = new(StringComparer.Ordinal);
}

public sealed class LoadSummary
{
    /// <summary>Systems whose missing records were not retired because their extract did not look cleanly read.</summary>
    public IEnumerable<SystemLoadSummary> WithheldRetirements => Systems.Where(s => s.RetirementWithheld is not null);

    public long RunId { get; set; }
    public List<SystemLoadSummary> Systems { get; } = [];
    public ResolutionSummary Resolution { get; set; } = new();
    /// <summary>Golden customers per value tier after the load's ranking (tiers in <see cref="Value.CustomerTier.All"/> order).</summary>
    public Dictionary<string, long> Tiers { get; } = new(StringComparer.Ordinal);
    /// <summary>Wall time of the load's ranking of customer value (seconds).</summary>
    public double ValueSeconds { get; set; }
    public double TotalSeconds { get; set; }
    /// <summary>Time the process spent paused for garbage collection during the load, and gen-2 collections.</summary>
    public double GcPauseSeconds { get; set; }
    public int Gen2Collections { get; set; }
    public long PeakWorkingSetBytes { get; set; }
    public long Read => Systems.Sum(s => s.Read);
    public long Accepted => Systems.Sum(s => s.Accepted);
    public long Rejected => Systems.Sum(s => s.Rejected) + Systems.Sum(s => s.TransactionsRejected);
    public long RecordsRejected => Systems.Sum(s => s.Rejected);
}
