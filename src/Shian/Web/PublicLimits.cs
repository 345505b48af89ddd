using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Shian.Web;

/// <summary>
/// Anonymous requests (the public portal, sign-in, the token endpoint) are limited (security finding 5), with
/// ASP.NET Core's rate limiter: per client address a fixed window of <c>RateLimits:AnonymousPerMinute</c> requests,
/// and all anonymous requests together at most <c>RateLimits:AnonymousConcurrent</c> at a time (a small queue beyond),
/// so a flood of public searches cannot starve the officers' work. Signed-in users are not limited here.
/// </summary>
internal static class PublicLimits
{
    /// <summary>The limiter policy of the expensive public searches.</summary>
    public const string PublicSearch = "public-search";

    public static IServiceCollection AddPublicLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:AnonymousPerMinute", 120);
        var concurrent = configuration.GetValue("RateLimits:AnonymousConcurrent", 8);
        var searches = configuration.GetValue("RateLimits:PublicSearchConcurrent", 2);
        services.AddRateLimiter(o =>
        {
            // Public searches by name read many rows (until the search index of the scale issue): at most this many run at
            // once on an instance, whoever asks, so a flood of them uses at most that many cores (security finding 5).
            o.AddConcurrencyLimiter(PublicSearch, c =>
            {
                c.PermitLimit = searches;
                c.QueueLimit = searches * 8;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Anonymous(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("signed-in")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Anonymous(http)
                    ? RateLimitPartition.GetConcurrencyLimiter("anonymous",
                        _ => new ConcurrencyLimiterOptions { PermitLimit = concurrent, QueueLimit = concurrent * 4, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                    : RateLimitPartition.GetNoLimiter("signed-in")));
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.ContentType = "application/problem+json; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "{\"type\":\"https://tools.ietf.org/html/rfc6585#section-4\",\"title\":\"请求过于频繁\",\"status\":429,\"detail\":\"请求过于频繁，请稍后再试。\",\"code\":\"request.rate-limited\"}", ct);
            };
        });
        return services;
    }

    private static bool Anonymous(HttpContext http) => http.User.Identity?.IsAuthenticated != true && !http.Request.Path.StartsWithSegments("/health");
}
