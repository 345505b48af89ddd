using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Bulletins.Domain;

namespace Shian.Bulletins.Pages.Public;

/// <summary>信息发布 for the public: published tips, alerts, notices and news, newest first; by kind and title words.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(PublicBulletins bulletins) : PageModel
{
    public const int PageSize = 20;

    public PublicBulletins.Page Result { get; private set; } = new([], 0);

    public BulletinKind? Kind { get; private set; }

    public string? Q { get; private set; }

    public int Number { get; private set; }

    public string PageUrl(int page) => $"/public/bulletins?page={page}" + (Kind is { } k ? $"&kind={k}" : "") + (string.IsNullOrEmpty(Q) ? "" : "&q=" + Uri.EscapeDataString(Q));

    public async Task OnGetAsync(string? kind, string? q, int? page, CancellationToken ct)
    {
        Kind = Web.FormValues.Choice<BulletinKind>(kind);
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 50)];
        Number = Math.Clamp(page ?? 1, 1, 1000);
        Result = await bulletins.ListAsync(Kind, Q, Number, PageSize, ct);
    }

    /// <summary>Every published bulletin as open data (CSV or .xlsx).</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("csv", "shian-bulletins", ct);

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetXlsxAsync(CancellationToken ct) => await (await SheetAsync(ct)).FileAsync("xlsx", "shian-bulletins", ct);

    private async Task<Kernel.Documents.Sheet> SheetAsync(CancellationToken ct) => new(
        ["类别", "标题", "发布单位", "发布日期", "正文"],
        [.. (await bulletins.ListAsync(null, null, 1, 5000, ct)).Items.Select(b => new[]
            { BulletinDesk.KindNames[b.Kind], b.Title, b.Office, b.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), b.Body })]);
}
