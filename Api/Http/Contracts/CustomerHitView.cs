namespace Mdm.Api.Http.Contracts;

/// <summary>One search hit: enough to pick the right caller from a list (open it with GET /api/customers/{goldenId}).</summary>
public sealed record CustomerHitView(string GoldenId, string? Name, string Kind, string? Address, IReadOnlyList<string> Systems, double Score, string MatchedOn,
    string? Tier);
