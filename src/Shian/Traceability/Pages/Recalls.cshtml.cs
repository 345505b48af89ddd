using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Web;

namespace Shian.Traceability.Pages;

/// <summary>召回: the recalls of one's districts (or one's business), open ones first, and the district's 核查 tasks; a business or an officer opens one.</summary>
[Requires(TraceabilityPermissions.Read)]
public sealed class RecallsModel(ShianDb db, Recalls recalls, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Recall> List { get; private set; } = [];

    public IReadOnlyList<RecallTask> Tasks { get; private set; } = [];

    public DateTime Now { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanAct => User.Grants(TraceabilityPermissions.RecallAct);

    public bool CanSupervise => User.Grants(TraceabilityPermissions.RecallSupervise);

    public bool IsBusiness => db.Request.Scope.Uscc is not null;

    [BindProperty] public Guid? BusinessId { get; set; }

    [BindProperty] public string? ProductName { get; set; }

    [BindProperty] public string? Gtin { get; set; }

    [BindProperty] public string? Lot { get; set; }

    [BindProperty] public DateOnly? ProductionDate { get; set; }

    [BindProperty] public RecallLevel? Level { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid? businessId, CancellationToken ct)
    {
        BusinessId = businessId;
        await LoadAsync(ct);
    }

    [Requires(TraceabilityPermissions.RecallAct)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            var r = await recalls.OpenAsync(new Recalls.OpenRequest(BusinessId, ProductName, Gtin, Lot, ProductionDate, Level, Reason, null), ct);
            return Redirect($"/trace/recalls/{r.Id}");
        }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Today = ChinaTime.Today(clock);
        List = await db.Recalls.AsNoTracking()
            .OrderBy(r => r.Status == RecallStatus.Closed || r.Status == RecallStatus.Dismissed).ThenByDescending(r => r.CreatedAtUtc).Take(200).ToListAsync(ct);
        if (CanSupervise)
        {
            Tasks = await db.RecallTasks.AsNoTracking().Where(t => t.Status == RecallTaskStatus.Open).OrderByDescending(t => t.RecallNumber).Take(100).ToListAsync(ct);
        }
    }
}
