namespace Mdm.Engine.Storage;

/// <summary>
/// The store's own bookkeeping: runs, how far resolution has got, the trained model and named binary state (the
/// term-frequency snapshot, connectors' watermarks).
/// </summary>
public interface IRunStore
{
    /// <param name="bulk">A batch run: the store may defer housekeeping (WAL checkpoints) until <see cref="FinishRun"/>.</param>
    long BeginRun(string command, string? configuration, bool bulk = true);

    void FinishRun(long runId, string status, string summaryJson);

    /// <summary>Set when source records changed and cleared when a resolution committed: an interrupted run resolves on restart.</summary>
    bool ResolutionPending { get; set; }

    /// <summary>The run whose resolution the store last committed (0: never resolved).</summary>
    long ResolvedRun { get; }

    /// <summary>Identifies the candidate index built by the last full resolution; an index with another epoch is stale.</summary>
    string? IndexEpoch { get; }

    string? LoadModel();

    void SaveModel(string json, long runId);

    /// <summary>Named binary state kept with the store (e.g. the term-frequency snapshot).</summary>
    byte[]? LoadBlob(string key);

    void SaveBlob(string key, byte[] value);
}
