using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Traceability.Pages.Public;

/// <summary>
/// The consumer's 追溯码 page, at the GS1 Digital Link path of a lot (/01/{GTIN}/10/{lot}) so the QR code on the pack
/// opens it: where the lot came from and what was done to it, its published test results, and any published recall.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class LotModel(PublicTrace service) : PageModel
{
    public PublicTrace.LotView View { get; private set; } = null!;

    public string QrSvg { get; private set; } = "";

    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string gtin, string lot, CancellationToken ct)
    {
        var g = Kernel.Identifiers.Gtin.Normalize(gtin);
        if (g is null || string.IsNullOrWhiteSpace(lot) || lot.Length > 100)
        {
            return NotFound();
        }

        View = await service.LotAsync(g, lot, ct);
        Link = PublicTrace.DigitalLink($"{Request.Scheme}://{Request.Host}", g, lot);
        QrSvg = PublicTrace.QrSvg(Link);
        return Page();
    }
}
