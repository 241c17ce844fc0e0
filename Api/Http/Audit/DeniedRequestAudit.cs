namespace Mdm.Api.Http.Audit;

/// <summary>
/// Refused calls land in the audit trail too: a request without a valid key (401) or with a key whose role may not do it
/// (403) is written as action "denied" with the method and route, so an admin sees who probed what. The key itself is
/// never written.
/// </summary>
public static class DeniedRequestAudit
{
    public static IApplicationBuilder UseDeniedRequestAudit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await next(http);
            if (http.Response.StatusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)) return;
            if (!http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)) return;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
            http.RequestServices.GetRequiredService<AuditLog>().Write(new AuditEntry(DateTimeOffset.UtcNow, Security.CallerExtensions.Actor(http.User),
                Security.CallerExtensions.Role(http.User), "denied", route, http.Request.Method, http.Response.StatusCode));
        });
}
