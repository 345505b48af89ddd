using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Sampling;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages.Public;

/// <summary>抽检信息公告: the published announcements, newest first.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SamplingModel(Announcements announcements) : PageModel
{
    public IReadOnlyList<Announcement> List { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => List = await announcements.PublishedAsync(100, ct);
}
