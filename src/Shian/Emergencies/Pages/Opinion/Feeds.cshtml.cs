using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages.Opinion;

/// <summary>舆情来源: the feeds of the caller's regions with their last run; new RSS/Atom sources and vendors' push keys (shown once); stop or resume one; fetch now.</summary>
[Requires(EmergenciesPermissions.OpinionRead)]
public sealed class FeedsModel(OpinionQueries queries, OpinionFeeds feeds, ShianDb db) : PageModel
{
    public IReadOnlyList<OpinionFeed> Feeds { get; private set; } = [];

    public IReadOnlyList<Region> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string? Form { get; private set; }

    public string? NewKey { get; private set; }

    public OpinionIntake.Outcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    [Requires(EmergenciesPermissions.OpinionFeeds)]
    public async Task<IActionResult> OnPostCreateAsync(OpinionFeedKind kind, string? regionCode, string? name, string? url, CancellationToken ct)
    {
        Form = "create";
        return await this.TryAsync(async () =>
        {
            NewKey = (await feeds.CreateAsync(kind, regionCode, name, url, ct)).Key;
            return await ShowAsync(ct);
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.OpinionFeeds)]
    public async Task<IActionResult> OnPostActiveAsync(Guid feedId, bool active, CancellationToken ct)
    {
        Form = "list";
        return await this.TryAsync(async () =>
        {
            await feeds.SetActiveAsync(feedId, active, ct);
            return Redirect("/opinion/feeds#list");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.OpinionIntake)]
    public async Task<IActionResult> OnPostFetchAsync(Guid feedId, CancellationToken ct)
    {
        Form = "list";
        return await this.TryAsync(async () =>
        {
            Outcome = await feeds.FetchAsync(feedId, ct);
            return await ShowAsync(ct);
        }, async () => await ShowAsync(ct), underFields: false);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Feeds = await queries.FeedsAsync(ct);
        Offices = await OfficeRegions.OfficesAsync(db, ct);
        var codes = Feeds.Select(f => f.RegionCode).Distinct().ToList();
        RegionNames = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Regions.Where(r => codes.Contains(r.Code)), r => r.Code, r => r.Name, ct);
        return Page();
    }
}
