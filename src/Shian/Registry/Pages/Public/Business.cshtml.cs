using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Registry.Contracts;

namespace Shian.Registry.Pages.Public;

/// <summary>
/// One page per business for the public (UK FHRS and 国家企业信用信息公示系统 are the anchors): licence and validity, then
/// what each module publishes about it — inspection results in plain words with the business's reply, announced samples,
/// penalties within their publication period and list status, recalls.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class BusinessModel(IPublicRegister register, IEnumerable<IPublicBusinessSection> sections, ShianDb db, TimeProvider clock) : PageModel
{
    public PublicBusiness Business { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(string PartialView, object Model)> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await register.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }

        Business = business;
        Today = ChinaTime.Today(clock);
        // The place as a name (district, then street), never the raw 12-digit code.
        var county = business.RegionCode[..6] + "000000";
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == county || r.Code == business.RegionCode).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        RegionName = string.Join(" ", new[] { county, business.RegionCode }.Distinct().Select(c => names.GetValueOrDefault(c)).OfType<string>());
        var parts = new List<(string, object)>();
        foreach (var s in sections.OrderBy(s => s.Order))
        {
            if (await s.LoadAsync(business, ct) is { } model)
            {
                parts.Add((s.PartialView, model));
            }
        }

        Parts = parts;
        return Page();
    }
}
