namespace Mdm.Api.Http.Contracts;

/// <summary>Take records out of a golden customer: they get a new golden ID together.</summary>
public sealed record SplitRequest(string GoldenId, IReadOnlyList<SourceKey> Records, string? Note = null);
