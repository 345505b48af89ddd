using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;

namespace Shian.Inspections.Pages.Public;

/// <summary>一公开: a published draw's list for everyone (names and places, no inspectors), with how to verify it.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DrawModel(ShianDb db) : PageModel
{
    public Draw Draw { get; private set; } = null!;

    public IReadOnlyList<(string Name, string Region)> Businesses { get; private set; } = [];

    public string RegionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Shian.Inspections.InspectionsPublic.PublishedDrawAsync(db, id, ct) is not { } published)
        {
            return NotFound();
        }

        var (draw, visits) = published;
        Draw = draw;
        var codes = visits.Select(v => v.RegionCode).Append(draw.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        RegionName = names.GetValueOrDefault(draw.RegionCode, "");
        Businesses = [.. visits.Select(v => (v.BusinessName, names.GetValueOrDefault(v.RegionCode, ""))).OrderBy(v => v.Item2).ThenBy(v => v.BusinessName)];
        return Page();
    }
}
