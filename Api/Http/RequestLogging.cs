using System.Diagnostics;
using Mdm.Api.Http.Security;

namespace Mdm.Api.Http;

/// <summary>
/// One structured log event per request: method, route template (not the raw path, so customer keys stay out of the log),
/// status, milliseconds and the API key's name. The console writes it as JSON (Logging:Console:FormatterName).
/// </summary>
public static partial class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mdm.Requests");
        return app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                if (log.IsEnabled(LogLevel.Information))
                {
                    var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                    Served(log, http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, http.User.Actor());
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} {Status} in {Milliseconds:0.000} ms by {Actor}")]
    private static partial void Served(ILogger log, string method, string route, int status, double milliseconds, string actor);
}
