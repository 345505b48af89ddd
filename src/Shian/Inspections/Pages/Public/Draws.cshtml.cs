using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Inspections.Pages.Public;

/// <summary>双随机 一公开: every published draw, newest first, by year, each linking its list and how to verify it.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DrawsModel(ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InspectionsPublic.DrawSummary> Draws { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public int? Year { get; private set; }

    public int ThisYear { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        ThisYear = Kernel.Calendar.ChinaTime.Today(clock).Year;
        Year = year is >= 2000 and <= 2100 ? year : null;
        Draws = await InspectionsPublic.PublishedDrawsAsync(db, Year, 200, ct);
        var codes = Draws.Select(d => d.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    /// <summary>The published draws of the year asked (or all) as open data (CSV or .xlsx); regions by name.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? year, CancellationToken ct) => await (await SheetAsync(year, ct)).FileAsync("csv", "shian-draws", ct);

    public async Task<IActionResult> OnGetXlsxAsync(int? year, CancellationToken ct) => await (await SheetAsync(year, ct)).FileAsync("xlsx", "shian-draws", ct);

    private async Task<Kernel.Documents.Sheet> SheetAsync(int? year, CancellationToken ct)
    {
        await OnGetAsync(year, ct);
        return new(["名称", "区划", "抽取日期", "检查对象库户数", "抽取户数", "公示复核"],
            [.. Draws.Select(d => new[]
            {
                d.Title, RegionNames.GetValueOrDefault(d.RegionCode, ""), d.DrawnOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                d.PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Drawn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.VerifiedMatches switch { true => "复核一致", false => "复核不一致", null => "" },
            })]);
    }
}
