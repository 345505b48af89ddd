using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Kernel.Users;

/// <summary>Refresh-token rotation with reuse detection (<see cref="RefreshFamily"/>).</summary>
public sealed class RefreshTokens(ShianDb db, SignInManager<ShianUser> signIn, UserManager<ShianUser> users, SessionStamps stamps,
    Audit.SecurityAudit audit, TimeProvider clock)
{
    /// <summary>
    /// The principal for a new token pair, or null when the refresh token may not be used: the session ended (stamp),
    /// the family was revoked, or the token was already used — then every session of the user ends.
    /// </summary>
    public async Task<ClaimsPrincipal?> RotateAsync(ClaimsPrincipal presented, CancellationToken ct)
    {
        var familyId = presented.FindFirstValue(ShianClaims.TokenFamily);
        var tokenId = presented.FindFirstValue(ShianClaims.TokenId);
        if (familyId is null || tokenId is null || await signIn.ValidateSecurityStampAsync(presented) is not { } user || user.IsDisabled)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var family = await db.RefreshFamilies.FirstOrDefaultAsync(f => f.Id == familyId, ct);
        if (family is not null && (family.RevokedAtUtc is not null || family.CurrentTokenId != tokenId || family.UserId != user.Id))
        {
            if (family.RevokedAtUtc is null)
            {
                // A token of this family was used before: someone holds a copy. End everything of this user.
                family.RevokedAtUtc = now;
                await db.SaveChangesAsync(ct);
                await users.UpdateSecurityStampAsync(user);
                stamps.Forget(user.Id);
                await audit.RecordAsync(new Audit.SecurityEvent(Audit.SecurityActions.TokenReuse, "Account", user.UserName!, UserName: user.UserName,
                    Details: Audit.SecurityAudit.Details(new { family = familyId })), ct);
            }

            return null;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(ShianClaims.TokenFamily));
        identity.AddClaim(new Claim(ShianClaims.TokenFamily, familyId));
        var newTokenId = principal.FindFirstValue(ShianClaims.TokenId)!;
        if (family is null)
        {
            db.RefreshFamilies.Add(new RefreshFamily { Id = familyId, UserId = user.Id, CurrentTokenId = newTokenId, LastUsedAtUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return null; // two first refreshes of one token at once: only one wins
            }
        }
        else
        {
            // Compare-and-set, so that two refreshes of one token at once cannot both succeed.
            var moved = await db.RefreshFamilies.Where(f => f.Id == familyId && f.CurrentTokenId == tokenId && f.RevokedAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.CurrentTokenId, newTokenId).SetProperty(f => f.LastUsedAtUtc, now), ct);
            if (moved != 1)
            {
                return null;
            }
        }

        return principal;
    }
}
