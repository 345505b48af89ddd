using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Web;

/// <summary>The region a dashboard page looks at, and the regions it offers to switch to — always within the caller's.</summary>
public static class RegionChoices
{
    /// <summary>The region asked for, or the caller's home region; null outside the caller's regions (a page answers 404).</summary>
    public static async Task<string?> HomeOrNullAsync(string? region, ShianDb db, ShianOptions shian, CancellationToken ct)
    {
        var code = region ?? db.Request.Scope.HomeRegion(shian.HomeRegion);
        return RegionCode.IsValid(code) && db.Request.Scope.Allows(code) && await db.Regions.AnyAsync(r => r.Code == code, ct) ? code : null;
    }

    /// <summary>The region looked at, its parent (when the caller's) and its children.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> AroundAsync(ShianDb db, string code, CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var parent = RegionCode.Parent(code);
        var codes = await db.Regions.AsNoTracking().Where(r => r.Code == code || r.ParentCode == code || r.Code == parent)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return [.. codes.Where(r => scope.Allows(r.Code)).Select(r => (r.Code, r.Name))];
    }
}
