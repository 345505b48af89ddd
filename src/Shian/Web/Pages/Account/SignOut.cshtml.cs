using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Audit;
using Shian.Kernel.Users;

namespace Shian.Web.Pages.Account;

/// <summary>
/// Signs out on the server: a new security stamp ends this session everywhere it was copied (the cookie, and the
/// user's bearer tokens) — not only the browser's cookie.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<ShianUser> signIn, UserManager<ShianUser> users, SessionStamps stamps, SecurityAudit audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            stamps.Forget(user.Id);
            await audit.RecordAsync(new SecurityEvent(SecurityActions.SignOut, "Account", user.UserName!, UserName: user.UserName,
                Details: SecurityAudit.Details(new { client = HttpContext.Connection.RemoteIpAddress?.ToString() })));
        }

        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }
}
