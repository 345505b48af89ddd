using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Credit.Pages.Public;

/// <summary>严重违法失信名单 as it stands today (Order 44); CSV for open data.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DishonestModel(CreditPublic service) : PageModel
{
    public IReadOnlyList<CreditPublic.ListingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await service.ListedAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await CreditPublic.ListingsSheet(await service.ListedAsync(ct)).FileAsync("csv", "shian-serious-dishonesty-list", ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await CreditPublic.ListingsSheet(await service.ListedAsync(ct)).FileAsync("xlsx", "shian-serious-dishonesty-list", ct);
}
