using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>快检: the recent rapid tests (positives without a lab sample flagged, with a link to take one) and the phone form to record one.</summary>
[Requires(SamplingPermissions.Read)]
public sealed class RapidTestsModel(ShianDb db, RapidTests rapid) : PageModel
{
    public IReadOnlyList<RapidTest> List { get; private set; } = [];

    public IReadOnlyList<Region> Towns { get; private set; } = [];

    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? ProductName { get; set; }
    [BindProperty] public string? Item { get; set; } = "有机磷和氨基甲酸酯类农药残留（酶抑制率法）";
    [BindProperty] public RapidResult Result { get; set; }
    [BindProperty] public string? Reading { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(SamplingPermissions.Sample)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            await rapid.RecordAsync(new RapidTests.RapidRequest(RegionCode, null, Place, ProductName, Item, Result, Reading, null), ct);
            return Redirect("/sampling/rapid-tests");
        }, () => LoadAsync(ct), underFields: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await db.RapidTests.AsNoTracking().OrderByDescending(t => t.TestedAtUtc).Take(100).ToListAsync(ct);
        Towns = await OfficeRegions.ForAsync(db, [RegionLevel.County, RegionLevel.Town], 200, ct);
    }
}
