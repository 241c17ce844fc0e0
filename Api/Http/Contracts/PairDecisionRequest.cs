namespace Mdm.Api.Http.Contracts;

/// <summary>Force two source records together (link) or apart (separate) on every later run.</summary>
public sealed record PairDecisionRequest(SourceKey A, SourceKey B, string? Note = null);
