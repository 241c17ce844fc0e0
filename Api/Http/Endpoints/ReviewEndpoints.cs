using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Security;
using Mdm.Engine.Pipeline;
using System.Text.Json;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mdm.Api.Http.Endpoints;

/// <summary>For data stewards: the review queue of uncertain matches, and accepting (link) or rejecting (keep apart, remembered) a task.</summary>
public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Stewardship").RequireAuthorization(ApiPolicy.Stewardship);
        group.MapGet("/", Queue).WithName("ReviewQueue")
            .WithSummary("Review tasks by priority: probability nearest the link threshold and highest customer value first.").Audited("review.queue");
        group.MapGet("/{taskId:long}", One).WithName("GetReview").WithSummary("One review task with both records and the match explanation.")
            .Audited("review.view");
        group.MapPost("/{taskId:long}/accept", Accept).WithName("AcceptReview")
            .WithSummary("The two records are the same customer: a forced link on every later run.").Audited("review.accept", waitForWrite: true);
        group.MapPost("/{taskId:long}/reject", Reject).WithName("RejectReview")
            .WithSummary("The two records are different customers: kept apart on every later run.").Audited("review.reject", waitForWrite: true);
        return group;
    }

    private static Results<Ok<ReviewQueuePage>, ValidationProblem> Queue(LiveHub hub, IOptions<ApiLimits> limits, string status = "open", int? limit = null)
    {
        if (!ReviewQueue.Statuses.Contains(status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"one of {string.Join(", ", ReviewQueue.Statuses)}"] });
        var n = limits.Value.Page(limit, fallback: 50);
        return TypedResults.Ok(new ReviewQueuePage(hub.ReadReviews(status, n).Select(Response).ToList()));
    }

    private static Results<Ok<ReviewTaskResponse>, NotFound<ProblemDetails>> One(long taskId, LiveHub hub)
    {
        var item = hub.ReadReviews("all", null).FirstOrDefault(i => i.TaskId == taskId);
        return item is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "no such review task", Detail = $"no review task {taskId}", Status = StatusCodes.Status404NotFound })
            : TypedResults.Ok(Response(item));
    }

    private static ReviewTaskResponse Response(ReviewQueueItem i) => new(i.TaskId, i.Task.Status, i.Priority, i.Probability, i.Task.Reason,
        i.Task.GoldenA, i.Task.GoldenB, Record(i.Task.RecordA), Record(i.Task.RecordB), JsonDocument.Parse(i.Task.Explanation).RootElement.Clone(),
        i.ValueCents, i.Task.DecidedBy, i.Task.DecidedAt);

    private static SourceRecordView Record(ReviewRecord r) => new(r.System, r.Key, r.Fields.ToDictionary(f => f.Key, f => (string?)f.Value), null);

    private static Ok<StewardResult> Accept(long taskId, ReviewDecisionRequest? request, LiveHub hub, HttpContext http) =>
        TypedResults.Ok(hub.Engine.DecideReview(taskId, sameCustomer: true, http.User.Actor(), request?.Note));

    private static Ok<StewardResult> Reject(long taskId, ReviewDecisionRequest? request, LiveHub hub, HttpContext http) =>
        TypedResults.Ok(hub.Engine.DecideReview(taskId, sameCustomer: false, http.User.Actor(), request?.Note));
}
