using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Sampling;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Pages.Public;

/// <summary>One 抽检信息公告: the 不合格产品信息 table in the national announcement's columns (cards on a phone), and the .xlsx.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class AnnouncementModel(Announcements announcements) : PageModel
{
    public Announcement Item { get; private set; } = null!;

    public IReadOnlyList<Announcements.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await announcements.RowsAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        (Item, Rows) = found;
        return Page();
    }
}
