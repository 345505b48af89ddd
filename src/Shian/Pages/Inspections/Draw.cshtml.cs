using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Domain;
using Shian.Kernel.Scoping;

namespace Shian.Pages.Inspections;

/// <summary>One draw: the list with inspectors, the seed and pool hash, a re-run check, and publication (一公开).</summary>
public sealed class DrawModel(Draws draws, ShianDb db, TimeProvider clock) : PageModel
{
    public Draw Draw { get; private set; } = null!;

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public Draws.Verification? Verification { get; private set; }

    public bool CanPublish => Draw.PublishedAtUtc is null && db.Request.Scope.AllowsCreateIn(Draw.RegionCode)
        && (User.IsInRole(Kernel.Users.ShianRoles.Officer) || User.IsInRole(Kernel.Users.ShianRoles.Coordinator) || User.IsInRole(Kernel.Users.ShianRoles.Admin));

    public async Task<IActionResult> OnGetAsync(Guid id, bool verify, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (verify)
        {
            Verification = await draws.VerifyAsync(id, false, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanPublish)
        {
            return Forbid();
        }

        var tracked = await db.Draws.SingleAsync(d => d.Id == id, ct);
        tracked.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Redirect($"/inspections/draws/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null)
        {
            return false;
        }

        Draw = draw;
        Visits = await db.PlannedVisits.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(v => v.DrawId == id).OrderBy(v => v.RegionCode).ThenBy(v => v.BusinessName).ToListAsync(ct);
        var codes = Visits.Select(v => v.RegionCode).Append(draw.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return true;
    }
}
