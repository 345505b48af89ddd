using Shian.Kernel.Errors;

namespace Shian.Kernel.Users;

/// <summary>
/// A user who must use a second factor and has not set one up (claim <see cref="ShianClaims.TwoFactorSetup"/>) may
/// only set it up, change the password or sign out: pages redirect to /account/mfa, API calls get 403.
/// </summary>
internal static class TwoFactorGate
{
    private static readonly string[] Open = ["/account", "/css", "/js", "/lib", "/favicon.ico", "/health", "/culture"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(ShianClaims.TwoFactorSetup, "required") && !Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "auth.mfa-setup-required", "须先启用双因素认证",
                    "此账号须使用双因素认证（身份验证器动态码）。请先在网页“账号安全”中启用，再重新获取令牌。");
            }

            http.Response.Redirect("/account");
            return;
        }

        await next(http);
    });
}
