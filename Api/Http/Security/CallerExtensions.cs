using System.Security.Claims;

namespace Mdm.Api.Http.Security;

/// <summary>Who a request comes from, as the API key said.</summary>
public static class CallerExtensions
{
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>Agents see identifiers and phones masked; stewards, admins and source systems see them whole.</summary>
    public static bool SeesMasked(this ClaimsPrincipal user) => user.IsInRole(ApiRole.Agent);
}
