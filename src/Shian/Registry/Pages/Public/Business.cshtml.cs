using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Calendar;
using Shian.Registry.Contracts;

namespace Shian.Registry.Pages.Public;

/// <summary>
/// One page per business for the public (UK FHRS and 国家企业信用信息公示系统 are the anchors): licence and validity, then
/// what each module publishes about it — inspection results in plain words with the business's reply, announced samples,
/// penalties within their publication period and list status, recalls.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class BusinessModel(PublicBusinessPage pages, TimeProvider clock) : PageModel
{
    public PublicBusiness Business { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PublicBusinessPage.Part> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await pages.LoadAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Business = view.Business;
        RegionName = string.Join(" ", new[] { view.District, view.Street }.OfType<string>());
        Parts = view.Parts;
        Today = ChinaTime.Today(clock);
        return Page();
    }
}
