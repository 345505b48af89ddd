using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>
/// 我的信用: the business's penalty publications and serious-dishonesty listings; inside their windows, its 陈述申辩 on a
/// listing notice and its 信用修复 applications, decided by the office on the statutory clock.
/// </summary>
[Requires(CreditPermissions.Own)]
public sealed class MineModel(CreditMine mine, Publications publications, Listings listings, TimeProvider clock) : PageModel
{
    public const string ListingRepair = "RepairListing";

    public const string PublicationRepair = "RepairPublication";

    public CreditMine.Mine Records { get; private set; } = new([], []);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Records = await mine.OfAsync(User.FindFirstValue(ShianClaims.Uscc) ?? "", Today, ct);
    }

    public Task<IActionResult> OnPostStatementAsync(Guid id, string? statement, bool hearing, CancellationToken ct) => this.TryAsync(async () =>
    {
        await listings.StatementAsync(id, statement, hearing, ct);
        return Redirect($"/credit/mine?done=statement#listing-{id}");
    }, async () => await OnGetAsync(ct));

    public Task<IActionResult> OnPostRepairPublicationAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct) => this.TryAsync(async () =>
    {
        await publications.ApplyRepairAsync(id, application, harmRemoved, ct);
        return Redirect($"/credit/mine?done=repair#publication-{id}");
    }, async () => await OnGetAsync(ct));

    public Task<IActionResult> OnPostRepairListingAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct) => this.TryAsync(async () =>
    {
        await listings.ApplyRepairAsync(id, application, harmRemoved, ct);
        return Redirect($"/credit/mine?done=repair#listing-{id}");
    }, async () => await OnGetAsync(ct));
}
