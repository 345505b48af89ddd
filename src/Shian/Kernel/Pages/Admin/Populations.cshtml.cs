using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Kernel.Pages.Admin;

/// <summary>人口数据: which cities and counties lack a figure (a city's 抽检任务量 needs every one), a city's figures, enter or correct one.</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class PopulationsModel(Populations populations, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Populations.Row> Missing { get; private set; } = [];

    public IReadOnlyList<Region> Cities { get; private set; } = [];

    public IReadOnlyList<Populations.Row> CityRows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty, Display(Name = "年份")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "常住人口")]
    public long? Population { get; set; }

    [BindProperty, Display(Name = "来源")]
    public string? Source { get; set; }

    public int DefaultYear { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        var (figure, name) = await populations.SetAsync(Code ?? "", Year ?? 0, Population ?? 0, Source, ct);
        Saved = $"已保存：{name} {figure.Year} 年常住人口 {figure.Population:N0} 人。";
        return RedirectToPage(new { city = City });
    }, () => LoadAsync(ct), underFields: false);

    private async Task LoadAsync(CancellationToken ct)
    {
        DefaultYear = Calendar.ChinaTime.Today(clock).Year - 1;
        Missing = await populations.MissingAsync(ct);
        Cities = await populations.CitiesAsync(ct);
        if (City is not null && !Cities.Any(c => c.Code == City))
        {
            City = null;
        }

        City ??= Missing.Select(m => RegionCode.Ancestors(m.Region.Code).FirstOrDefault(a => Cities.Any(c => c.Code == a))).OfType<string>().FirstOrDefault()
            ?? Cities.FirstOrDefault()?.Code;
        CityRows = City is null ? [] : await populations.CityAsync(City, ct);
    }
}
