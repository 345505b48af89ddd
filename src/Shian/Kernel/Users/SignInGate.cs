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
    SignInGate.FailureCounters counters, IOptions<SecurityOptions> options, TimeProvider clock, Audit.SecurityAudit audit)
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

        /// <summary>The password was right and the account has a second factor: ask for the authenticator code.</summary>
        TwoFactorRequired,
    }

    internal sealed record Failures(int Count, DateTimeOffset BlockedUntil);

    private ConcurrentDictionary<string, Failures> Counters => counters.ByKey;

    private static readonly ShianUser Nobody = new() { UserName = "nobody" };

    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<ShianUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>
    /// Signs in with <paramref name="scheme"/> (cookie or bearer); <paramref name="retryAfter"/> when throttled. With a
    /// second factor, <paramref name="twoFactorCode"/> completes the sign-in in the same call (the token endpoint); the
    /// sign-in page instead gets <see cref="Outcome.TwoFactorRequired"/> and calls <see cref="TwoFactorSignInAsync"/>.
    /// </summary>
    public async Task<(Outcome Outcome, TimeSpan RetryAfter)> PasswordSignInAsync(string userName, string password, string client, string scheme, string? twoFactorCode = null)
    {
        userName = userName.Trim();
        var key = Key(userName, client);
        var now = clock.GetUtcNow();
        if (Blocked(key, now) is { } wait)
        {
            await RecordAsync(Audit.SecurityActions.SignInThrottled, userName, client, scheme);
            return (Outcome.Throttled, wait);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null || user.IsDisabled)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password); // the same work as a real check
            Fail(key, now);
            await RecordAsync(Audit.SecurityActions.SignInFailed, userName, client, scheme, user is null ? "unknown-user" : "disabled");
            return (Outcome.Invalid, TimeSpan.Zero);
        }

        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(twoFactorCode))
            {
                return (Outcome.TwoFactorRequired, TimeSpan.Zero);
            }

            result = await signIn.TwoFactorAuthenticatorSignInAsync(Code(twoFactorCode), isPersistent: false, rememberClient: false);
        }

        if (result.Succeeded)
        {
            Counters.TryRemove(key, out _);
            await RecordAsync(Audit.SecurityActions.SignIn, user.UserName!, client, scheme);
            return (Outcome.Succeeded, TimeSpan.Zero);
        }

        Fail(key, now);
        await RecordAsync(Audit.SecurityActions.SignInFailed, user.UserName!, client, scheme, string.IsNullOrWhiteSpace(twoFactorCode) ? "password" : "second-factor");
        return (Outcome.Invalid, TimeSpan.Zero);
    }

    /// <summary>The sign-in page's second step: the authenticator code of the user whose password was checked.</summary>
    public async Task<(Outcome Outcome, TimeSpan RetryAfter)> TwoFactorSignInAsync(string code, string client)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return (Outcome.Invalid, TimeSpan.Zero); // the first step expired or never happened
        }

        var key = Key(user.UserName!, client);
        var now = clock.GetUtcNow();
        if (Blocked(key, now) is { } wait)
        {
            await RecordAsync(Audit.SecurityActions.SignInThrottled, user.UserName!, client, IdentityConstants.ApplicationScheme);
            return (Outcome.Throttled, wait);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code(code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            Counters.TryRemove(key, out _);
            await RecordAsync(Audit.SecurityActions.SignIn, user.UserName!, client, IdentityConstants.ApplicationScheme);
            return (Outcome.Succeeded, TimeSpan.Zero);
        }

        Fail(key, now);
        await RecordAsync(Audit.SecurityActions.SignInFailed, user.UserName!, client, IdentityConstants.ApplicationScheme, "second-factor");
        return (Outcome.Invalid, TimeSpan.Zero);
    }

    private static string Key(string userName, string client) => userName.ToUpperInvariant() + "|" + client;

    /// <summary>How long this account and client must still wait, or null.</summary>
    private TimeSpan? Blocked(string key, DateTimeOffset now) =>
        Counters.TryGetValue(key, out var failures) && failures.BlockedUntil > now ? failures.BlockedUntil - now : null;

    /// <summary>Authenticator apps show "123 456"; Identity wants "123456".</summary>
    private static string Code(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private Task RecordAsync(string action, string userName, string client, string scheme, string? reason = null) =>
        audit.RecordAsync(new Audit.SecurityEvent(action, "Account", userName, UserName: action == Audit.SecurityActions.SignIn ? userName : "anonymous",
            Details: Audit.SecurityAudit.Details(new { client, via = scheme == IdentityConstants.BearerScheme ? "token" : "page", reason })));

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
