using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>
/// What steward pages and the reader commands (<c>mdm reviews</c>, <c>mdm rejects</c>, <c>mdm golden</c>) read: review tasks
/// with both records, rejects, and a golden record with its members. Every method only reads, so a reader needs no
/// writer lock; what stewards write goes through <see cref="IDecisionStore"/>.
/// </summary>
public interface IReviewStore
{
    /// <summary>Review tasks with both records' system, key and source fields, by task id.</summary>
    /// <param name="status">"open", "linked", "separated", or null for every status.</param>
    IReadOnlyList<ReviewTaskView> ReadReviewTasks(string? status);

    /// <summary>The last load's run id (its rejects describe the files as they are now), or null before the first load.</summary>
    long? LastLoadRun();

    /// <summary>Rejects of one run in file order (system, line), at most <paramref name="limit"/>; with <paramref name="system"/> only that system's.</summary>
    IReadOnlyList<StoredReject> ReadRejects(long runId, string? system, int limit);

    /// <summary>A golden record as stored (not following redirects), or null.</summary>
    GoldenRecordView? ReadGoldenRecord(string goldenId);

    /// <summary>A golden ID's status ("active", "merged", "retired") and where it redirects, or null when the store never minted it.</summary>
    (string Status, string? RedirectTo)? ReadGoldenIdStatus(string goldenId);

    /// <summary>The active source records of a golden customer, by system and key.</summary>
    IReadOnlyList<ReviewRecord> ReadMembers(string goldenId);
}

/// <summary>A source record as a steward sees it: where it comes from and its fields as the source gave them.</summary>
public sealed record ReviewRecord(int RecordId, string System, string Key, PartyKind Kind, IReadOnlyDictionary<string, string> Fields);

/// <summary>A review task with its two records.</summary>
/// <param name="GoldenA">The golden ID record A has now (the cross-reference), else the one stored with the task.</param>
/// <param name="Explanation">The stored <c>MatchExplanation</c> as JSON.</param>
public sealed record ReviewTaskView(long TaskId, string Status, double Probability, string Reason, string Explanation,
    ReviewRecord RecordA, ReviewRecord RecordB, string GoldenA, string GoldenB, long CreatedRun, string? DecidedAt, string? DecidedBy);

/// <summary>A rejected row or line as a load stored it.</summary>
public sealed record StoredReject(long RunId, string System, long? Line, string? Field, string Reason, string? RawText, string? Key);

/// <summary>A golden record's stored fields and lineage (JSON as in <c>golden_records</c>).</summary>
public sealed record GoldenRecordView(string GoldenId, PartyKind Kind, IReadOnlyDictionary<string, string> Fields, string LineageJson,
    int MemberCount, IReadOnlyList<string> Systems, long UpdatedRun);
