using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>One 严重违法失信名单 matter: the penalty it rests on, the notice and the party's statement, the decision, the period and repair.</summary>
[Requires(CreditPermissions.Read)]
public sealed class ListingModel(CreditQueries queries, Listings listings, TimeProvider clock) : PageModel
{
    public CreditQueries.ListingDetail Detail { get; private set; } = null!;

    public SeriousListing Item => Detail.Listing;

    public DateOnly Today { get; private set; }

    public bool Refused { get; private set; }

    public bool CanHandle => User.Grants(CreditPermissions.Handle);

    public bool CanApprove => User.Grants(CreditPermissions.Approve) && Item.ProposedBy != User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostNoticeAsync(Guid id, ListingGround? ground, string? facts, DateOnly? servedOn, CancellationToken ct) =>
        RunAsync(id, () => listings.NoticeAsync(id, ground, facts, servedOn, ct), ct);

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct) => RunAsync(id, () => listings.DismissAsync(id, reason, ct), ct);

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostStatementAsync(Guid id, string? statement, bool hearingRequested, CancellationToken ct) =>
        RunAsync(id, () => listings.StatementAsync(id, statement, hearingRequested, ct), ct);

    [Requires(CreditPermissions.Approve)]
    public Task<IActionResult> OnPostDecideAsync(Guid id, bool list, string? reason, CancellationToken ct) => RunAsync(id, () => listings.DecideAsync(id, list, reason, ct), ct);

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostRepairAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct) =>
        RunAsync(id, () => listings.ApplyRepairAsync(id, application, harmRemoved, ct), ct);

    [Requires(CreditPermissions.Approve)]
    public Task<IActionResult> OnPostDecideRepairAsync(Guid id, bool approve, string? opinion, CancellationToken ct) =>
        RunAsync(id, () => listings.DecideRepairAsync(id, approve, opinion, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        Refused = true;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/credit/listings/{id}#step");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var d = await queries.ListingAsync(id, ct);
        Detail = d!;
        return d is not null;
    }
}
