using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;

namespace Shian.Inspections.Pages;

/// <summary>今日任务: the signed-in inspector's visits still to do (draws, plans, campaigns, re-inspections), the most urgent first.</summary>
[Requires(InspectionsPermissions.Inspect)]
public sealed class VisitsModel(ShianDb db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = db.Request.UserId ?? "";
        Today = Kernel.Calendar.ChinaTime.Today(clock);

        // Due dates first (overdue on top), undated draw visits after; plan visits only from their period on.
        var today = Today;
        Visits = (await db.PlannedVisits.AsNoTracking().Where(v => v.Status == VisitStatus.Planned && v.InspectorIds.Contains(me) && (v.DueFrom == null || v.DueFrom <= today))
            .OrderBy(v => v.DueBy == null).ThenBy(v => v.DueBy).ThenBy(v => v.RegionCode).ThenBy(v => v.BusinessName).Take(300).ToListAsync(ct))
            .Where(v => v.InspectorIds.Split(',').Contains(me)).ToList();
        var codes = Visits.Select(v => v.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
