using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Kernel.Users;

namespace Shian.Governance.Pages;

[Requires(GovernancePermissions.Read)]
public sealed class PlansModel(GovernanceQueries queries, ShianDb db) : PageModel
{
    public IReadOnlyList<GovernanceQueries.PlanSummary> Plans { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await queries.PlansAsync(ct);
        var codes = Plans.Select(p => p.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
