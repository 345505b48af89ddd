using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;

namespace Shian.Web.Pages.Account;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<ShianUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }
}
