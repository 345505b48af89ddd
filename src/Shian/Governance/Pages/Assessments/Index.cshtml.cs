using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages.Assessments;

/// <summary>考核方案 of the caller's offices; coordinators create one per year (optionally from that year's plans).</summary>
[Requires(GovernancePermissions.Results)]
public sealed class IndexModel(Shian.Governance.AssessmentService assessments, ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AssessmentScheme> Schemes { get; private set; } = [];

    public IReadOnlyList<Region> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanManage => User.Grants(GovernancePermissions.Assess);

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public bool FromPlans { get; set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = Shian.Kernel.Calendar.ChinaTime.Today(clock).Year;
        await LoadAsync(ct);
    }

    [Requires(GovernancePermissions.Assess)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            var scheme = await assessments.CreateAsync(new Shian.Governance.AssessmentService.CreateRequest(RegionCode ?? "", Year, null, FromPlans), ct);
            return Redirect($"/governance/assessments/{scheme.Id}");
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Schemes = [.. (await assessments.SchemesAsync(ct)).Where(s => s.Status == AssessmentStatus.Published || User.Grants(GovernancePermissions.Assess))];
        Offices = await OfficeRegions.OfficesAsync(db, ct);
        var codes = Schemes.Select(s => s.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
