using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Mdm.Api.Http.Endpoints;

/// <summary>For source systems: the golden ID (and golden record) of their own keys, one at a time or up to a batch at once.</summary>
public static class XrefEndpoints
{
    public static RouteGroupBuilder MapXref(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/xref").WithTags("Cross-reference").RequireAuthorization(ApiPolicy.SourceSystem);
        group.MapGet("/{system}/{key}", Lookup).WithName("LookupXref").WithSummary("The golden ID and golden record of one source key.").Audited("xref.lookup");
        group.MapPost("/batch", Batch).WithName("LookupXrefBatch").WithSummary("The golden IDs of up to 1,000 source keys, in request order.").Audited("xref.batch");
        return group;
    }

    private static Results<Ok<XrefAnswer>, NotFound<XrefAnswer>> Lookup(string system, string key, LiveHub hub, CustomerViews views)
    {
        var golden = hub.Reader.GoldenIdOf(system, key);
        if (golden is null) return TypedResults.NotFound(new XrefAnswer(system, key, null, null));
        return TypedResults.Ok(new XrefAnswer(system, key, golden, views.Find(golden, masked: false)));
    }

    private static Results<Ok<XrefBatchAnswer>, ValidationProblem> Batch(XrefBatchRequest request, LiveHub hub, CustomerViews views, IOptions<ApiLimits> limits,
        HttpContext http)
    {
        var max = limits.Value.MaxBatchKeys;
        if (request.Keys is null || request.Keys.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keys"] = ["give at least one key"] });
        if (request.Keys.Count > max)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keys"] = [$"at most {max} keys in one request, not {request.Keys.Count}"] });
        if (request.Keys.Any(k => k is null || string.IsNullOrEmpty(k.System) || string.IsNullOrEmpty(k.Key)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["keys"] = ["every key needs a system and a key"] });
        var ids = hub.Reader.GoldenIdsOf(request.Keys.Select(k => (k.System, k.Key)).ToList());
        Dictionary<string, CustomerView>? customers = null;
        if (request.IncludeCustomer)
            customers = hub.Reader.Goldens(ids.OfType<string>().Distinct().ToList()).ToDictionary(g => g.GoldenId, g => views.Build(g, masked: false, members: null));
        var results = new List<XrefAnswer>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
            results.Add(new XrefAnswer(request.Keys[i].System, request.Keys[i].Key, ids[i], ids[i] is { } g ? customers?.GetValueOrDefault(g) : null));
        var found = ids.Count(x => x is not null);
        http.AuditDetail($"{ids.Count} keys, {found} found");
        return TypedResults.Ok(new XrefBatchAnswer(results, found, ids.Count - found));
    }
}
