using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Registry;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry.Pages;

/// <summary>经营者名录: search by name/USCC/licence, filter by region, kind, status and expiring licences (all in the URL), page, export.</summary>
[Requires(RegistryPermissions.Read)]
public sealed class IndexModel(RegistryService registry, ShianDb db, TimeProvider clock) : PageModel
{
    public RegistryService.PageOf Result { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<(string Code, string Name)> Districts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Q { get; private set; }
    public string? Region { get; private set; }
    public BusinessKind? Kind { get; private set; }
    public BusinessStatus? Status { get; private set; }
    public bool Expiring { get; private set; }

    public async Task OnGetAsync(string? q, string? region, BusinessKind? kind, BusinessStatus? status, bool expiring, int page = 1, CancellationToken ct = default)
    {
        (Q, Region, Kind, Status, Expiring) = (q, region, kind, status, expiring);
        Today = Kernel.Calendar.ChinaTime.Today(clock);
        Result = await registry.SearchAsync(new RegistryService.Query(q, region, kind, status, expiring ? true : null, page, 50), ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var scope = db.Request.Scope;
        Districts = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == Kernel.Regions.RegionLevel.County || r.Level == Kernel.Regions.RegionLevel.Town)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct))
            .Where(r => scope.Allows(r.Code) && (r.Level == Kernel.Regions.RegionLevel.County || !scope.Unrestricted)).Take(300).Select(r => (r.Code, r.Name))];
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["region"] = Region, ["kind"] = Kind?.ToString(), ["status"] = Status?.ToString(), ["expiring"] = Expiring ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToString();

    public string ExportUrl => "/api/v1/businesses/export.xlsx" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["regionCode"] = Region, ["kind"] = Kind?.ToString(), ["status"] = Status?.ToString(), ["licenceExpiring"] = Expiring ? "true" : null,
    }.Where(kv => kv.Value is not null)).ToString();
}
