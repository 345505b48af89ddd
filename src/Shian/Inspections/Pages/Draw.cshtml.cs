using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;

namespace Shian.Inspections.Pages;

/// <summary>One draw: the list with inspectors, the seed and pool hash, a re-run check, and publication (一公开).</summary>
[Requires(InspectionsPermissions.Read)]
public sealed class DrawModel(Draws draws, ShianDb db, Quartz.ISchedulerFactory schedulers) : PageModel
{
    public Draw Draw { get; private set; } = null!;

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public Draws.Verification? Verification { get; private set; }

    /// <summary>The publish button: the drawing office, with the permission to plan inspections.</summary>
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Verification = await draws.VerifyAsync(id, false, ct);
        return Page();
    }

    /// <summary>重新核验: queued (a city draw takes seconds of CPU); the page then polls <see cref="OnGetVerificationAsync"/>.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        if (await draws.RequestVerificationAsync(id, schedulers, ct) is null)
        {
            return NotFound();
        }

        return Redirect($"/inspections/draws/{id}#verification");
    }

    /// <summary>The verification line alone (htmx polls it while a re-run is queued or running).</summary>
    public async Task<IActionResult> OnGetVerificationAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Verification = await draws.VerifyAsync(id, false, ct);
        return Partial("_DrawVerification", this);
    }

    [Requires(InspectionsPermissions.Draw)]
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

        await draws.PublishAsync(id, ct);
        return Redirect($"/inspections/draws/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await draws.FindAsync(id, ct);
        if (found is null)
        {
            return false;
        }

        var (draw, visits) = found.Value;

        Draw = draw;
        Visits = visits;
        CanPublish = draw.PublishedAtUtc is null && draws.MayPublish(draw) && User.Grants(InspectionsPermissions.Draw);
        var codes = Visits.Select(v => v.RegionCode).Append(draw.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return true;
    }
}
