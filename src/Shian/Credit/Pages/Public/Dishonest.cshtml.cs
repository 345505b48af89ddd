using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Credit.Pages.Public;

/// <summary>严重违法失信名单 as it stands today (Order 44); CSV for open data.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DishonestModel(CreditPublic service) : PageModel
{
    public IReadOnlyList<CreditPublic.ListingRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await service.ListedAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await CreditPublic.ListingsCsvAsync(await service.ListedAsync(ct), ct), "text/csv; charset=utf-8", "shian-serious-dishonesty-list.csv");
}
