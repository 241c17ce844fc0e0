using System.Text.Json;
using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Connectors;
using Mdm.Engine.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mdm.Api.Http.Endpoints;

/// <summary>
/// For source systems: resolve one record in real time (the engine's real-time path, the same answer as
/// <c>mdm resolve</c>: committed before it answers) and follow golden-ID changes through the change feed.
/// </summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Real time").RequireAuthorization(ApiPolicy.SourceSystem);
        group.MapPost("/records/{system}", Resolve).WithName("ResolveRecord")
            .WithSummary("Resolves one record of a system (a JSON object whose property names are the system's column names, as in the sources file).")
            .Audited("record.resolve");
        group.MapGet("/changes", Changes).WithName("ChangeFeed")
            .WithSummary("Golden-ID events (created, merged, split, members changed) after a cursor, oldest first.")
            .Audited("changes.read");
        return group;
    }

    private static Results<Ok<RealtimeResolution>, NotFound<ProblemDetails>, UnprocessableEntity<ProblemDetails>> Resolve(string system, [FromBody] JsonElement record,
        LiveHub hub, HttpContext http)
    {
        var source = hub.Source(system);
        if (source is null)
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = "unknown system",
                Detail = $"system '{system}' is not in the sources file; systems there: {string.Join(", ", hub.File.Sources.Select(s => s.System))}",
                Status = StatusCodes.Status404NotFound,
            });
        if (record.ValueKind != JsonValueKind.Object)
            return TypedResults.UnprocessableEntity(new ProblemDetails { Title = "record rejected", Detail = "the body must be one JSON object", Status = 422 });
        var row = FileConnectors.ParseRecord(source, hub.File, record.GetRawText());
        if (row.Reject is { } reject)
            return TypedResults.UnprocessableEntity(new ProblemDetails
            {
                Title = "record rejected",
                Detail = reject.Reason,
                Status = StatusCodes.Status422UnprocessableEntity,
                Extensions = { ["system"] = system, ["field"] = reject.Field },
            });
        var result = hub.Engine.ResolveRecord(row.Record!);
        http.AuditDetail($"{result.Outcome} {result.GoldenId}");
        return TypedResults.Ok(result);
    }

    private static Ok<ChangeFeedPage> Changes(LiveHub hub, IOptions<ApiLimits> limits, long after = 0, int? limit = null)
    {
        var n = limits.Value.Page(limit, fallback: limits.Value.MaxPageSize);
        var rows = hub.Reader.Changes(after, n + 1);
        var more = rows.Count > n;
        if (more) rows.RemoveAt(rows.Count - 1);
        return TypedResults.Ok(new ChangeFeedPage(rows, rows.Count > 0 ? rows[^1].EventId : after, more));
    }
}
