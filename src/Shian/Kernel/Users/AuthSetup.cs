using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Shian.Data;

namespace Shian.Kernel.Users;

internal static class AuthSetup
{
    public const string Scheme = "Shian";

    /// <summary>
    /// Identity with our stores; cookie sign-in for pages and bearer tokens for /api/v1, chosen per request by
    /// the Authorization header. Both end after <see cref="SecurityOptions.IdleTimeoutMinutes"/> idle minutes.
    /// </summary>
    public static IServiceCollection AddShianAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var idle = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, bearer or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeys.Header) ? ApiKeyHandler.SchemeName
                : ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = idle;
                o.RefreshTokenExpiration = idle; // refreshing within the idle window keeps the session; after it, sign in again
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "shian.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/signin";
                o.AccessDeniedPath = "/account/denied";
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddCookie(IdentityConstants.ExternalScheme)
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = "shian.2fa";
                o.Cookie.HttpOnly = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5); // the second step of one sign-in
            })
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme); // asked by Identity; clients are never remembered here

        services.AddIdentityCore<ShianUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = security.Password.RequiredLength;
                o.Password.RequireDigit = security.Password.RequireDigit;
                o.Password.RequireLowercase = security.Password.RequireLowercase;
                o.Password.RequireUppercase = security.Password.RequireUppercase;
                o.Password.RequireNonAlphanumeric = security.Password.RequireNonAlphanumeric;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters += "@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShianDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ShianClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddSingleton<SignInGate.FailureCounters>();
        services.AddSingleton<SessionStamps>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<Accounts>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<SignInGate>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // One policy per permission, named after it: the roles that hold it (Permissions.cs).
        services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(o =>
        {
            foreach (var permission in PermissionCatalog.All)
            {
                o.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser().RequireRole(permission.Roles)
                    .RequireAssertion(ctx => PermissionCatalog.KeyAllows(ctx.User, permission.Name)));
            }
        });
        return services;
    }

    private static Task ApiOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
