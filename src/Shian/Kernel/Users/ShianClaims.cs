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
}

/// <summary>
/// Puts roles, region grants and the business USCC into the principal at sign-in, so that every request (cookie
/// or bearer token) carries its scope without a database round trip. A changed grant applies at the next sign-in
/// or token refresh (within the 30-minute idle timeout).
/// </summary>
internal sealed class ShianClaimsFactory(UserManager<ShianUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, ShianDb db)
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

        return identity;
    }
}
