using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Pages.Public;

/// <summary>The published recalls (召回公告), newest first, or one of them.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class RecallsModel(PublicTrace service) : PageModel
{
    public IReadOnlyList<Recall> List { get; private set; } = [];

    public Recall? One { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid g)
        {
            One = await service.PublishedOneAsync(g, ct);
            return One is null ? NotFound() : Page();
        }

        List = await service.PublishedAsync(100, ct);
        return Page();
    }

    /// <summary>The published recalls as open data (CSV or .xlsx).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("csv", "shian-recalls", ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("xlsx", "shian-recalls", ct);

    private async Task<Kernel.Documents.Sheet> SheetAsync(CancellationToken ct) => new(
        ["召回编号", "企业", "产品", "商品条码", "批次", "召回级别", "状态", "原因", "发布日期"],
        [.. (await service.PublishedAsync(5000, ct)).Select(r => new[]
        {
            r.Number, r.BusinessName, r.ProductName, r.Gtin ?? "", r.Lot ?? "", r.Level is { } l ? Rules.RecallClock.Label(l) : "", Rules.RecallClock.Label(r.Status), r.Reason,
            r.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        })]);
}
