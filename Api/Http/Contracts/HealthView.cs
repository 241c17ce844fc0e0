namespace Mdm.Api.Http.Contracts;

/// <summary>Whether the server can answer: the store's last resolved run and its active records.</summary>
public sealed record HealthView(string Status, string Store, long ResolvedRun, int ActiveRecords);
