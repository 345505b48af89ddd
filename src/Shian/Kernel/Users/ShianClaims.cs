using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;

namespace Shian.Kernel.Users;

/// <summary>Claim types Shian adds to a signed-in principal.</summary>
public static class ShianClaims
{
    /// <summary>One claim per granted region subtree (12-digit code).</summary>
    public const string Region = "shian:region";

    /// <summary>The USCC of a food-business user.</summary>
    public const string Uscc = "shian:uscc";

    public const string DisplayName = "shian:name";

    /// <summary>The refresh-token family of a token sign-in (<see cref="RefreshFamily"/>).</summary>
    public const string TokenFamily = "shian:rtf";

    /// <summary>This principal's own token id within its family.</summary>
    public const string TokenId = "shian:rti";

    /// <summary>The prefix of the API key a machine client authenticated with (<see cref="ApiKeyHandler"/>).</summary>
    public const string ApiKey = "shian:api-key";

    /// <summary>Present (value "required") while a user who must use a second factor has not set one up.</summary>
    public const string TwoFactorSetup = "shian:mfa-setup";
}

/// <summary>
/// Puts roles, region grants and the business USCC into the principal at sign-in, so that every request (cookie
/// or bearer token) carries its scope without a database round trip. A changed grant applies at the next sign-in
/// or token refresh (within the 30-minute idle timeout).
/// </summary>
internal sealed class ShianClaimsFactory(UserManager<ShianUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, ShianDb db,
    IOptions<SecurityOptions> security)
    : UserClaimsPrincipalFactory<ShianUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShianUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ShianClaims.DisplayName, user.DisplayName));
        var grants = await db.RegionGrants.Where(g => g.UserId == user.Id).Select(g => g.RegionCode).ToListAsync();
        foreach (var code in grants.Order(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ShianClaims.Region, code));
        }

        if (user.BusinessUscc is not null)
        {
            identity.AddClaim(new Claim(ShianClaims.Uscc, user.BusinessUscc));
        }

        // A fresh token family and id; a refresh keeps the family (AuthApi).
        identity.AddClaim(new Claim(ShianClaims.TokenFamily, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(ShianClaims.TokenId, Guid.NewGuid().ToString()));
        if (!user.TwoFactorEnabled && (user.RequireTwoFactor || (security.Value.AdminsRequireTwoFactor && identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, ShianRoles.Admin))))
        {
            identity.AddClaim(new Claim(ShianClaims.TwoFactorSetup, "required"));
        }

        return identity;
    }
}
