using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;

namespace Shian.Inspections.Pages;

/// <summary>One plan: visits per month/week as a chart (planned, done, overdue; a bar click lists that period), inspector loads, the period's visits.</summary>
[Requires(InspectionsPermissions.Read)]
public sealed class PlanModel(PlanReport reports, ShianDb db) : PageModel
{
    public PlanReport.Report Report { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public DateOnly? Period { get; private set; }

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? period, CancellationToken ct)
    {
        if (await reports.ForAsync(id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == report.Plan.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? report.Plan.RegionCode;
        Period = period ?? report.Periods.FirstOrDefault(p => p.Done < p.Visits)?.From ?? report.Periods.FirstOrDefault()?.From;
        Visits = Period is DateOnly from
            ? await db.PlannedVisits.AsNoTracking().Where(v => v.PlanId == id && v.DueFrom == from).OrderBy(v => v.DueBy).ThenBy(v => v.BusinessName).Take(500).ToListAsync(ct)
            : [];
        return Page();
    }
}
