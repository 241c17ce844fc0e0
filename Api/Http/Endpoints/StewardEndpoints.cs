using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Stewardship;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mdm.Api.Http.Endpoints;

/// <summary>
/// For data stewards: merge two customers, split records off one, force two records together or apart, undo the last of these. Each goes
/// through the engine's steward path (stored decisions every later run honours, re-resolved in one transaction) and
/// answers once its audit entry is written. The steward is the API key's name.
/// </summary>
public static class StewardEndpoints
{
    public static RouteGroupBuilder MapSteward(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/steward").WithTags("Stewardship").RequireAuthorization(ApiPolicy.Stewardship);
        group.MapPost("/merge", Merge).WithName("MergeCustomers").WithSummary("Joins two golden customers: the older ID survives, the other redirects to it.")
            .Audited("steward.merge", waitForWrite: true);
        group.MapPost("/split", Split).WithName("SplitCustomer").WithSummary("Takes records out of a golden customer: they get a new golden ID together.")
            .Audited("steward.split", waitForWrite: true);
        group.MapPost("/link", Link).WithName("LinkRecords").WithSummary("Forces two source records into one customer, on every later run.")
            .Audited("steward.link", waitForWrite: true);
        group.MapPost("/separate", Separate).WithName("SeparateRecords").WithSummary("Keeps two source records in different customers, on every later run.")
            .Audited("steward.separate", waitForWrite: true);
        group.MapPost("/undo", Undo).WithName("UndoStewardAction")
            .WithSummary("Undoes the last steward action on a customer: its records go back to the customers they formed before it (their golden IDs too).")
            .Audited("steward.undo", waitForWrite: true);
        return group;
    }

    private static Ok<StewardResult> Merge(MergeRequest request, LiveHub hub, HttpContext http)
    {
        var result = hub.Engine.Merge(request.GoldenA, request.GoldenB, http.User.Actor(), request.Note);
        http.AuditDetail($"{request.GoldenA} + {request.GoldenB} → {string.Join(",", result.GoldenIds)}");
        return TypedResults.Ok(result);
    }

    private static Ok<StewardResult> Split(SplitRequest request, LiveHub hub, HttpContext http)
    {
        var result = hub.Engine.Split(request.GoldenId, request.Records.Select(r => (r.System, r.Key)).ToList(), http.User.Actor(), request.Note);
        http.AuditDetail($"{request.GoldenId} − {string.Join(",", request.Records.Select(r => r.System + "/" + r.Key))} → {string.Join(",", result.GoldenIds)}");
        return TypedResults.Ok(result);
    }

    private static Ok<StewardResult> Undo(UndoRequest request, LiveHub hub, HttpContext http)
    {
        var result = hub.Engine.Undo(request.GoldenId, http.User.Actor(), request.Note);
        http.AuditDetail($"undo on {request.GoldenId} → {string.Join(",", result.GoldenIds)}");
        return TypedResults.Ok(result);
    }

    private static Ok<StewardResult> Link(PairDecisionRequest request, LiveHub hub, HttpContext http) => Pair(request, true, hub, http);

    private static Ok<StewardResult> Separate(PairDecisionRequest request, LiveHub hub, HttpContext http) => Pair(request, false, hub, http);

    private static Ok<StewardResult> Pair(PairDecisionRequest request, bool same, LiveHub hub, HttpContext http)
    {
        var result = hub.Engine.Decide((request.A.System, request.A.Key), (request.B.System, request.B.Key), same, http.User.Actor(), request.Note);
        http.AuditDetail($"{request.A.System}/{request.A.Key} {(same ? "=" : "≠")} {request.B.System}/{request.B.Key} → {string.Join(",", result.GoldenIds)}");
        return TypedResults.Ok(result);
    }
}
