namespace Mdm.Api.Http.Contracts;

/// <summary>A steward's note with an accept or reject of a review task (kept with the decision and in the history).</summary>
public sealed record ReviewDecisionRequest(string? Note = null);
