namespace Mdm.Api.Http.Contracts;

/// <summary>Review tasks in priority order, most urgent first.</summary>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewTaskResponse> Tasks);
