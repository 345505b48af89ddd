using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Pages.Public;

/// <summary>The published recalls (召回公告), newest first, or one of them.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class RecallsModel(PublicTrace service) : PageModel
{
    public IReadOnlyList<Recall> List { get; private set; } = [];

    public Recall? One { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid g)
        {
            One = await service.PublishedOneAsync(g, ct);
            return One is null ? NotFound() : Page();
        }

        List = await service.PublishedAsync(100, ct);
        return Page();
    }
}
