using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>信用奖惩联动 for the administrator: query keys for other departments' systems, the query log, and the push file.</summary>
[Requires(CreditPermissions.Exchange)]
public sealed class ExchangeModel(CreditExchange exchange, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CreditApiKey> Keys { get; private set; } = [];

    public IReadOnlyList<CreditExchange.QueryLogRow> Log { get; private set; } = [];

    public CreditExchange.IssuedKey? Issued { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostIssueAsync(string? holder, string? purpose, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            Issued = await exchange.IssueAsync(holder, purpose, ct);
            await LoadAsync(ct);
            return Page();
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, CancellationToken ct)
    {
        await exchange.RevokeKeyAsync(keyId, ct);
        return Redirect("/credit/exchange#keys");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Keys = await exchange.KeysAsync(ct);
        Log = await exchange.LogAsync(50, ct);
    }
}
