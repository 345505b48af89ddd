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
        Kind = Enum.GetValues<BulletinKind>().Where(k => k.ToString() == kind).Select(k => (BulletinKind?)k).FirstOrDefault();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 50)];
        Number = Math.Clamp(page ?? 1, 1, 1000);
        Result = await bulletins.ListAsync(Kind, Q, Number, PageSize, ct);
    }
}
