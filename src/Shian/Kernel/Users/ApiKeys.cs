using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Audit;
using Shian.Kernel.Errors;

namespace Shian.Kernel.Users;

/// <summary>
/// A food business's machine key (its ERP or traceability system sends EPCIS events without a person signing in),
/// issued by one of its users and acting as that user, limited to <see cref="Scopes"/>. The key is shown once and kept
/// as its SHA-256 (a random 160-bit key needs no slow hash); the first characters tell keys apart.
/// </summary>
public sealed class ApiKey : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    [NotAudited]
    public required string KeyHash { get; init; }

    /// <summary>The permissions the key may use, space-separated.</summary>
    public required string Scopes { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    [NotAudited]
    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => null;
}

/// <summary>Issues, lists and revokes the signed-in business user's own keys.</summary>
public sealed class ApiKeys(ShianDb db, UserManager<ShianUser> users, Scoping.IRequestContext me, TimeProvider clock)
{
    /// <summary>What a key may do: send trace data (EPCIS capture, master data) and read it back.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["traceability.capture", "traceability.read"];

    public const int MaxActive = 5;

    /// <summary>The header a client sends the key in.</summary>
    public const string Header = "X-Api-Key";

    public sealed record Issued(Guid Id, string Name, string Prefix, string Key, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc);

    public async Task<IReadOnlyList<ApiKey>> MineAsync(CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.UserId == me.UserId).OrderByDescending(k => k.CreatedAtUtc).ToListAsync(ct);

    public async Task<Issued> IssueAsync(string? name, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            throw ShianProblemException.Invalid("apikeys.invalid", "请填写密钥名称（用途或对接系统，不超过 50 字）", new Dictionary<string, string[]> { ["name"] = ["请填写密钥名称（不超过 50 字）"] });
        }

        var user = await users.FindByIdAsync(me.UserId ?? "") ?? throw ShianProblemException.NotFound("apikeys.no-user", "账号不存在");
        if (string.IsNullOrEmpty(user.BusinessUscc))
        {
            throw ShianProblemException.Conflict("apikeys.no-business", "只有绑定了经营者（统一社会信用代码）的账号可以签发接口密钥");
        }

        if (await db.ApiKeys.CountAsync(k => k.UserId == user.Id && k.RevokedAtUtc == null, ct) >= MaxActive)
        {
            throw ShianProblemException.Conflict("apikeys.too-many", $"最多同时启用 {MaxActive} 个密钥；请先停用不再使用的密钥");
        }

        var key = "shk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var k = new ApiKey
        {
            UserId = user.Id, Name = name, Prefix = key[..12], KeyHash = Hash(key), Scopes = string.Join(' ', Scopes), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(k);
        await db.SaveChangesAsync(ct);
        return new Issued(k.Id, k.Name, k.Prefix, key, Scopes, k.CreatedAtUtc);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var k = await db.ApiKeys.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me.UserId, ct) ?? throw ShianProblemException.NotFound("apikeys.not-found", "密钥不存在");
        if (k.RevokedAtUtc is null)
        {
            k.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// The <c>X-Api-Key</c> scheme, for <c>/api/</c> only: the key's user as if signed in (roles, USCC, its stamp — a
/// disabled user's key stops), plus one <see cref="ScopeClaim"/> per permission the key may use. Every permission check
/// (<see cref="Permissions.Grants"/>, the policies) refuses what the key's scopes do not name.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ShianDb db,
    IUserClaimsPrincipalFactory<ShianUser> principals, UserManager<ShianUser> users, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string ScopeClaim = "shian:key-scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeys.Header].ToString();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!Request.Path.StartsWithSegments("/api"))
        {
            return AuthenticateResult.Fail("An API key is accepted on /api only.");
        }

        var hash = ApiKeys.Hash(presented.Trim());
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAtUtc == null, Context.RequestAborted);
        if (key is null || await users.FindByIdAsync(key.UserId) is not { } user || user.IsDisabled || string.IsNullOrEmpty(user.BusinessUscc))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is not DateTime used || now - used > TimeSpan.FromMinutes(5))
        {
            // Recorded at most every five minutes (a capture client may call many times a second); a bookkeeping column,
            // not an audited change, so written directly.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAtUtc, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var scope in key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            identity.AddClaim(new Claim(ScopeClaim, scope));
        }

        identity.AddClaim(new Claim(ShianClaims.ApiKey, key.Prefix));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
