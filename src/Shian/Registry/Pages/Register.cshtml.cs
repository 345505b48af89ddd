using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Registry.Pages;

/// <summary>
/// 经营者注册账号: a food business opens its own account, phone first. Step one checks the USCC and licence number
/// against the register and texts a code to the register's phone; step two takes the code, a user name, the person's
/// name and a password, creates the account bound to the business and signs the person in to 我的企业. Without an SMS
/// gateway the page says so and points to the office.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RegistryModule.RegistrationLimit)]
public sealed class RegisterModel(SelfRegistration registration, SignInGate gate) : PageModel
{
    [BindProperty] public string? Uscc { get; set; }
    [BindProperty] public string? LicenceNumber { get; set; }
    [BindProperty] public Guid? ChallengeId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>Step two: the code was sent (the business's name and the masked phone shown).</summary>
    public SelfRegistration.Started? Sent { get; private set; }

    public bool Available => registration.Available;

    public void OnGet()
    {
    }

    /// <summary>Step one (and 重新发送): check the register and send the code.</summary>
    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        try
        {
            Sent = await registration.StartAsync(Uscc, LicenceNumber, ct);
            ChallengeId = Sent.ChallengeId;
            ModelState.Clear();
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            PageErrors.Add(ModelState, e, p => p is nameof(Uscc) or nameof(LicenceNumber));
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>Step two: the code and the new account; on success the person is signed in and lands in 我的企业.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? businessName, string? phoneMasked, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        // The step-two form again if anything is refused (what it showed comes back with the post).
        Sent = new SelfRegistration.Started(ChallengeId ?? Guid.Empty, businessName ?? "", phoneMasked ?? "", default, 0);
        if (ChallengeId is null)
        {
            Sent = null;
            ModelState.AddModelError("", "请先获取验证码");
            return Page();
        }

        if (!string.Equals(Password, ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "两次输入的密码不一致");
            return Page();
        }

        try
        {
            var done = await registration.CompleteAsync(ChallengeId.Value, Code, UserName, DisplayName, Password, ct);
            var (outcome, _) = await gate.PasswordSignInAsync(done.UserName, Password!, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-", IdentityConstants.ApplicationScheme);
            return outcome == SignInGate.Outcome.Succeeded ? LocalRedirect("/business?registered=1") : LocalRedirect("/account/signin");
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            PageErrors.Add(ModelState, e, p => p is nameof(Code) or nameof(UserName) or nameof(DisplayName) or nameof(Password));
            return Page();
        }
    }
}
