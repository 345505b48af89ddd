using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Kernel.Pages.Admin;

/// <summary>单位与别名: find a unit, correct it, add an alias; review the names people mapped in plan imports (改指 or 删除).</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class UnitsModel(UnitAdmin units, Data.ShianDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mapped { get; set; }

    public IReadOnlyList<UnitAdmin.Row> Rows { get; private set; } = [];

    public IReadOnlyList<Region> Cities { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>For re-pointing a mapped alias: the units of each region that has one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Unit>> Choices { get; private set; } = new Dictionary<string, IReadOnlyList<Unit>>();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Request.QueryString.HasValue is false)
        {
            Mapped = true; // first visit: the names people mapped, which is what needs review
        }

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostUnitAsync(string key, string? name, string? shortName, bool committeeMember, string? note, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            var unit = await units.UpdateAsync(key, name, shortName, committeeMember, note, ct);
            return Back($"已保存：{unit.Name}");
        }, () => LoadAsync(ct), underFields: false);

    public Task<IActionResult> OnPostAliasAsync(string key, [Display(Name = "别名")] string? alias, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            var row = await units.AddAliasAsync(key, alias, ct);
            return Back($"已添加别名“{row.Alias}”");
        }, () => LoadAsync(ct), underFields: false);

    public Task<IActionResult> OnPostRepointAsync(long id, string? target, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            var row = await units.RepointAliasAsync(id, target ?? "", ct);
            var name = await db.Units.AsNoTracking().Where(u => u.Key == row.UnitKey).Select(u => u.Name).FirstAsync(ct);
            return Back($"“{row.Alias}”已改指{name}");
        }, () => LoadAsync(ct), underFields: false);

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            var row = await units.DeleteAliasAsync(id, ct);
            return Back($"已删除别名“{row.Alias}”，下次导入时该名称需重新指定");
        }, () => LoadAsync(ct), underFields: false);

    private RedirectToPageResult Back(string message)
    {
        Saved = message;
        return RedirectToPage(new { q = Q, region = Region, mapped = Mapped });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).ToListAsync(ct);
        Rows = await units.SearchAsync(Q, Region, Mapped, 100, ct);
        var codes = Rows.Select(r => r.Unit.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var withMapped = Rows.Where(r => r.Aliases.Any(a => a.Origin == UnitAliasOrigin.Mapped)).Select(r => r.Unit.RegionCode).Distinct().ToList();
        var choices = new Dictionary<string, IReadOnlyList<Unit>>();
        foreach (var code in withMapped)
        {
            choices[code] = await units.UnitsOfAsync(code, ct);
        }

        Choices = choices;
    }
}
