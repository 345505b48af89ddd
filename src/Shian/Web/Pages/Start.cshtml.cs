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
    /// <summary>By permission, not role name: whoever reads work plans is office staff (工作台); else one who inspects
    /// goes to the visits, one who enters lab results to the samples.</summary>
    public static string LandingFor(System.Security.Claims.ClaimsPrincipal user) =>
        user.Grants(Governance.Contracts.GovernancePermissions.Read) ? "/"
        : user.Grants(Inspections.Contracts.InspectionsPermissions.Inspect) ? "/inspections/visits"
        : user.Grants(Sampling.Contracts.SamplingPermissions.Lab) ? "/sampling"
        : "/";

    public IActionResult OnGet() => LocalRedirect(LandingFor(User));
}
