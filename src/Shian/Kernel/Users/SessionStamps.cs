using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;

namespace Shian.Kernel.Users;

/// <summary>
/// Server-side end of sessions (security finding 8): every signed-in principal, cookie or bearer token, carries the
/// user's security stamp from its sign-in. Signing out, changing or resetting the password, disabling the account,
/// changing roles or grants and a reused refresh token change the stamp, and a request whose stamp is no longer the
/// user's is treated as signed out. An instance trusts the stamp it read for <c>Security:StampCheckSeconds</c> (a change made on this
/// instance applies at once; one made on another instance within that time).
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, IOptions<SecurityOptions> options, TimeProvider clock)
{
    private sealed record Known(string? Stamp, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Known> _known = new();

    /// <summary>Whether the principal's stamp is still its user's (true for principals without one, e.g. anonymous).</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, string stampClaimType, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (!_known.TryGetValue(userId, out var known) || now - known.ReadAt > TimeSpan.FromSeconds(options.Value.StampCheckSeconds))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
            known = new Known(stamp is null || stamp.LockoutEnd >= ShianUser.DisabledUntil ? null : stamp.SecurityStamp, now);
            _known[userId] = known;
        }

        return known.Stamp is not null && known.Stamp == principal.FindFirstValue(stampClaimType);
    }

    /// <summary>Forgets what this instance knew of the user (called after its stamp changed here).</summary>
    public void Forget(string userId) => _known.TryRemove(userId, out _);
}

/// <summary>Ends requests of principals whose session was ended on the server (<see cref="SessionStamps"/>).</summary>
internal static class SessionStampMiddleware
{
    public static IApplicationBuilder UseSessionStamps(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            if (!await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(http.User, stampType, http.RequestAborted))
            {
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                }

                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(http);
    });
}
