using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;

namespace Shian.Web.Pages;

/// <summary>
/// Where a user lands after signing in (usability finding 16): an inspector on 今日任务, the lab on its sample queue,
/// everyone else on 工作台. A sign-in that was sent from a page goes back to that page instead.
/// </summary>
[Requires(KernelPermissions.Own)]
public sealed class StartModel : PageModel
{
    public static string LandingFor(System.Security.Claims.ClaimsPrincipal user)
    {
        var office = user.IsInRole(ShianRoles.Admin) || user.IsInRole(ShianRoles.Coordinator) || user.IsInRole(ShianRoles.Officer);
        return office ? "/" : user.IsInRole(ShianRoles.Inspector) ? "/inspections/visits" : user.IsInRole(ShianRoles.Lab) ? "/sampling" : "/";
    }

    public IActionResult OnGet() => LocalRedirect(LandingFor(User));
}
