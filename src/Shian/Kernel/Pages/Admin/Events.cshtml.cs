using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Kernel.Pages.Admin;

/// <summary>领域事件投递: how many deliveries wait, failed or are retrying; the failed ones with their error and a retry button.</summary>
[Requires(KernelPermissions.AdminOperations)]
public sealed class EventsModel(OutboxAdmin admin) : PageModel
{
    public OutboxAdmin.Summary Summary { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<OutboxAdmin.Row> Troubled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await admin.SummaryAsync(ct);
        Troubled = await admin.ListAsync(null, troubled: true, 100, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            await admin.RetryAsync(id, ct);
            return Redirect("/admin/events?retried=1");
        }, () => OnGetAsync(ct), underFields: false);
    }
}
