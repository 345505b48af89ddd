using Microsoft.AspNetCore.Antiforgery;
using Shian.Kernel.Errors;

namespace Shian.Web;

/// <summary>
/// Browser protections on every response (security finding 10): scripts only from this site (no inline script; the
/// pages' small behaviours are in js/site.js), no framing, no content sniffing, no referrer beyond the origin; HSTS
/// when the request came over HTTPS (directly or through the proxy, see operations.md).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Behind a TLS-terminating proxy, the scheme and client address come from X-Forwarded-Proto/-For, so cookies get
    /// Secure and HSTS is sent. Only the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (comma-separated IPs)
    /// are believed, besides loopback (operations.md).
    /// </summary>
    public static IApplicationBuilder UseShianForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        foreach (var proxy in (app.Configuration["ForwardedHeaders:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>Styles may be inline: htmx's indicator style and ECharts' tooltips set them; scripts may not.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseShianSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        await next();
    });

    /// <summary>
    /// /api/v1 authenticates by bearer token. A browser's session cookie reaches it too (downloads and chart data are
    /// plain links), but only to read: a state-changing call on the cookie must carry the antiforgery token, so a page
    /// of another site (or a same-site one) cannot upload or change data as the signed-in user.
    /// </summary>
    public static IApplicationBuilder UseApiCookieGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            // A business system's API key is a header a page of another site cannot send (a custom header needs CORS, which is off).
            && !context.User.HasClaim(c => c.Type == Kernel.Users.ShianClaims.ApiKey)
            && context.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "auth.cookie-write-refused", "无权操作",
                    "接口的写操作须使用访问令牌（Authorization: Bearer）；浏览器会话只能读取。");
            }
        }

        await next();
    });
}
