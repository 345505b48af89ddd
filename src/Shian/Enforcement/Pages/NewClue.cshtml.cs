using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>A clue entered by hand: transferred, 上级交办 or found in the field.</summary>
[Requires(EnforcementPermissions.Handle)]
public sealed class NewClueModel(Clues clues, ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public CaseClueSource Source { get; set; } = CaseClueSource.Field;

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public string? BusinessName { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? FromWhom { get; set; }

    [BindProperty]
    public DateOnly? FoundOn { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        FoundOn = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            var id = await clues.AddAsync(new Clues.ManualClue(Source, RegionCode, null, BusinessName, Summary, FromWhom, FoundOn), ct);
            return Redirect($"/enforcement/clues/{id}");
        }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var scope = db.Request.Scope;
        Regions = [.. (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town).OrderBy(r => r.Code).ToListAsync(ct))
            .Where(r => scope.AllowsCreateIn(r.Code))];
    }
}
