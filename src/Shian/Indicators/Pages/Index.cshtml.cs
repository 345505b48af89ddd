using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Indicators.Pages;

/// <summary>指标看板: every indicator of a region and year against the targets of that year's plans; each tile opens its drill-down.</summary>
[Requires(IndicatorsPermissions.Read)]
public sealed class IndexModel(IndicatorValues values, ShianDb db, IOptions<ShianOptions> shian) : PageModel
{
    public IndicatorValues.Board Board { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool CanEnter => User.Grants(IndicatorsPermissions.Enter);

    public async Task<IActionResult> OnGetAsync(string? region, int? year, CancellationToken ct)
    {
        if (await IndicatorsModule.RegionOrNullAsync(region, db, shian.Value, ct) is not { } code)
        {
            return NotFound();
        }

        var today = values.Today;
        var y = year is int v && v >= 2000 && v <= today.Year ? v : today.Year;
        Years = [.. Enumerable.Range(today.Year - 4, 5).Reverse()];
        Board = await values.BoardAsync(code, y, ct);
        Regions = await RegionChoicesAsync(db, code, ct);
        return Page();
    }

    public static Task<IReadOnlyList<(string Code, string Name)>> RegionChoicesAsync(ShianDb db, string code, CancellationToken ct) =>
        Web.RegionChoices.AroundAsync(db, code, ct);
}
