using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Shian.Kernel.Users;

namespace Shian.Web.Pages.Account;

/// <summary>账号安全: one's roles and regions, password change, and the authenticator (TOTP) second factor — set up, required or removed.</summary>
[Requires(KernelPermissions.Own)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // a password or an authenticator key may be on it
public sealed class AccountModel(UserManager<ShianUser> users, SignInManager<ShianUser> signIn, Accounts accounts, ApiKeys apiKeys) : PageModel
{
    /// <summary>A business user's machine keys (接口密钥), newest first.</summary>
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The key just issued, shown on this response only.</summary>
    public ApiKeys.Issued? IssuedKey { get; private set; }

    public bool CanIssueKeys => User.Grants(KernelPermissions.ApiKeys);

    [Requires(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> OnPostIssueKeyAsync(string? keyName, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        return await this.TryAsync(async () =>
        {
            IssuedKey = await apiKeys.IssueAsync(keyName, ct);
            await LoadAsync();
            return Page();
        }, () => LoadAsync(), underFields: false);
    }

    [Requires(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid keyId, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        return await this.TryAsync(async () =>
        {
            await apiKeys.RevokeAsync(keyId, ct);
            return Redirect("/account#keys");
        }, () => LoadAsync(), underFields: false);
    }

    public ShianUser Me { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool MustUseTwoFactor { get; private set; }

    public string? AuthenticatorKey { get; private set; }

    public string? QrSvg { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "请输入当前密码");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "请输入新密码");
        }
        else if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的新密码不一致");
        }

        return await this.TryAsync(async () =>
        {
            await accounts.ChangePasswordAsync(Me, CurrentPassword!, NewPassword!, ct);
            await signIn.RefreshSignInAsync(Me); // this session goes on with the new stamp; the others end
            Done = "密码已修改，其他设备上的登录已失效。";
            return RedirectToPage();
        }, () => LoadAsync());
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请输入身份验证器显示的 6 位动态码");
        }

        return await this.TryAsync(async () =>
        {
            await accounts.EnableTwoFactorAsync(Me, Code!, ct);
            await signIn.RefreshSignInAsync(Me);
            Done = "双因素认证已启用：以后登录时须输入身份验证器的动态码。";
            return RedirectToPage();
        }, () => LoadAsync());
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        return await this.TryAsync(async () =>
        {
            await accounts.DisableTwoFactorAsync(Me, ct);
            await signIn.RefreshSignInAsync(Me);
            Done = "双因素认证已关闭。";
            return RedirectToPage();
        }, () => LoadAsync());
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return false;
        }

        Me = me;
        Roles = [.. await users.GetRolesAsync(me)];
        Keys = CanIssueKeys ? await apiKeys.MineAsync(HttpContext.RequestAborted) : [];
        MustUseTwoFactor = await accounts.MustUseTwoFactorAsync(me);
        if (!me.TwoFactorEnabled)
        {
            var (key, uri) = await accounts.AuthenticatorAsync(me);
            AuthenticatorKey = string.Join(" ", key.Chunk(4).Select(c => new string(c)));
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(200, 200), "#000000", "#ffffff", drawQuietZones: true);
        }

        return true;
    }
}
