using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Shian.Kernel.Users;

/// <summary>
/// Password sign-in for the page and the token endpoint (security finding 8). Failures are counted per account name
/// <em>and</em> client address: after <c>Security:MaxFailedAccessAttempts</c> that pair waits, doubling from one minute up
/// to <c>Security:LockoutMinutes</c> — a stranger elsewhere cannot lock the administrator out, as Identity's account
/// lockout allowed with five anonymous requests. An unknown name costs the same password-hash work and gets the same
/// answer as a wrong password, so names cannot be told apart. (The counters live in the instance; with several
/// instances each counts its own share — the anonymous rate limit per address bounds the total.)
/// </summary>
public sealed class SignInGate(SignInManager<ShianUser> signIn, UserManager<ShianUser> users, IPasswordHasher<ShianUser> hasher,
    SignInGate.FailureCounters counters, IOptions<SecurityOptions> options, TimeProvider clock)
{
    /// <summary>The failures of this instance, by account name and client (a singleton).</summary>
    public sealed class FailureCounters
    {
        internal ConcurrentDictionary<string, Failures> ByKey { get; } = new();
    }

    public enum Outcome
    {
        Succeeded,
        Invalid,
        Throttled,
    }

    internal sealed record Failures(int Count, DateTimeOffset BlockedUntil);

    private ConcurrentDictionary<string, Failures> Counters => counters.ByKey;

    private static readonly ShianUser Nobody = new() { UserName = "nobody" };

    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<ShianUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Signs in with <paramref name="scheme"/> (cookie or bearer); <paramref name="retryAfter"/> when throttled.</summary>
    public async Task<(Outcome Outcome, TimeSpan RetryAfter)> PasswordSignInAsync(string userName, string password, string client, string scheme)
    {
        var key = (userName.Trim().ToUpperInvariant()) + "|" + client;
        var now = clock.GetUtcNow();
        if (Counters.TryGetValue(key, out var failures) && failures.BlockedUntil > now)
        {
            return (Outcome.Throttled, failures.BlockedUntil - now);
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password); // the same work as a real check
            Fail(key, now);
            return (Outcome.Invalid, TimeSpan.Zero);
        }

        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            Counters.TryRemove(key, out _);
            return (Outcome.Succeeded, TimeSpan.Zero);
        }

        Fail(key, now);
        return (Outcome.Invalid, TimeSpan.Zero);
    }

    private void Fail(string key, DateTimeOffset now)
    {
        var limit = options.Value.MaxFailedAccessAttempts;
        var max = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        Counters.AddOrUpdate(key, _ => new Failures(1, DateTimeOffset.MinValue), (_, f) =>
        {
            var count = f.Count + 1;
            if (count < limit)
            {
                return f with { Count = count };
            }

            // The 5th failure waits 1 minute, the 6th 2, then 4 … up to the configured maximum.
            var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(count - limit, 10)));
            return new Failures(count, now + (wait < max ? wait : max));
        });
    }
}
