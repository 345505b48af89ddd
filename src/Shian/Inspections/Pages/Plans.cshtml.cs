using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Inspections.Pages;

/// <summary>检查计划: the caller's risk-based plans and campaigns, and the forms to make one (a yearly plan, a campaign).</summary>
[Requires(InspectionsPermissions.Read)]
public sealed class PlansModel(VisitPlans plans, ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InspectionPlan> List { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanPlan => User.Grants(InspectionsPermissions.Plan);

    public int ThisYear => ChinaTime.Today(clock).Year;

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public CampaignKind Campaign { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public List<BusinessKind> Kinds { get; set; } = [];
    [BindProperty] public List<string> Places { get; set; } = [];
    [BindProperty] public List<string> Grades { get; set; } = [];

    /// <summary>Which form was sent, so its errors show under it.</summary>
    public string? Form { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = ThisYear;
        await LoadAsync(ct);
    }

    [Requires(InspectionsPermissions.Plan)]
    public Task<IActionResult> OnPostRiskAsync(CancellationToken ct) =>
        RunAsync("risk", async () => (await plans.CreateRiskPlanAsync(new VisitPlans.RiskPlanRequest(RegionCode ?? "", Year, null), ct)).Id, ct);

    [Requires(InspectionsPermissions.Plan)]
    public Task<IActionResult> OnPostCampaignAsync(CancellationToken ct)
    {
        if (StartsOn is null || EndsOn is null)
        {
            ModelState.AddModelError(StartsOn is null ? nameof(StartsOn) : nameof(EndsOn), "请填写专项检查的起止日期");
            return RunAsync("campaign", () => Task.FromResult<Guid?>(null), ct);
        }

        return RunAsync("campaign", async () => (await plans.CreateCampaignAsync(new VisitPlans.CampaignRequest(RegionCode ?? "", Campaign, Title, StartsOn.Value, EndsOn.Value,
            Kinds, Places, null, Grades, null), ct)).Id, ct);
    }

    private async Task<IActionResult> RunAsync(string form, Func<Task<Guid?>> create, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            if (ModelState.ErrorCount == 0 && await create() is Guid id)
            {
                return Redirect($"/inspections/plans/{id}");
            }

            await LoadAsync(ct);
            return Page();
        }, () => LoadAsync(ct), underFields: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await db.InspectionPlans.AsNoTracking().OrderByDescending(p => p.CreatedAtUtc).Take(100).ToListAsync(ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
        var codes = List.Select(d => d.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
