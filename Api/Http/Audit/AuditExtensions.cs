using Mdm.Api.Http.Security;

namespace Mdm.Api.Http.Audit;

/// <summary>Marks endpoints whose every call lands in the audit trail: who, what, on which customer or record, and the outcome.</summary>
public static class AuditExtensions
{
    /// <param name="action">The audit trail's name for the call, e.g. "customer.view".</param>
    /// <param name="waitForWrite">Steward actions answer only once their entry is in the store.</param>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, bool waitForWrite = false) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            int status;
            object? result;
            try
            {
                result = await next(context);
                status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            }
            catch
            {
                Write(StatusCodes.Status500InternalServerError);
                throw;
            }
            Write(status);
            if (waitForWrite) await audit.FlushAsync();
            return result;

            void Write(int code)
            {
                var route = http.Request.RouteValues.Where(v => v.Key is not ("action" or "controller")).Select(v => $"{v.Key}={v.Value}");
                var target = string.Join(' ', route);
                var query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value : null;
                audit.Write(new AuditEntry(DateTimeOffset.UtcNow, http.User.Actor(), http.User.Role(), action, target.Length == 0 ? null : target,
                    http.Items.TryGetValue(AuditDetailKey, out var d) ? d as string : query, code));
            }
        });

    /// <summary>Where a handler leaves what the trail should say beyond the route (e.g. the customers a merge touched).</summary>
    public const string AuditDetailKey = "mdm.audit.detail";

    public static void AuditDetail(this HttpContext http, string detail) => http.Items[AuditDetailKey] = detail;
}
