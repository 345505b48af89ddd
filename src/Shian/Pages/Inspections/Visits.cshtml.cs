using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;

namespace Shian.Pages.Inspections;

/// <summary>今日任务: the visits drawn for the signed-in inspector that are still to do.</summary>
public sealed class VisitsModel(ShianDb db) : PageModel
{
    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = db.Request.UserId ?? "";
        Visits = (await db.PlannedVisits.AsNoTracking().Where(v => v.Status == VisitStatus.Planned && v.InspectorIds.Contains(me)).OrderBy(v => v.RegionCode).ThenBy(v => v.BusinessName).Take(300).ToListAsync(ct))
            .Where(v => v.InspectorIds.Split(',').Contains(me)).ToList();
        var codes = Visits.Select(v => v.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
