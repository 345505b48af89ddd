using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages;

/// <summary>暗访检查: the list of the caller's regions and, for coordinators, the form to record one.</summary>
[Requires(GovernancePermissions.IncognitoRead)]
public sealed class ChecksModel(ShianDb db, UnitCatalogService units, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IncognitoCheck> Checks { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanRecord => User.Grants(GovernancePermissions.Incognito);

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public DateOnly? CheckedOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public int Problems { get; set; }
    [BindProperty] public CheckRating Rating { get; set; } = CheckRating.Fair;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CheckedOn ??= Shian.Kernel.Calendar.ChinaTime.Today(clock);
        await LoadAsync(ct);
    }

    [Requires(GovernancePermissions.Incognito)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            await IncognitoChecksApi.RecordAsync(new IncognitoChecksApi.CheckRequest(RegionCode ?? "", null, CheckedOn ?? Shian.Kernel.Calendar.ChinaTime.Today(clock),
                Place ?? "", Findings ?? "", Problems, Rating), db, units, clock, ct);
            return Redirect("/governance/checks");
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Checks = await db.IncognitoChecks.AsNoTracking().OrderByDescending(c => c.CheckedOn).Take(200).ToListAsync(ct);
        var scope = db.Request.Scope;
        Regions = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Zone || r.Level == RegionLevel.Town || r.Level == RegionLevel.City).OrderBy(r => r.Code).ToListAsync(ct))
            .Where(r => scope.AllowsCreateIn(r.Code) && (scope.Unrestricted ? r.Level != RegionLevel.Town : true)).Take(400)];
        var codes = Checks.Select(c => c.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
