using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Engine.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mdm.Api.Http.Endpoints;

/// <summary>For data stewards: the review queue of uncertain matches, and accepting (link) or rejecting (keep apart, remembered) a task.</summary>
public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Stewardship").RequireAuthorization(ApiPolicy.Stewardship);
        group.MapPost("/{taskId:long}/accept", Accept).WithName("AcceptReview")
            .WithSummary("The two records are the same customer: a forced link on every later run.").Audited("review.accept", waitForWrite: true);
        group.MapPost("/{taskId:long}/reject", Reject).WithName("RejectReview")
            .WithSummary("The two records are different customers: kept apart on every later run.").Audited("review.reject", waitForWrite: true);
        return group;
    }

    private static Ok<StewardResult> Accept(long taskId, ReviewDecisionRequest? request, LiveHub hub, HttpContext http) =>
        TypedResults.Ok(hub.Engine.DecideReview(taskId, sameCustomer: true, http.User.Actor(), request?.Note));

    private static Ok<StewardResult> Reject(long taskId, ReviewDecisionRequest? request, LiveHub hub, HttpContext http) =>
        TypedResults.Ok(hub.Engine.DecideReview(taskId, sameCustomer: false, http.User.Actor(), request?.Note));
}
