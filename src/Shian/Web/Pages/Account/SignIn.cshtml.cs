using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shian.Kernel.Users;

namespace Shian.Web.Pages.Account;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignInModel(SignInGate gate, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The second step: the password was right, the authenticator code is asked.</summary>
    public bool CodeStep { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (outcome, _) = await gate.PasswordSignInAsync(Input.UserName, Input.Password, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-", IdentityConstants.ApplicationScheme);
        if (outcome == SignInGate.Outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : "/start");
        }

        if (outcome == SignInGate.Outcome.TwoFactorRequired)
        {
            CodeStep = true;
            ModelState.Clear();
            return Page();
        }

        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", outcome == SignInGate.Outcome.Throttled ? t["Account.LockedOut"] : t["Account.Invalid"]);
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        CodeStep = true;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), t["Account.CodeRequired"]);
            return Page();
        }

        var (outcome, _) = await gate.TwoFactorSignInAsync(Code, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-");
        if (outcome == SignInGate.Outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : "/start");
        }

        ModelState.AddModelError(nameof(Code), outcome == SignInGate.Outcome.Throttled ? t["Account.LockedOut"] : t["Account.CodeInvalid"]);
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Account.UserNameRequired")]
        [Display(Name = "Account.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Account.PasswordRequired")]
        [Display(Name = "Account.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
