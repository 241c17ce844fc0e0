using Mdm.Engine.Records;
using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>
/// Everything Mdm persists: source records, rejects, transactions, golden records, the cross-reference, links, review
/// tasks, golden-ID history and the trained model. SQLite is the embedded default; server databases implement the same
/// contract with the same schema.
/// </summary>
public interface IMdmStore : IDisposable
{
    string Location { get; }

    long BeginRun(string command, string? configuration);
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
}

/// <summary>
/// A golden record as stored: fields and lineage already serialized. Survivorship serializes each record as it builds
/// it, so a million golden records do not live on (and burden the collector) until the write.
/// </summary>
public sealed record GoldenRecordRow(string GoldenId, PartyKind Kind, string FieldsJson, string LineageJson, int MemberCount, string Systems)
{
    public static GoldenRecordRow From(GoldenRecord g) =>
        new(g.GoldenId, g.Kind, Storage.FieldsJson.Serialize(g.Fields), Storage.FieldsJson.SerializeLineage(g.Lineage), g.MemberCount, string.Join(',', g.Systems));
}

/// <summary>Per-system settings from the sources file that standardization and survivorship need.</summary>
/// <param name="FieldFormats">Canonical field → source format (e.g. birth_date → "yyyyMMdd").</param>
/// <param name="KindDeclared">The sources file says which records are organizations (a kind column or a fixed kind): then the kind is not inferred from names.</param>
public sealed record SystemProfile(string System, int Trust, IReadOnlyDictionary<string, string> FieldFormats, bool FullExtract, bool KindDeclared = false);

/// <summary>The output of one resolution run.</summary>
public sealed class ResolutionWrite
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
}
