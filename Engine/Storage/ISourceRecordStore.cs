using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>
/// What the sources gave: system profiles, source records with their states, rejects and transactions. A load writes
/// here; a resolution reads the active or changed records back.
/// </summary>
public interface ISourceRecordStore
{
    /// <summary>Remembers what the sources file says of a system, so a later resolution can standardize its records without the file.</summary>
    void SaveSystemProfile(SystemProfile profile, long runId);

    IReadOnlyDictionary<string, SystemProfile> LoadSystemProfiles();

    /// <summary>State of every key of <paramref name="system"/> (including retired records).</summary>
    Dictionary<string, RecordState> LoadRecordStates(string system);

    /// <summary>State of one source key, or null when the store has never seen it.</summary>
    RecordState? LoadRecordState(string system, string key);

    /// <summary>
    /// Inserts new records (<c>ExistingId</c> &lt; 0) and updates known ones by id, in one transaction; returns the store
    /// ids in input order. The caller knows which keys exist from <see cref="LoadRecordStates"/>. Marks a resolution pending.
    /// </summary>
    int[] UpsertSourceRecords(IReadOnlyList<(SourceRecord Record, int Trust, int ExistingId)> records, long runId);

    /// <summary>Marks the records retired by <paramref name="runId"/> (already retired ones keep their run); marks a resolution pending.</summary>
    void RetireRecords(IReadOnlyList<int> recordIds, long runId);

    /// <summary>Records not retired, ordered by id; <paramref name="include"/> picks which to parse (null: all).</summary>
    IEnumerable<StoredSourceRecord> ReadActiveRecords(Func<int, bool>? include = null);

    int CountActiveRecords();

    /// <summary>Records written or retired by runs after <paramref name="run"/>: what a resolution has not seen yet.</summary>
    List<(int RecordId, bool Retired)> ReadChangedSince(long run);

    /// <summary>The given records by id (ascending): the active ones, or with <paramref name="includeRetired"/> all.</summary>
    List<StoredSourceRecord> ReadRecords(IReadOnlyCollection<int> recordIds, bool includeRetired = false);

    void AddRejects(IReadOnlyList<RejectedRow> rejects, long runId);

    /// <summary>Replaces all transactions of a system (a transaction file is a full extract).</summary>
    void ReplaceTransactions(string system, IReadOnlyList<SourceTransaction> transactions, long runId);
}
