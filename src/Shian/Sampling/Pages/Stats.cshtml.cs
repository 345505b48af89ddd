using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;

namespace Shian.Sampling.Pages;

/// <summary>合格率 dashboard: a region (bars drill down to its districts, streets), a food category (bars drill down to sub-categories), a period.</summary>
[Requires(SamplingPermissions.Read)]
public sealed class StatsModel(SamplingStats stats, ShianDb db, Microsoft.Extensions.Options.IOptions<ShianOptions> shian, TimeProvider clock) : PageModel
{
    public SamplingStats.Result Result { get; private set; } = null!;

    public string? ParentCode { get; private set; }

    public string? ParentCategory { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var region = Region ?? scope.HomeRegion(shian.Value.HomeRegion);
        if (!RegionCode.IsValid(region) || !scope.Allows(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return NotFound();
        }

        var today = ChinaTime.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Result = await stats.ForAsync(region, From.Value, To.Value, Category, ct);
        ParentCode = RegionCode.Parent(region) is { } p && scope.Allows(p) ? p : null;
        ParentCategory = Category is null ? null : (await db.FoodCategories.AsNoTracking().Where(c => c.Code == Category).Select(c => c.ParentCode).FirstOrDefaultAsync(ct)) ?? "";
        return Page();
    }
}
