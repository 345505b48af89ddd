using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Registry;

internal sealed class BusinessDirectory(ShianDb db) : IBusinessDirectory, Kernel.Scoping.IOwnBusinessRegions
{
    public async Task<IReadOnlySet<string>> OfAsync(string uscc, CancellationToken ct) =>
        (await db.Businesses.AsNoTracking().Where(b => b.Uscc == uscc).Select(b => b.RegionCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Facts are read a page at a time (ids in the given order first): the caller may query between items.</summary>
    private const int Page = 1000;

    /// <summary>
    /// The region's businesses in id order, read as the ids first and then the facts a page at a time, so that no
    /// reader stays open while the caller works between items: a caller that grades, plans or counts each business
    /// with the same context would otherwise get PostgreSQL's "A command is already in progress" (one command per
    /// connection; SQLite allowed it, which hid the 500 of <c>POST /api/v1/risk/recompute</c> on a city register).
    /// Memory: 16 bytes per business for the ids.
    /// </summary>
    public async IAsyncEnumerable<BusinessFacts> StreamAsync(string? regionCode, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var q = db.Businesses.AsNoTracking();
        if (regionCode is not null && Kernel.Regions.RegionCode.IsValid(regionCode))
        {
            var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
            q = q.Where(b => b.RegionCode.StartsWith(prefix));
        }

        // The database's id order is kept (a 双随机 draw depends on it): PostgreSQL's uuid order is not Guid.CompareTo's.
        var ids = await q.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        foreach (var page in ids.Chunk(Page))
        {
            var facts = (await FindAsync(page, ct)).ToDictionary(f => f.Id);
            foreach (var id in page)
            {
                if (facts.TryGetValue(id, out var f))
                {
                    yield return f; // a business removed meanwhile is skipped
                }
            }
        }
    }

    public async Task<IReadOnlyList<BusinessFacts>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Businesses.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new BusinessFacts(b.Id, b.RegionCode, b.Name, b.Kind, b.Status, b.FloorArea, b.Employees, b.ServesSpecialPopulation, b.Places, b.CertifiedUntil)).ToListAsync(ct);

    public async Task<IReadOnlyList<Guid>> OfImportAsync(Guid importId, CancellationToken ct) =>
        await db.Businesses.AsNoTracking().Where(b => b.ImportId == importId).Select(b => b.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<BusinessIdentity>> IdentitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Businesses.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new BusinessIdentity(b.Id, b.Name, b.Uscc, b.Address, b.RegionCode)).ToListAsync(ct);

    public async Task<IReadOnlyList<BusinessIdentity>> WithUsccAsync(string uscc, CancellationToken ct) =>
        await db.Businesses.AsNoTracking().Where(b => b.Uscc == uscc).OrderBy(b => b.Name).Select(b => new BusinessIdentity(b.Id, b.Name, b.Uscc, b.Address, b.RegionCode)).ToListAsync(ct);
}
