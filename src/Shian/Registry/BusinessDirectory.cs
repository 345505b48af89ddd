using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Registry;

internal sealed class BusinessDirectory(ShianDb db) : IBusinessDirectory, Kernel.Scoping.IOwnBusinessRegions
{
    public async Task<IReadOnlySet<string>> OfAsync(string uscc, CancellationToken ct) =>
        (await db.Businesses.AsNoTracking().Where(b => b.Uscc == uscc).Select(b => b.RegionCode).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public IAsyncEnumerable<BusinessFacts> StreamAsync(string? regionCode, CancellationToken ct)
    {
        var q = db.Businesses.AsNoTracking();
        if (regionCode is not null && Kernel.Regions.RegionCode.IsValid(regionCode))
        {
            var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
            q = q.Where(b => b.RegionCode.StartsWith(prefix));
        }

        return q.OrderBy(b => b.Id).Select(b => new BusinessFacts(b.Id, b.RegionCode, b.Name, b.Kind, b.Status, b.FloorArea, b.Employees, b.ServesSpecialPopulation, b.Places, b.CertifiedUntil))
            .AsAsyncEnumerable();
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
