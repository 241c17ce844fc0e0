using Microsoft.AspNetCore.Authorization;

namespace Mdm.Api.Http.Security;

/// <summary>The authorization policies endpoints name; each lists the roles that pass (admin passes every one).</summary>
public static class ApiPolicy
{
    /// <summary>Cross-reference, real-time resolve and the change feed.</summary>
    public const string SourceSystem = "source-system";

    /// <summary>Finding a caller and viewing a customer (stewards need the same view to decide).</summary>
    public const string CallCenter = "call-center";

    /// <summary>Review queue, merge, split, decisions, history.</summary>
    public const string Stewardship = "stewardship";

    /// <summary>The audit trail.</summary>
    public const string Administration = "administration";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SourceSystem, p => p.RequireRole(ApiRole.System, ApiRole.Admin));
        options.AddPolicy(CallCenter, p => p.RequireRole(ApiRole.Agent, ApiRole.Steward, ApiRole.Admin));
        options.AddPolicy(Stewardship, p => p.RequireRole(ApiRole.Steward, ApiRole.Admin));
        options.AddPolicy(Administration, p => p.RequireRole(ApiRole.Admin));
    }
}
