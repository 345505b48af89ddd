using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>抽检计划: the caller's plans and the form to make one (the four quota kinds of seed 002; a blank rate stays to be filled in).</summary>
[Requires(SamplingPermissions.Read)]
public sealed class PlansModel(ShianDb db, SamplingPlans plans, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SamplingPlan> List { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    /// <summary>The shares the caller's regions carry this year, also under an enclosing region's plan.</summary>
    public IReadOnlyList<SamplingPlans.MyAllocation> Mine { get; private set; } = [];

    public int ThisYear => ChinaTime.Today(clock).Year;

    public bool CanPlan => User.Grants(SamplingPermissions.Plan);

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public string? Total { get; set; } = "4.5";
    [BindProperty] public string? Residue { get; set; } = "2";
    [BindProperty] public string? Monitoring { get; set; } = "1";
    [BindProperty] public string? FixedName { get; set; }
    [BindProperty] public string? FixedCount { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ThisYear;
        await LoadAsync(ct);
    }

    [Requires(SamplingPermissions.Plan)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            var quotas = new List<SamplingPlans.QuotaInput>
            {
                new(QuotaKind.Total, null, Rate(Total, "食品抽检"), null, null),
                new(QuotaKind.Residue, null, Rate(Residue, "农药兽药残留"), null, null),
                new(QuotaKind.RiskMonitoring, null, Rate(Monitoring, "风险监测"), null, null),
            };
            if (!string.IsNullOrWhiteSpace(FixedCount))
            {
                quotas.Add(new(QuotaKind.Fixed, FixedName, null, int.TryParse(FixedCount, out var n) ? n : 0, null));
            }

            var plan = await plans.CreateAsync(new SamplingPlans.PlanRequest(RegionCode ?? "", Year, null, quotas, null, null), ct);
            return Redirect($"/sampling/plans/{plan.Id}");
        }, () => LoadAsync(ct), underFields: false);
    }

    private static decimal? Rate(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
        : throw ShianProblemException.Invalid("sampling.plan-invalid", $"{what}份/千人“{text}”不是数字", new Dictionary<string, string[]> { ["quotas"] = [$"{what}份/千人“{text}”不是数字"] });

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await db.SamplingPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAtUtc).Take(100).ToListAsync(ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
        Mine = await plans.AllocationsAsync(ThisYear, ct);
    }
}
