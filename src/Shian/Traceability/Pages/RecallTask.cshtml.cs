using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Web;

namespace Shian.Traceability.Pages;

/// <summary>A district's 召回核查 task: the downstream parties the trace found here, and what the officers verified.</summary>
[Requires(TraceabilityPermissions.RecallSupervise)]
public sealed class RecallTaskModel(ShianDb db, Recalls recalls) : PageModel
{
    public RecallTask Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, decimal? recovered, string? note, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            await recalls.TaskDoneAsync(id, recovered, note, ct);
            return Redirect($"/trace/recall-tasks/{id}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var t = await db.RecallTasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return false;
        }

        Item = t;
        return true;
    }
}
