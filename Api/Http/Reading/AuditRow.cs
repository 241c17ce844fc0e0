namespace Mdm.Api.Http.Reading;

/// <summary>One row of the audit trail.</summary>
public sealed record AuditRow(long AuditId, string At, string Actor, string Role, string Action, string? Target, string? Detail, long Status);
