using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;

namespace Shian.Kernel.Users;

/// <summary>Bearer tokens for /api/v1 (sign-in with lockout, refresh) and "who am I".</summary>
internal static class AuthApi
{
    public sealed record TokenRequest(
        [property: Required(ErrorMessage = "用户名必填")] string UserName,
        [property: Required(ErrorMessage = "密码必填")] string Password,
        string? TwoFactorCode = null);

    public sealed record RefreshRequest([property: Required(ErrorMessage = "刷新令牌必填")] string RefreshToken);

    public sealed record MeDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, string? BusinessUscc);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth 认证").AllowAnonymous().RegionNeutral("登录与令牌，不含监管数据");

        auth.MapPost("/token", async (TokenRequest request, SignInGate gate, HttpContext http) =>
        {
            // With the bearer scheme, a successful sign-in writes the AccessTokenResponse itself.
            var (outcome, retryAfter) = await gate.PasswordSignInAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress?.ToString() ?? "-",
                IdentityConstants.BearerScheme, request.TwoFactorCode);
            return outcome switch
            {
                SignInGate.Outcome.Succeeded => TypedResults.Empty,
                SignInGate.Outcome.TwoFactorRequired => throw new ShianProblemException(StatusCodes.Status401Unauthorized, "auth.mfa-code-required", "需要动态码",
                    "此账号启用了双因素认证：请在 twoFactorCode 中提供身份验证器显示的 6 位动态码。"),
                SignInGate.Outcome.Throttled => throw new ShianProblemException(StatusCodes.Status429TooManyRequests, "auth.throttled", "登录尝试过于频繁",
                    $"该账号在本机的登录失败次数过多，请 {Math.Ceiling(retryAfter.TotalMinutes):0} 分钟后再试。"),
                _ => throw new ShianProblemException(StatusCodes.Status401Unauthorized, "auth.invalid-credentials", "登录失败", "用户名或密码错误。"),
            };
        });

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ChallengeHttpResult>> (RefreshRequest request, RefreshTokens tokens,
            IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken ct) =>
        {
            var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = protector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires)
            {
                return TypedResults.Challenge();
            }

            var principal = await tokens.RotateAsync(ticket.Principal, ct);
            return principal is null ? TypedResults.Challenge() : TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).WithSummary("用刷新令牌换取新令牌（每个刷新令牌只能用一次；重复使用将注销该用户的全部会话）");

        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeDto(
            user.Identity?.Name ?? "",
            user.FindFirstValue(ShianClaims.DisplayName) ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            [.. user.FindAll(ShianClaims.Region).Select(c => c.Value)],
            user.FindFirstValue(ShianClaims.Uscc)))).WithTags("Auth 认证").Requires(KernelPermissions.Own).RegionNeutral("调用者自己的账号信息");

        return app;
    }
}
