using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;

namespace Shian.Inspections.Pages;

/// <summary>
/// 今日任务: the signed-in inspector's visits still to do (draws, plans, campaigns, re-inspections), the most urgent first;
/// search by name, filter by street, purpose or overdue, 30 a page (usability finding 16: 184 visits in one list).
/// </summary>
[Requires(InspectionsPermissions.Inspect)]
public sealed class VisitsModel(ShianDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Streets (towns) of all the inspector's open visits, with their counts, for the filter.</summary>
    public IReadOnlyList<(string Code, string Name, int Count)> Streets { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Street { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // "page" is the route value Razor Pages reserves
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int AllOpen { get; private set; }

    public int OverdueCount { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = db.Request.UserId ?? "";
        Today = Kernel.Calendar.ChinaTime.Today(clock);

        // Due dates first (overdue on top), undated draw visits after; plan visits only from their period on.
        var today = Today;
        var mine = (await db.PlannedVisits.AsNoTracking().Where(v => v.Status == VisitStatus.Planned && v.InspectorIds.Contains(me) && (v.DueFrom == null || v.DueFrom <= today))
            .OrderBy(v => v.DueBy == null).ThenBy(v => v.DueBy).ThenBy(v => v.RegionCode).ThenBy(v => v.BusinessName).Take(5000).ToListAsync(ct))
            .Where(v => v.InspectorIds.Split(',').Contains(me)).ToList();
        AllOpen = mine.Count;
        OverdueCount = mine.Count(v => v.DueBy < today);
        var codes = mine.Select(v => v.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Streets = [.. mine.GroupBy(v => v.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, RegionNames.GetValueOrDefault(g.Key, ""), g.Count()))];

        IEnumerable<PlannedVisit> shown = mine;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            shown = shown.Where(v => v.BusinessName.Contains(Q.Trim(), StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(Street))
        {
            shown = shown.Where(v => v.RegionCode == Street);
        }

        if (StrictEnums.TryParse<VisitPurpose>(Purpose, out var purpose))
        {
            shown = shown.Where(v => v.Purpose == purpose);
        }

        if (Overdue)
        {
            shown = shown.Where(v => v.DueBy < today);
        }

        var list = shown.ToList();
        Total = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Visits = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public string PageUrl(int page) =>
        $"/inspections/visits?q={Uri.EscapeDataString(Q ?? "")}&street={Street}&purpose={Purpose}&overdue={Overdue.ToString().ToLowerInvariant()}&p={page}";
}
