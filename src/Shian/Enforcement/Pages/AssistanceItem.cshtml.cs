using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>
/// One 协查 request or 通报, for the district that must act (answer a 协助调查函, or say before the date that it needs longer; a
/// notice's clue is decided in the clue list) and for the requesting case's district (read, with a link back to the case).
/// </summary>
[Requires(EnforcementPermissions.Read)]
public sealed class AssistanceItemModel(AssistanceDesk desk, TimeProvider clock) : PageModel
{
    public CaseAssistance Item { get; private set; } = null!;

    /// <summary>The caller's district must act on it.</summary>
    public bool Acting { get; private set; }

    /// <summary>The caller may read the requesting case.</summary>
    public bool Requesting { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanAnswer => Acting && Item.Kind == AssistanceKind.Investigation && Item.Status == AssistanceStatus.Pending && User.Grants(EnforcementPermissions.Handle);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(EnforcementPermissions.Handle)]
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, IFormFile? file, CancellationToken ct)
    {
        (string, byte[])? upload = null;
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = (file.FileName, buffer.ToArray());
        }

        return await RunAsync(id, () => desk.AnswerAsync(id, answer, null, ct, file: upload), ct);
    }

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, DateOnly? to, string? reason, CancellationToken ct) => RunAsync(id, () => desk.ExtendAsync(id, to, reason, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, CancellationToken ct) =>
        await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/enforcement/assistance/{id}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } found)
        {
            return false;
        }

        (Item, Acting, Requesting) = found;
        Today = ChinaTime.Today(clock);
        return true;
    }
}
