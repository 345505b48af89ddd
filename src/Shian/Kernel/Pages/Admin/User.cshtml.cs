using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Kernel.Pages.Admin;

/// <summary>
/// One account (or a new one when no id): display name, roles, granted regions, the business it acts for, whether it
/// must use a second factor, enabled; reset its password (shown once) or its authenticator. Every change is audited.
/// </summary>
[Requires(KernelPermissions.AdminUsers)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // a password or an authenticator key may be on it
public sealed class UserModel(Accounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public Accounts.Row? Account { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Regions { get; set; }

    [BindProperty]
    public string? BusinessUscc { get; set; }

    [BindProperty]
    public string? EnforcementCertificate { get; set; }

    [BindProperty]
    public bool RequireTwoFactor { get; set; }

    [BindProperty]
    public bool Disabled { get; set; }

    /// <summary>A password to show once (after creating the account or resetting it): rendered in that response, never stored or redirected.</summary>
    public string? NewPassword { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The outcome of a command rendered directly (with <see cref="NewPassword"/>).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    private void Fill()
    {
        DisplayName = Account!.DisplayName;
        Roles = [.. Account.Roles];
        Regions = string.Join("\n", Account.Regions);
        BusinessUscc = Account.BusinessUscc;
        EnforcementCertificate = Account.EnforcementCertificate;
        RequireTwoFactor = Account.RequireTwoFactor;
        Disabled = Account.Disabled;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        var input = new AccountInput(DisplayName ?? "", Roles, AccountRules.ParseRegions(Regions), BusinessUscc, RequireTwoFactor, Disabled, EnforcementCertificate);
        if (Id is null)
        {
            var (created, password) = await accounts.CreateAsync(UserName ?? "", input, null, ct);
            Id = created.Id;
            await LoadAsync(ct);
            Fill();
            NewPassword = password;
            Notice = $"已创建账号“{created.UserName}”。";
            return Page();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await accounts.UpdateAsync(Id, input, ct);
        Saved = "已保存；该用户须重新登录后生效。";
        return RedirectToPage(new { id = Id });
    }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        if (Id is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        NewPassword = await accounts.ResetPasswordAsync(Id, ct);
        Fill();
        Notice = "密码已重置，该用户的登录已全部失效。";
        return Page();
    }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct) => this.TryAsync(async () =>
    {
        if (Id is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        await accounts.ResetTwoFactorAsync(Id, ct);
        Saved = "已解除身份验证器绑定；该用户须重新登录，必要时重新绑定。";
        return RedirectToPage(new { id = Id });
    }, () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Account = Id is null ? null : await accounts.FindAsync(Id, ct);
        return Account is not null;
    }
}
