using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Registry;

/// <summary>
/// One business's public page, assembled once for the HTML page and the open-data JSON: the register's public fields,
/// its place by name (district, street — never the code), and each module's section in order.
/// </summary>
public sealed class PublicBusinessPage(IPublicRegister register, IEnumerable<IPublicBusinessSection> sections, ShianDb db)
{
    public sealed record Part(string Key, string PartialView, object Model);

    public sealed record View(PublicBusiness Business, string? District, string? Street, IReadOnlyList<Part> Parts);

    /// <summary>Null when the business does not exist or is closed (注销).</summary>
    public async Task<View?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await register.FindAsync(id, ct) is not { } b)
        {
            return null;
        }

        var county = b.RegionCode[..6] + "000000";
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == county || r.Code == b.RegionCode).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var parts = new List<Part>();
        foreach (var s in sections.OrderBy(s => s.Order))
        {
            if (await s.LoadAsync(b, ct) is { } model)
            {
                parts.Add(new Part(s.Key, s.PartialView, model));
            }
        }

        return new View(b, names.GetValueOrDefault(county), county == b.RegionCode ? null : names.GetValueOrDefault(b.RegionCode), parts);
    }
}
