using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>登记守信记录: an honour or an integrity evaluation of a business of the officer's regions.</summary>
[Requires(CreditPermissions.Handle)]
public sealed class NewRecordModel(CreditRecords records, IBusinessDirectory directory, TimeProvider clock) : PageModel
{
    public BusinessFacts Business { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid businessId, CancellationToken ct) => await LoadAsync(businessId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid businessId, CreditRecordKind kind, DateOnly? on, string? summary, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            await records.AddGoodAsync(businessId, kind, on, summary, ct);
            return Redirect($"/registry/{businessId}#credit");
        }, async () => await LoadAsync(businessId, ct) ? Page() : NotFound());

    private async Task<bool> LoadAsync(Guid businessId, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Business = (await directory.FindAsync([businessId], ct)).FirstOrDefault()!;
        return Business is not null;
    }
}
