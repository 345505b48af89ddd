using Microsoft.EntityFrameworkCore;
using Shian.Bulletins.Domain;
using Shian.Data;
using Shian.Kernel.Public;
using Shian.Kernel.Scoping;

namespace Shian.Bulletins;

/// <summary>
/// What the public reads of 信息发布: published bulletins only, newest first, with the issuing office by name. Reviewed:
/// reads past the region filter (the public has no region), status Published only — drafts and withdrawn ones never.
/// </summary>
public sealed class PublicBulletins(ShianDb db)
{
    public sealed record Item(Guid Id, BulletinKind Kind, string Title, string Body, DateOnly PublishedOn, DateTime PublishedAtUtc, string RegionCode, string Office);

    public sealed record Page(IReadOnlyList<Item> Items, int Total);

    private IQueryable<Bulletin> Published => db.Bulletins.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(b => b.Status == BulletinStatus.Published);

    public async Task<Page> ListAsync(BulletinKind? kind, string? q, int page, int size, CancellationToken ct)
    {
        var query = Published;
        if (kind is { } k)
        {
            query = query.Where(b => b.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim();
            query = query.Where(b => b.Title.Contains(words));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.PublishedAtUtc).Skip((Math.Max(1, page) - 1) * size).Take(size).ToListAsync(ct);
        return new Page(await ItemsAsync(rows, ct), total);
    }

    public async Task<Item?> FindAsync(Guid id, CancellationToken ct) =>
        await Published.FirstOrDefaultAsync(b => b.Id == id, ct) is { } b ? (await ItemsAsync([b], ct))[0] : null;

    private async Task<IReadOnlyList<Item>> ItemsAsync(IReadOnlyList<Bulletin> rows, CancellationToken ct)
    {
        var codes = rows.Select(b => b.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. rows.Select(b => new Item(b.Id, b.Kind, b.Title, b.Body, b.PublishedOn!.Value, b.PublishedAtUtc!.Value, b.RegionCode,
            (names.GetValueOrDefault(b.RegionCode) ?? "") + "市场监督管理局"))];
    }
}

/// <summary>On the public home: the latest consumer tips, alerts and notices.</summary>
internal sealed class BulletinsPublicSection(PublicBulletins bulletins) : IPublicSection
{
    public int Order => 1;

    public string TitleKey => "Bulletins.PublicTitle";

    public string DescriptionKey => "Bulletins.PublicIntro";

    public string Href => "/public/bulletins";

    public async Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct) =>
        [.. (await bulletins.ListAsync(null, null, 1, take, ct)).Items.Select(b => new PublicItem($"【{BulletinDesk.KindNames[b.Kind]}】{b.Title}", $"/public/bulletins/{b.Id}", b.PublishedOn, b.RegionCode))];
}
