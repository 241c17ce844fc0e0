using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Reading;
using Mdm.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Mdm.Api.Http.Endpoints;

/// <summary>The audit trail (admins) and the health check (anyone: a load balancer has no key).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Audit).WithTags("Administration").WithName("ReadAudit")
            .WithSummary("Audit rows after a cursor (audit id), oldest first, optionally of one actor.")
            .RequireAuthorization(ApiPolicy.Administration);
        app.MapGet("/health", Health).WithTags("Administration").WithName("Health").WithSummary("Whether the server can read its store.").AllowAnonymous();
        return app;
    }

    private static Ok<List<AuditRow>> Audit(LiveHub hub, IOptions<ApiLimits> limits, long after = 0, int? limit = null, string? actor = null) =>
        TypedResults.Ok(hub.Reader.Audit(after, limits.Value.Page(limit, fallback: limits.Value.MaxPageSize), actor));

    private static Results<Ok<HealthView>, ProblemHttpResult> Health(LiveHub hub)
    {
        try
        {
            var (run, active) = hub.Reader.Health();
            return TypedResults.Ok(new HealthView("ok", hub.Target.Location, run, active));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "store unreadable");
        }
    }
}
