using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints;
using Shian.Data;

namespace Shian.Complaints.Pages.Public;

/// <summary>举报奖励公示: paid awards by month, district, category and amount — without identity (seed 002: 兑奖程序公开).</summary>
[AllowAnonymous]
public sealed class RewardsModel(Rewards rewards, ShianDb db) : PageModel
{
    public IReadOnlyList<Rewards.PublicAward> List { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await rewards.PublishedAsync(200, ct);
        var counties = List.Select(a => Kernel.Regions.RegionCode.CountyOf(a.RegionCode) ?? a.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => counties.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
