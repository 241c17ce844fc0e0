namespace Mdm.Engine.Resolution;

/// <summary>A golden-ID event as read back from the store's history.</summary>
public sealed record GoldenEventRow(long EventId, string GoldenId, string At, long? RunId, string Kind, string Cause, string Detail,
    double? Probability, string? Explanation, string? Before, string? After);
