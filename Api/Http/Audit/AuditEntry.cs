namespace Mdm.Api.Http.Audit;

/// <summary>One row of the audit trail: who (the API key's name and role) did what to which customer or record, when, and the HTTP status.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Role, string Action, string? Target, string? Detail, int Status);
