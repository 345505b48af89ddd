using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Complaints.Pages.Public;

/// <summary>食品安全投诉举报 for the public: file (no account), report as an insider, follow one with its code.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
