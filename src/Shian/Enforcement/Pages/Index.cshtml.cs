using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Enforcement.Pages;

/// <summary>案件线索: every clue of the caller's regions, undecided ones first by their 立案 due date.</summary>
[Requires(EnforcementPermissions.Read)]
public sealed class IndexModel(EnforcementQueries queries, ShianDb db, TimeProvider clock) : PageModel
{
    public EnforcementQueries.CluePage Result { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today { get; private set; }

    public bool Open { get; private set; }

    public bool Overdue { get; private set; }

    public ClueStatus? Status { get; private set; }

    public int PageNumber { get; private set; }

    public async Task OnGetAsync(bool open, bool overdue, ClueStatus? status, int p, CancellationToken ct)
    {
        (Open, Overdue, Status, PageNumber) = (open, overdue, status, Math.Max(1, p));
        Today = ChinaTime.Today(clock);
        Result = await queries.CluesAsync(status, open, overdue, PageNumber, ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    public string PageLink(int page) => $"/enforcement?open={Open}&overdue={Overdue}&status={Status}&p={page}";
}
