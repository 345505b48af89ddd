using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Inspections.Pages.Admin;

/// <summary>检查表: every family's versions and items; a new version starts from the latest one's items and takes effect from a date.</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class ChecklistsModel(ChecklistBook book, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ChecklistVersion> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true), Display(Name = "类别")]
    public string? Family { get; set; }

    [BindProperty, Display(Name = "名称")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "检查项目")]
    public string? Items { get; set; }

    [BindProperty, Display(Name = "生效日期")]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty, Display(Name = "依据")]
    public string? Basis { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Family = Family is not null && Checklists.Families.ContainsKey(Family) ? Family : Checklists.Families.Keys.First();
        if (Versions.FirstOrDefault(v => v.Family == Family) is { } latest)
        {
            Name = latest.Name;
            Items = ChecklistText.Format(latest.ToChecklist().Items);
        }

        EffectiveFrom = Kernel.Calendar.ChinaTime.Today(clock).AddDays(1);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        var v = await book.AddAsync(Family, Name, Items, EffectiveFrom, Basis, ct);
        Saved = $"已新增《{v.Name}》第 {v.Version} 版，自 {v.EffectiveFrom:yyyy年M月d日} 起用于新的检查。";
        return RedirectToPage(new { family = v.Family });
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Versions = await book.VersionsAsync(ct);
}
