using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Web;

namespace Shian.Complaints.Pages;

/// <summary>投诉举报: every channel in one list — searched, filtered, overdue first by its next statutory date; identities masked.</summary>
[Requires(ComplaintsPermissions.Read)]
public sealed class IndexModel(ComplaintQueries queries, ShianDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // Enum filters bind by name only (an unknown one is refused with a Chinese message, never ignored).
    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // "page" is reserved by Razor Pages
    public int PageNumber { get; set; } = 1;

    public ComplaintQueries.Page Result { get; private set; } = new([], 0, 0);

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today { get; private set; }

    public const int PageSize = 50;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Result = await queries.ListAsync(new ComplaintQueries.Filter(Q, Status, Kind, Category, Channel, Overdue, Math.Max(1, PageNumber), PageSize), ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }

    public string PageLink(int p) => $"/complaints?q={Uri.EscapeDataString(Q ?? "")}&status={Status}&kind={Kind}&category={Category}&channel={Channel}&overdue={Overdue}&p={p}#list";
}
