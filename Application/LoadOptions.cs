namespace Mdm.Application;

/// <summary>Options of a load, beyond what the sources file says.</summary>
public sealed record LoadOptions
{
    /// <summary>The store (--store: an SQLite file, or postgresql:&lt;connection string&gt;); default: the sources file's "store", else mdm-data/mdm.db beside it.</summary>
    public string? StorePath { get; init; }
    public string? MatchingPath { get; init; }
    public bool Retrain { get; init; }
    /// <summary>Re-resolve every record, not only what changed.</summary>
    public bool Full { get; init; }
    /// <summary>How long to wait for another process's writer lock on the store (null: MDM_WRITER_WAIT or 120 s).</summary>
    public TimeSpan? Wait { get; init; }
}
