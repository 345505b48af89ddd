using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages;

/// <summary>A sampling plan's quotas with each district's share and the samples taken (ECharts: required vs taken).</summary>
[Requires(SamplingPermissions.Read)]
public sealed class PlanModel(ShianDb db, SamplingPlans plans) : PageModel
{
    public SamplingPlan Plan { get; private set; } = null!;

    public IReadOnlyList<SamplingPlans.QuotaProgress> Progress { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.SamplingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Progress = await plans.ProgressAsync(plan, ct);
        return Page();
    }
}
