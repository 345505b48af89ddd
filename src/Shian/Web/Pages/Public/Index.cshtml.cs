using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Public;

namespace Shian.Web.Pages.Public;

/// <summary>
/// The public front door (公众互动): a business lookup and every public page with its latest items, contributed by the
/// modules that publish them (<see cref="IPublicSection"/>). No sign-in.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(IEnumerable<IPublicSection> sections, ShianDb db) : PageModel
{
    public sealed record Section(IPublicSection Entry, IReadOnlyList<PublicItem> Items);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<Section>();
        foreach (var s in sections.OrderBy(s => s.Order))
        {
            list.Add(new Section(s, await s.LatestAsync(5, ct)));
        }

        Sections = list;
        var codes = list.SelectMany(s => s.Items).Select(i => i.RegionCode).OfType<string>().Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
