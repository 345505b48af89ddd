using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Credit.Pages.Public;

/// <summary>行政处罚信息公示: penalties now in their publication period, searchable by party or decision number; CSV for open data.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class PenaltiesModel(CreditPublic service) : PageModel
{
    public CreditPublic.PenaltyPage Result { get; private set; } = null!;

    public string? Q { get; private set; }

    public int Pages => Math.Max(1, (Result.Total + CreditPublic.PageSize - 1) / CreditPublic.PageSize);

    public async Task OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        Q = q?.Trim() is { Length: > 0 and <= 100 } text ? text : null;
        Result = await service.PenaltiesAsync(Q, page ?? 1, CreditPublic.PageSize, ct);
    }

    /// <summary>The whole current list as CSV (UTF-8 with BOM) or .xlsx.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await SheetAsync("csv", ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await SheetAsync("xlsx", ct);

    private async Task<IActionResult> SheetAsync(string format, CancellationToken ct) =>
        await CreditPublic.PenaltiesSheet((await service.PenaltiesAsync(null, 1, 5000, ct)).Rows).FileAsync(format, "shian-penalties", ct);

    public string PageUrl(int n) => $"/public/penalties?page={n}" + (Q is null ? "" : "&q=" + Uri.EscapeDataString(Q));
}
