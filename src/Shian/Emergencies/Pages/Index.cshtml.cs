using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Emergencies.Pages;

/// <summary>应急: the incidents of the caller's regions — open first, by the next upward report's hour — with the year's rates.</summary>
[Requires(EmergenciesPermissions.Read)]
public sealed class IndexModel(IncidentQueries queries, ShianDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public IncidentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public IncidentQueries.Page Result { get; private set; } = new([], 0, 0, 0);

    public IReadOnlyList<IncidentQueries.Rates> Rates { get; private set; } = [];

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
        Result = await queries.ListAsync(Status, Overdue, Math.Max(1, PageNumber), PageSize, ct);
        Rates = await queries.RatesAsync(new DateOnly(today.Year, 1, 1), today.AddDays(1), ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Concat(Rates.Select(r => r.RegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    public string PageLink(int p) => $"/emergencies?status={Status}&overdue={Overdue}&p={p}#list";
}
