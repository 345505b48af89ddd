using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Audit;

/// <summary>
/// Audits what 等保 2.0 asks to be traceable besides record changes: a signed-in user refused an action
/// (<see cref="RecordDenialAsync"/>, for endpoints through <see cref="DenialAuditHandler"/> and for pages through the
/// page permission filter) and every export of data (<see cref="AuditedExport{TBuilder}"/>).
/// </summary>
public static class AccessAudit
{
    /// <summary>Records that the signed-in user was refused <paramref name="required"/> on this request.</summary>
    public static Task RecordDenialAsync(HttpContext http, IEnumerable<string> required)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask; // anonymous calls are challenged, not denied: nobody to hold to account
        }

        var audit = http.RequestServices.GetRequiredService<SecurityAudit>();
        return audit.RecordAsync(new SecurityEvent(SecurityActions.Denied, "Request", $"{http.Request.Method} {http.Request.Path}",
            Details: SecurityAudit.Details(new { permissions = required.ToArray(), client = http.Connection.RemoteIpAddress?.ToString() })), CancellationToken.None);
    }

    /// <summary>
    /// Records each successful call of the endpoint as an export of <paramref name="what"/>, with its filters (the
    /// query string) and, when the filter names a region, in that region's chain.
    /// </summary>
    public static TBuilder AuditedExport<TBuilder>(this TBuilder builder, string what) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (http.Response.StatusCode < 400)
            {
                var region = http.Request.Query["regionCode"].ToString();
                await http.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(new SecurityEvent(SecurityActions.Export, what, http.Request.Path,
                    RegionCode: RegionCode.IsValid(region) ? region : null,
                    Details: SecurityAudit.Details(new { query = http.Request.QueryString.Value ?? "" })), CancellationToken.None);
            }

            return result;
        });
}

/// <summary>Audits endpoint denials (403 for a signed-in user), then answers as the framework would.</summary>
internal sealed class DenialAuditHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var required = context.GetEndpoint()?.Metadata.GetOrderedMetadata<Users.RequiresAttribute>().Select(r => r.Permission) ?? [];
            await AccessAudit.RecordDenialAsync(context, required);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
