using Mdm.Engine.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Mdm.Api.Http;

/// <summary>
/// Turns what the engine throws into problem details a caller can act on: a bad request (unknown customer, records not
/// in that customer, a page size out of range) is 400 with the engine's own message, a store another process is writing
/// 503 with Retry-After, anything else 500 without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException b => (b.StatusCode, "bad request"),
            ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "bad request"),
            StoreBusyException => (StatusCodes.Status503ServiceUnavailable, "store busy"),
            InvalidOperationException => (StatusCodes.Status409Conflict, "cannot do that now"),
            _ => (StatusCodes.Status500InternalServerError, "internal error"),
        };
        if (status == StatusCodes.Status500InternalServerError) log.LogError(exception, "request failed: {Path}", http.Request.Path);
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "5";
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? "the request failed; the server log has the details" : exception.Message,
            },
        });
    }
}
