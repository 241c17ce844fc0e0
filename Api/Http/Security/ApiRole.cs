namespace Mdm.Api.Http.Security;

/// <summary>
/// Who calls the API. A source system looks up and resolves its own records; a call-center agent finds customers and
/// sees their value with identifiers masked; a data steward decides matches; an admin may do everything and read the audit.
/// </summary>
public static class ApiRole
{
    public const string System = "system";
    public const string Agent = "agent";
    public const string Steward = "steward";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { System, Agent, Steward, Admin };
}
