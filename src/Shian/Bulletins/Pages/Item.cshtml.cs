using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Bulletins.Contracts;
using Shian.Bulletins.Domain;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Bulletins.Pages;

/// <summary>One bulletin for the office: a draft edited and published, a published one withdrawn with a reason.</summary>
[Requires(BulletinsPermissions.Read)]
public sealed class ItemModel(BulletinDesk desk) : PageModel
{
    public Bulletin Bulletin { get; private set; } = null!;

    public bool CanPublish => User.Grants(BulletinsPermissions.Publish);

    /// <summary>Which form failed ("edit" or "withdraw"): its errors are shown beside it.</summary>
    public string? Form { get; private set; }

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } b)
        {
            return false;
        }

        Bulletin = b;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(BulletinsPermissions.Publish)]
    public Task<IActionResult> OnPostEditAsync(Guid id, string? kind, string? title, string? body, CancellationToken ct) => RunAsync(id, "edit", async () =>
    {
        var parsed = FormValues.Choice<BulletinKind>(kind);
        await desk.EditAsync(id, new BulletinDesk.Input(null, parsed, title, body), ct);
        return "saved";
    }, ct);

    [Requires(BulletinsPermissions.Publish)]
    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => RunAsync(id, "edit", async () =>
    {
        await desk.PublishAsync(id, ct);
        return "published";
    }, ct);

    [Requires(BulletinsPermissions.Publish)]
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken ct) => RunAsync(id, "withdraw", async () =>
    {
        await desk.WithdrawAsync(id, reason, ct);
        return "withdrawn";
    }, ct);

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task<string>> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () => Redirect($"/bulletins/{id}?{await action()}=1"), async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }
}
