using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>One publication: the 信息摘要 as the public sees it, its clock and period, and publishing or an early-stop application.</summary>
[Requires(CreditPermissions.Read)]
public sealed class PublicationModel(CreditQueries queries, Publications publications, TimeProvider clock) : PageModel
{
    public CreditQueries.PublicationDetail Detail { get; private set; } = null!;

    public PenaltyPublication Item => Detail.Publication;

    public DateOnly Today { get; private set; }

    public bool Refused { get; private set; }

    public bool CanHandle => User.Grants(CreditPermissions.Handle);

    public bool CanApprove => User.Grants(CreditPermissions.Approve);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => RunAsync(id, () => publications.PublishAsync(id, ct), ct);

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostRepairAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct) =>
        RunAsync(id, () => publications.ApplyRepairAsync(id, application, harmRemoved, ct), ct);

    [Requires(CreditPermissions.Approve)]
    public Task<IActionResult> OnPostDecideRepairAsync(Guid id, bool approve, string? opinion, CancellationToken ct) =>
        RunAsync(id, () => publications.DecideRepairAsync(id, approve, opinion, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        Refused = true;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/credit/publications/{id}#step");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var d = await queries.PublicationAsync(id, ct);
        Detail = d!;
        return d is not null;
    }
}
