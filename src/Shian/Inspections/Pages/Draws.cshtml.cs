using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Contracts;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Inspections.Pages;

/// <summary>The preview of a draw, or why its conditions are wrong.</summary>
public sealed record DrawPreviewView(Rules.DrawPreview? Preview, string? Error);

/// <summary>双随机抽查: the draws of the caller's regions and, for officers and coordinators, the form to run one.</summary>
[Requires(InspectionsPermissions.Read)]
public sealed class DrawsModel(Draws draws, ShianDb db) : PageModel
{
    public IReadOnlyList<Shian.Inspections.Domain.Draw> List { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public bool CanDraw => User.Grants(InspectionsPermissions.Draw);

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string Percent { get; set; } = "20";
    [BindProperty] public List<BusinessKind> Kinds { get; set; } = [];
    [BindProperty] public List<string> Grades { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>htmx: what a draw with the form's conditions would take, shown before the irreversible 抽取.</summary>
    [Requires(InspectionsPermissions.Draw)]
    public async Task<IActionResult> OnGetPreviewAsync(string? regionCode, string? percent, List<BusinessKind>? kinds, List<string>? grades, CancellationToken ct)
    {
        if (!decimal.TryParse(percent, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            return Partial("_DrawPreview", new DrawPreviewView(null, $"抽取比例“{percent}”不是数字"));
        }

        try
        {
            return Partial("_DrawPreview", new DrawPreviewView(await draws.PreviewAsync(new Draws.DrawRequestBody(regionCode ?? "", p, null, kinds, grades), ct), null));
        }
        catch (ShianProblemException e)
        {
            return Partial("_DrawPreview", new DrawPreviewView(null, e.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? e.Message));
        }
    }

    [Requires(InspectionsPermissions.Draw)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!decimal.TryParse(Percent, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            ModelState.AddModelError(nameof(Percent), $"抽取比例“{Percent}”不是数字");
            await LoadAsync(ct);
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            var draw = await draws.RunAsync(new Draws.DrawRequestBody(RegionCode ?? "", percent, null, Kinds, Grades), ct);
            return Redirect($"/inspections/draws/{draw.Id}");
        }, () => LoadAsync(ct), underFields: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await db.Draws.AsNoTracking().OrderByDescending(d => d.CreatedAtUtc).Take(100).ToListAsync(ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
        var codes = List.Select(d => d.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
