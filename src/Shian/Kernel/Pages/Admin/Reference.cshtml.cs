using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Admin;

/// <summary>参考数据: the pages where administrators keep the platform's reference data.</summary>
[Requires(KernelPermissions.AdminReference)]
public sealed class ReferenceModel : PageModel
{
    public sealed record Entry(string Href, string TitleKey, string IntroKey);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("/admin/populations", "Pop.Title", "Ref.Populations"),
        new("/admin/units", "Units.Title", "Ref.Units"),
        new("/admin/calendar", "Cal.Title", "Ref.Calendar"),
        new("/admin/limits", "Limits.Title", "Ref.Limits"),
        new("/admin/risk-schemes", "Schemes.Title", "Ref.Schemes"),
        new("/admin/checklists", "Checklists.Title", "Ref.Checklists"),
        new("/regions", "Nav.Regions", "Ref.Regions"),
    ];

    public void OnGet()
    {
    }
}
