using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages;

/// <summary>信息直报网络: coverage of the streets (a treemap: green with a reporter, red without), the points and their reporters.</summary>
[Requires(EmergenciesPermissions.Read)]
public sealed class NetworkModel(ReportingNetwork network, ShianDb db, Registry.Contracts.IPublicRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Within { get; set; }

    public ReportingNetwork.Coverage Coverage { get; private set; } = new([], 0);

    public IReadOnlyList<ReportingNetwork.PointRow> Points { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Region> Towns { get; private set; } = [];

    public string? Form { get; private set; }

    public bool CanManage => User.Grants(EmergenciesPermissions.Network);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The register lookup for a key site's business (htmx).</summary>
    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnGetBusinessesAsync(string? businessName, CancellationToken ct)
    {
        var q = businessName?.Trim();
        var matches = q is { Length: >= 2 } ? await register.SearchAsync(q, 8, ct) : [];
        return Partial("/Emergencies/Pages/Shared/_IncidentBusinessMatches.cshtml", (q, matches, (Guid?)null));
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostPointAsync(ReportingPointKind kind, string? regionCode, string? name, Guid? businessId, CancellationToken ct)
    {
        Form = "points";
        return await this.TryAsync(async () =>
        {
            await network.AddPointAsync(kind, string.IsNullOrEmpty(regionCode) ? null : regionCode, name, businessId, ct);
            return Redirect($"/emergencies/network?within={Within}#points");
        }, () => LoadAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostReporterAsync(Guid pointId, string? userName, string? phone, CancellationToken ct)
    {
        Form = "points";
        return await this.TryAsync(async () =>
        {
            await network.AddReporterAsync(pointId, userName, phone, ct);
            return Redirect($"/emergencies/network?within={Within}#point-{pointId}");
        }, () => LoadAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostRemoveReporterAsync(Guid pointId, Guid reporterId, CancellationToken ct)
    {
        Form = "points";
        return await this.TryAsync(async () =>
        {
            await network.RemoveReporterAsync(pointId, reporterId, ct);
            return Redirect($"/emergencies/network?within={Within}#point-{pointId}");
        }, () => LoadAsync(ct), underFields: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var within = Within is not null && RegionCode.IsValid(Within) ? Within : null;
        Coverage = await network.CoverageAsync(within, ct);
        Points = await network.PointsAsync(within, ct);
        var codes = Coverage.Streets.Select(s => s.CountyCode).Concat(Points.Select(p => p.Point.RegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Towns = CanManage ? await OfficeRegions.ForAsync(db, [RegionLevel.Town], 1000, ct) : [];
    }
}
