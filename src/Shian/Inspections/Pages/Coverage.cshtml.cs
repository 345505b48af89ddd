using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Inspections.Pages;

/// <summary>检查覆盖率: per child region, the share inspected this year against the 20 % target and within five years; a bar drills down.</summary>
[Requires(InspectionsPermissions.Read)]
public sealed class CoverageModel(Shian.Inspections.Coverage coverage, ShianDb db, Microsoft.Extensions.Options.IOptions<ShianOptions> shian, TimeProvider clock) : PageModel
{
    public string RegionCode { get; private set; } = "";

    public string RegionName { get; private set; } = "";

    public string? ParentCode { get; private set; }

    public int Year { get; private set; }

    public IReadOnlyList<Shian.Inspections.Coverage.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? region, int? year, CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var code = region ?? scope.HomeRegion(shian.Value.HomeRegion);
        var r = Kernel.Regions.RegionCode.IsValid(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) : null;
        if (r is null || !scope.Allows(code))
        {
            return NotFound();
        }

        RegionCode = r.Code;
        RegionName = r.Name;
        ParentCode = r.ParentCode is { } p && scope.Allows(p) ? p : null;
        Year = year ?? Kernel.Calendar.ChinaTime.Today(clock).Year;
        Rows = await coverage.ForAsync(r.Code, Year, ct);
        return Page();
    }
}
