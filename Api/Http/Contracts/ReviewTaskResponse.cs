using System.Text.Json;

namespace Mdm.Api.Http.Contracts;

/// <summary>
/// One review task as a steward page shows it: both records side by side, their golden IDs now, the priority the queue
/// ordered it by (closeness to the link threshold and customer value) and the scorer's explanation, comparison by comparison.
/// </summary>
public sealed record ReviewTaskResponse(long TaskId, string Status, double Priority, double Probability, string Reason, string GoldenA, string GoldenB,
    SourceRecordView RecordA, SourceRecordView RecordB, JsonElement Explanation, long? ValueCents, string? DecidedBy, string? DecidedAt);
