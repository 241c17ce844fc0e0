using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mdm.Api.Http.Endpoints;

/// <summary>For call-center agents (and stewards): one golden customer with every system and key that knows them.</summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(ApiPolicy.CallCenter);
        group.MapGet("/{goldenId}", View).WithName("GetCustomer")
            .WithSummary("A golden customer (a merged-away ID answers with the customer it joined): fields, systems and keys. Agents see identifiers masked.")
            .Audited("customer.view");
        group.MapGet("/{goldenId}/history", History).WithName("GetCustomerHistory")
            .WithSummary("Everything that happened to a golden ID and to the IDs merged into it, oldest first.")
            .RequireAuthorization(ApiPolicy.Stewardship)
            .Audited("customer.history");
        return group;
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
        using var store = SqliteMdmStore.Open(hub.StorePath);
        return TypedResults.Ok(store.ReadHistory(current));
    }

    internal static NotFound<ProblemDetails> NotFound(string goldenId) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "no such customer",
        Detail = $"no active golden customer {goldenId}",
        Status = StatusCodes.Status404NotFound,
    });
}
