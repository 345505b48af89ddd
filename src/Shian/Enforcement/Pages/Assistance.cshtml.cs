using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Enforcement.Pages;

/// <summary>
/// 协查: the 协助调查函 and 上下游通报 this district received (pending first by date due), the requests its cases sent, and the
/// year's 协办率 and 警力支援到位率 by county (seed 001: 案件协办率 100 %, 24 小时警力支撑).
/// </summary>
[Requires(EnforcementPermissions.Read)]
public sealed class AssistanceModel(AssistanceDesk desk, ShianDb db, TimeProvider clock) : PageModel
{
    public AssistanceDesk.Page Result { get; private set; } = null!;

    public AssistanceDesk.Direction Direction { get; private set; }

    public AssistanceStatus? Status { get; private set; }

    public bool Overdue { get; private set; }

    public int PageNumber { get; private set; }

    public int Year { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AssistanceDesk.Rate> Rates { get; private set; } = [];

    public IReadOnlyList<AssistanceDesk.Rate> Police { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(AssistanceDesk.Direction? direction, AssistanceStatus? status, bool overdue, int p, CancellationToken ct)
    {
        (Direction, Status, Overdue, PageNumber) = (direction ?? AssistanceDesk.Direction.Incoming, status, overdue, Math.Max(1, p));
        Today = ChinaTime.Today(clock);
        Year = Today.Year;
        Result = await desk.ListAsync(Direction, Status, Overdue, PageNumber, ct);
        (Rates, Police) = await desk.RatesAsync(Year, ct);
        var codes = Rates.Select(r => r.County).Concat(Police.Select(r => r.County))
            .Concat(Result.Rows.Select(r => Kernel.Regions.RegionCode.CountyOf(r.CaseRegionCode) ?? r.CaseRegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    public string Name(string code) => RegionNames.GetValueOrDefault(Kernel.Regions.RegionCode.CountyOf(code) ?? code, code);

    public string PageLink(int page) => $"/enforcement/assistance?direction={Direction}&status={Status}&overdue={Overdue}&p={page}#list";

    public static string Percent(int part, int whole) => whole == 0 ? "—" : $"{100m * part / whole:0.#}%";
}
