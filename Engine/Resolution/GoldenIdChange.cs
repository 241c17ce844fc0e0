namespace Mdm.Engine.Resolution;

/// <summary>What happened to a golden ID in one assignment.</summary>
public sealed record GoldenIdChange(GoldenIdChangeKind Kind, string GoldenId, string? Other, int Records);
