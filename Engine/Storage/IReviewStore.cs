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
