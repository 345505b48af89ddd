using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Kernel.Inbox;

/// <summary>
/// Who is told about work of a region: the officers and coordinators granted exactly its district (its county-level
/// region), or the city itself for a city-wide region — not every enclosing level, which would flood the city's inbox.
/// </summary>
public sealed class DistrictRecipients(ShianDb db)
{
    /// <summary>Loads the grants once; the returned function answers for any region without further queries.</summary>
    public async Task<Func<string, IReadOnlyList<string>>> LoadAsync(CancellationToken ct)
    {
        var roleIds = await db.Roles.Where(r => r.Name == ShianRoles.Officer || r.Name == ShianRoles.Coordinator).Select(r => r.Id).ToListAsync(ct);
        var userIds = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct().ToListAsync(ct);
        var grants = (await db.RegionGrants.AsNoTracking().Where(g => userIds.Contains(g.UserId)).ToListAsync(ct)).ToLookup(g => g.RegionCode, g => g.UserId);
        return region => [.. grants[RegionCode.CountyOf(region) ?? region].Distinct()];
    }

    /// <summary>The officers and coordinators granted the region's county, in one query (each filing asks once).</summary>
    public async Task<IReadOnlyList<string>> ForAsync(string regionCode, CancellationToken ct)
    {
        var county = RegionCode.CountyOf(regionCode) ?? regionCode;
        return await db.RegionGrants.AsNoTracking()
            .Where(g => g.RegionCode == county && db.UserRoles.Any(ur => ur.UserId == g.UserId
                && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == ShianRoles.Officer || r.Name == ShianRoles.Coordinator))))
            .Select(g => g.UserId).Distinct().ToListAsync(ct);
    }
}
