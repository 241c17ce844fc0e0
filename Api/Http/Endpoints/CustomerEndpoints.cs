using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mdm.Engine.Resolution;

namespace Mdm.Api.Http.Endpoints;

/// <summary>For call-center agents (and stewards): one golden customer with every system and key that knows them.</summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(ApiPolicy.CallCenter);
        group.MapGet("/search", Search).WithName("FindCustomer")
            .WithSummary("Finds a caller: q is a phone (any format), an ID number, a golden ID or a name (fuzzy, any script; else an address); city narrows names.")
            .Audited("customer.search");
        group.MapGet("/{goldenId}", View).WithName("GetCustomer")
            .WithSummary("A golden customer (a merged-away ID answers with the customer it joined): fields, systems and keys. Agents see identifiers masked.")
            .Audited("customer.view");
        group.MapGet("/{goldenId}/history", History).WithName("GetCustomerHistory")
            .WithSummary("Everything that happened to a golden ID and to the IDs merged into it, oldest first.")
            .RequireAuthorization(ApiPolicy.Stewardship)
            .Audited("customer.history");
        return group;
    }

    private static Results<Ok<CustomerSearchPage>, ValidationProblem> Search(string? q, string? city, int? limit, LiveHub hub, CustomerViews views,
        Microsoft.Extensions.Options.IOptions<ApiLimits> limits)
    {
        if (string.IsNullOrWhiteSpace(q))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["type a phone, an ID number, a golden ID or a name"] });
        if (q.Length > 200) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["at most 200 characters"] });
        var size = Math.Min(limits.Value.Page(limit), Engine.Search.CustomerQuery.MaxPageSize);
        IReadOnlyList<(string GoldenId, double Score, string On)> hits;
        if (CallerQuery.Classify(q) == CallerQuery.Kind.GoldenId)
            hits = hub.Reader.CurrentGoldenId(q.Trim().ToUpperInvariant()) is { } id ? [(id, 1.0, "golden_id")] : [];
        else
            hits = CallerQuery.Search(hub.Search, q, city, size).Select(h => (h.GoldenId, (double)h.Score, h.MatchedOn)).ToList();
        var (rows, tiers) = hub.Reader.GoldensWithTiers(hits.Select(h => h.GoldenId).ToList());
        var goldens = rows.ToDictionary(g => g.GoldenId);
        var page = new List<CustomerHitView>(hits.Count);
        foreach (var (goldenId, score, on) in hits)
        {
            if (!goldens.TryGetValue(goldenId, out var g)) continue; // retired since the index saw it
            var fields = CustomerViews.Fields(g.Fields, masked: false);
            page.Add(new CustomerHitView(goldenId, CustomerViews.DisplayName(fields), ((Engine.Records.PartyKind)g.Kind).ToString().ToLowerInvariant(),
                fields.GetValueOrDefault("address"), g.Systems.Split(',', StringSplitOptions.RemoveEmptyEntries), Math.Round(score, 3), on, tiers.GetValueOrDefault(goldenId)));
        }
        return TypedResults.Ok(new CustomerSearchPage(page));
    }

    private static Results<Ok<CustomerView>, NotFound<ProblemDetails>> View(string goldenId, CustomerViews views, HttpContext http)
    {
        var view = views.Find(goldenId, http.User.SeesMasked(), withRecords: true, withLineage: !http.User.SeesMasked());
        return view is null ? NotFound(goldenId) : TypedResults.Ok(view);
    }

    private static Results<Ok<List<GoldenEventRow>>, NotFound<ProblemDetails>> History(string goldenId, LiveHub hub)
    {
        var current = hub.Reader.CurrentGoldenId(goldenId);
        if (current is null) return NotFound(goldenId);
        // A reader of its own: the engine's connection belongs to the engine's writes.
        using var store = hub.Target.OpenReader();
        return TypedResults.Ok(store.ReadHistory(current));
    }

    internal static NotFound<ProblemDetails> NotFound(string goldenId) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "no such customer",
        Detail = $"no active golden customer {goldenId}",
        Status = StatusCodes.Status404NotFound,
    });
}
