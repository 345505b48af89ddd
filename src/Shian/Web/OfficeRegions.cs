using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;

namespace Shian.Web;

/// <summary>The regions a page may offer the caller to act for: those of the given levels the caller may create records in, in code order.</summary>
public static class OfficeRegions
{
    /// <summary>Cities and counties (the offices that plan, draw, assess and publish).</summary>
    public static Task<List<Region>> OfficesAsync(ShianDb db, CancellationToken ct, int max = 200) =>
        ForAsync(db, [RegionLevel.City, RegionLevel.County], max, ct);

    public static async Task<List<Region>> ForAsync(ShianDb db, IReadOnlyCollection<RegionLevel> levels, int max, CancellationToken ct)
    {
        var scope = db.Request.Scope;
        return [.. (await db.Regions.AsNoTracking().Where(r => levels.Contains(r.Level)).OrderBy(r => r.Code).ToListAsync(ct)).Where(r => scope.AllowsCreateIn(r.Code)).Take(max)];
    }
}
