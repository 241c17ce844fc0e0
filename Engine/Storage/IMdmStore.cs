using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Storage;

/// <summary>
/// Everything Mdm persists: source records, rejects, transactions, golden records, the cross-reference, links, review
/// tasks, golden-ID history and the trained model. SQLite is the embedded default; server databases implement the same
/// contract with the same schema.
/// </summary>
public interface IMdmStore : IDisposable
{
    string Location { get; }

    /// <param name="bulk">A batch run: the store may defer housekeeping (WAL checkpoints) until <see cref="FinishRun"/>.</param>
    long BeginRun(string command, string? configuration, bool bulk = true);
    void FinishRun(long runId, string status, string summaryJson);

    /// <summary>Remembers what the sources file says of a system, so a later resolution can standardize its records without the file.</summary>
    void SaveSystemProfile(SystemProfile profile, long runId);

    IReadOnlyDictionary<string, SystemProfile> LoadSystemProfiles();

    /// <summary>State of every key of <paramref name="system"/> (including retired records).</summary>
    Dictionary<string, RecordState> LoadRecordStates(string system);

    /// <summary>
    /// Inserts new records (<c>ExistingId</c> &lt; 0) and updates known ones by id, in one transaction; returns the store
    /// ids in input order. The caller knows which keys exist from <see cref="LoadRecordStates"/>.
    /// </summary>
    int[] UpsertSourceRecords(IReadOnlyList<(SourceRecord Record, int Trust, int ExistingId)> records, long runId);

    void RetireRecords(IReadOnlyList<int> recordIds, long runId);

    /// <summary>Records not retired, ordered by id; <paramref name="include"/> picks which to parse (null: all).</summary>
    IEnumerable<StoredSourceRecord> ReadActiveRecords(Func<int, bool>? include = null);

    int CountActiveRecords();

    void AddRejects(IReadOnlyList<RejectedRow> rejects, long runId);

    /// <summary>Replaces all transactions of a system (a transaction file is a full extract).</summary>
    void ReplaceTransactions(string system, IReadOnlyList<SourceTransaction> transactions, long runId);

    /// <summary>Set when source records changed and cleared when a resolution committed: an interrupted run resolves on restart.</summary>
    bool ResolutionPending { get; set; }

    string? LoadModel();
    void SaveModel(string json, long runId);

    /// <summary>Record id → golden ID before this run.</summary>
    Dictionary<int, string> LoadCrossReferenceByRecord();

    /// <summary>Golden ID → its sequence number (age).</summary>
    Dictionary<string, long> LoadGoldenIdAges();

    long NextGoldenSequence();

    /// <summary>Writes a whole resolution in one transaction.</summary>
    void WriteResolution(ResolutionWrite write, long runId);

    /// <summary>Where the last <see cref="WriteResolution"/> spent its time, by part (seconds).</summary>
    IReadOnlyDictionary<string, double> LastWriteSeconds { get; }

    /// <summary>Follows redirects: the active golden ID a (possibly retired) ID now stands for.</summary>
    string? ResolveGoldenId(string goldenId);

    IEnumerable<CrossReference> ReadCrossReference();

    // ---- Incremental and real-time resolution ----

    /// <summary>
    /// Groups the calls made until <see cref="IMdmUnitOfWork.Commit"/> into one transaction (a real-time resolve writes its
    /// source record and its resolution together); without one, each call commits on its own.
    /// </summary>
    IMdmUnitOfWork BeginUnitOfWork();

    /// <summary>The run whose resolution the store last committed (0: never resolved).</summary>
    long ResolvedRun { get; }

    /// <summary>Identifies the candidate index built by the last full resolution; an index with another epoch is stale.</summary>
    string? IndexEpoch { get; }

    /// <summary>State of one source key, or null when the store has never seen it.</summary>
    RecordState? LoadRecordState(string system, string key);

    /// <summary>Records written or retired by runs after <paramref name="run"/>: what a resolution has not seen yet.</summary>
    List<(int RecordId, bool Retired)> ReadChangedSince(long run);

    /// <summary>The given records by id (ascending): the active ones, or with <paramref name="includeRetired"/> all.</summary>
    List<StoredSourceRecord> ReadRecords(IReadOnlyCollection<int> recordIds, bool includeRetired = false);

    /// <summary>Record id → current golden ID, for the records that have one.</summary>
    Dictionary<int, string> LoadGoldenIdsOf(IReadOnlyCollection<int> recordIds);

    /// <summary>Golden ID → its member record ids (ascending).</summary>
    Dictionary<string, List<int>> LoadMembers(IReadOnlyCollection<string> goldenIds);

    /// <summary>Golden ID → sequence number (age), for the given IDs.</summary>
    Dictionary<string, long> LoadGoldenIdAges(IReadOnlyCollection<string> goldenIds);

