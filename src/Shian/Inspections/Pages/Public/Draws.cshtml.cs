using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Inspections.Pages.Public;

/// <summary>双随机 一公开: every published draw, newest first, by year, each linking its list and how to verify it.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DrawsModel(ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InspectionsPublic.DrawSummary> Draws { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public int? Year { get; private set; }

    public int ThisYear { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        ThisYear = Kernel.Calendar.ChinaTime.Today(clock).Year;
        Year = year is >= 2000 and <= 2100 ? year : null;
        Draws = await InspectionsPublic.PublishedDrawsAsync(db, Year, 200, ct);
        var codes = Draws.Select(d => d.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
