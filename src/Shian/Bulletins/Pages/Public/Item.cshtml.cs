using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shian.Bulletins.Pages.Public;

/// <summary>One published bulletin for the public (a draft or a withdrawn one is not found).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ItemModel(PublicBulletins bulletins) : PageModel
{
    public PublicBulletins.Item Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await bulletins.FindAsync(id, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
