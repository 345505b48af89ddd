using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Regions;

/// <summary>The region tree, one level at a time (htmx loads the children of a row when it is opened).</summary>
[Requires(KernelPermissions.Reference)]
public sealed class IndexModel(ShianDb db) : PageModel
{
    public sealed record Row(Region Region, bool HasChildren, long? Population);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await RowsAsync(null, ct);
    }

    public async Task<IActionResult> OnGetChildrenAsync(string code, CancellationToken ct)
    {
        if (!RegionCode.IsValid(code))
        {
            return BadRequest();
        }

        Rows = await RowsAsync(code, ct);
        return Partial("_Rows", this);
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(string? parent, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.ParentCode == parent).OrderBy(r => r.Code).ToListAsync(ct);
        var codes = regions.Select(r => r.Code).ToList();
        var withChildren = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && codes.Contains(r.ParentCode)).Select(r => r.ParentCode!).Distinct().ToListAsync(ct);
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => codes.Contains(f.RegionCode)).ToListAsync(ct);
        return [.. regions.Select(r => new Row(r, withChildren.Contains(r.Code), figures.Where(f => f.RegionCode == r.Code).OrderByDescending(f => f.Year).FirstOrDefault()?.Population))];
    }
}
