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

    /// <summary>What was wrong with a 追溯码 entered by hand (shown beside the form).</summary>
    public string? TraceError { get; private set; }

    public string? Gtin { get; private set; }

    public string? Lot { get; private set; }

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

    /// <summary>
    /// A 追溯码 typed in: the product's barcode (GTIN-8/12/13/14) and the lot, or a pasted GS1 Digital Link
    /// (…/01/{gtin}/10/{lot}); goes to the lot's public page, or shows what is wrong.
    /// </summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetTraceAsync(string? gtin, string? lot, CancellationToken ct)
    {
        Gtin = gtin?.Trim();
        Lot = lot?.Trim();
        if (Gtin is { Length: > 0 } link && System.Text.RegularExpressions.Regex.Match(link, @"/01/(\d{14})/10/([^/?#]+)") is { Success: true } m)
        {
            (Gtin, Lot) = (m.Groups[1].Value, Uri.UnescapeDataString(m.Groups[2].Value));
        }

        var normalized = Kernel.Identifiers.Gtin.Normalize(Gtin);
        if (normalized is not null && Lot is { Length: > 0 and <= 100 })
        {
            return Redirect($"/01/{normalized}/10/{Uri.EscapeDataString(Lot)}");
        }

        TraceError = normalized is null ? "商品条码应为 8、12、13 或 14 位数字，且校验位正确。" : "请填写批号（不超过 100 个字符）。";
        await OnGetAsync(ct);
        return Page();
    }
}
