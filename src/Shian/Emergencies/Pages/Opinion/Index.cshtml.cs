using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Emergencies.Pages.Opinion;

/// <summary>舆情预警: the alerts of the caller's regions — open first — each with its next step's clock; the year's rates per county.</summary>
[Requires(EmergenciesPermissions.OpinionRead)]
public sealed class IndexModel(OpinionQueries queries, ShianDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public OpinionAlertStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public OpinionQueries.AlertPage Result { get; private set; } = new([], 0, 0, 0);

    public IReadOnlyList<OpinionQueries.Rates> Rates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public DateTime NowUtc { get; private set; }

    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Status = null;
        }

        NowUtc = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        Year = today.Year;
        Result = await queries.AlertsAsync(Status, Overdue, Math.Max(1, PageNumber), PageSize, ct);
        Rates = await queries.RatesAsync(new DateOnly(Year, 1, 1), new DateOnly(Year + 1, 1, 1), ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Concat(Rates.Select(r => r.RegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    public string PageLink(int p) => $"/opinion?status={Status}&overdue={Overdue}&p={p}#list";
}