    /// <summary>Steward decisions, all of them or those touching any of <paramref name="recordIds"/>.</summary>
    List<StewardDecision> LoadStewardDecisions(IReadOnlyCollection<int>? recordIds = null);

    /// <summary>Records (or replaces) a steward's decision on a pair of records.</summary>
    void SaveStewardDecision(StewardDecision decision);

    /// <summary>Named binary state kept with the store (e.g. the term-frequency snapshot).</summary>
    byte[]? LoadBlob(string key);

    void SaveBlob(string key, byte[] value);

    ReviewTask? LoadReviewTask(long taskId);

    /// <summary>Marks a review task decided (<paramref name="status"/>: "linked" or "separated") by a steward.</summary>
    void CloseReviewTask(long taskId, string status, string steward);

    /// <summary>The golden ID of a source key (not following redirects: the cross-reference is always current).</summary>
    string? LookupGoldenId(string system, string key);

    /// <summary>
    /// Everything that happened to a golden ID and to the IDs that were merged into it, oldest first.
    /// </summary>
    List<GoldenEventRow> ReadHistory(string goldenId);

    /// <summary>
    /// A long-running session of small writes (real-time resolves): housekeeping that would otherwise run inside some
    /// commits (the SQLite store's WAL checkpoints) moves to the background, so no single resolve pays for it.
    /// </summary>
    void StartBackgroundCheckpoints();
}

/// <summary>One transaction spanning several store calls; disposing it without <see cref="Commit"/> rolls back.</summary>
public interface IMdmUnitOfWork : IDisposable
{
    void Commit();
}

/// <summary>
/// What an incremental resolution replaces: the cross-reference, links, open review tasks and findings of
/// <see cref="RecordIds"/> and the golden records of <see cref="GoldenIds"/>. Everything else stays as it is, byte for byte.
/// </summary>
/// <param name="RecordIds">Records re-resolved (including records retired since the last resolution).</param>
/// <param name="GoldenIds">Golden IDs those records had before.</param>
public sealed record ResolutionScope(IReadOnlyCollection<int> RecordIds, IReadOnlyCollection<string> GoldenIds);

/// <summary>
/// A golden record as stored: fields and lineage already serialized. Survivorship serializes each record as it builds
/// it, so a million golden records do not live on (and burden the collector) until the write; as UTF-8, which is what
/// the store writes and about half the memory of .NET strings (a 1M-record load holds ~350 MB of it at its peak).
/// </summary>
public sealed record GoldenRecordRow(string GoldenId, PartyKind Kind, byte[] FieldsUtf8, byte[] LineageUtf8, int MemberCount, string Systems)
{
    public string FieldsJson => System.Text.Encoding.UTF8.GetString(FieldsUtf8);
    public string LineageJson => System.Text.Encoding.UTF8.GetString(LineageUtf8);

    public static GoldenRecordRow From(GoldenRecord g) =>
        new(g.GoldenId, g.Kind, Storage.FieldsJson.SerializeUtf8(g.Fields), Storage.FieldsJson.SerializeLineageUtf8(g.Lineage), g.MemberCount, string.Join(',', g.Systems));
}

/// <summary>The output of one resolution run.</summary>
public sealed record ResolutionWrite
{
    public required IReadOnlyList<GoldenRecordRow> GoldenRecords { get; init; }
    public required IReadOnlyList<(int RecordId, string System, string Key, string GoldenId)> CrossReference { get; init; }
    public required IReadOnlyList<StoredLink> Links { get; init; }
    public required IReadOnlyList<ReviewTask> Reviews { get; init; }
    public required IReadOnlyList<GoldenIdChange> IdChanges { get; init; }
    public required IReadOnlyList<GoldenEvent> Events { get; init; }
    public required IReadOnlyList<(int RecordId, Quality.QualityFinding Finding)> Findings { get; init; }
    /// <summary>Golden ID → sequence for IDs minted in this run.</summary>
    public required IReadOnlyDictionary<string, long> MintedSequences { get; init; }
    /// <summary>Null: the write replaces the whole resolution; otherwise only this part of it.</summary>
    public ResolutionScope? Scope { get; init; }
    /// <summary>Set by a full resolution: the epoch of the candidate index it built.</summary>
    public string? IndexEpoch { get; init; }
    /// <summary>Term-frequency snapshot to keep with the resolution, when it changed.</summary>
    public byte[]? TermFrequencies { get; init; }
    /// <summary>
    /// Runs inside the write, just before its commit: a full resolution finishes and commits the candidate index it has
    /// been building meanwhile (the index must be committed before the store names its epoch).
    /// </summary>
    public Action? BeforeCommit { get; init; }
    /// <summary>
    /// The standardized records this resolution clustered (all active ones for a full run, the scope's otherwise), so
    /// subscribers need not read and standardize them again; null when the writer did not keep them. Not stored.
    /// </summary>
    public IReadOnlyList<Standardization.StandardizedRecord>? Records { get; init; }
}
