using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>Reviewed: reads past the region filter by name and returns only the public fields of operating or suspended businesses.</summary>
internal sealed class PublicRegister(ShianDb db) : IPublicRegister
{
    public async Task<IReadOnlyList<PublicBusiness>> SearchAsync(string query, int max, CancellationToken ct)
    {
        var text = query.Trim();
        if (text.Length < 2)
        {
            return [];
        }

        await db.PlanForEachQueryAsync(ct);
        var number = LicenceNumber.Normalise(text);
        var businesses = db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(b => b.Status != BusinessStatus.Closed);
        var licences = db.Licences.IgnoreQueryFilters([RegionScope.FilterName]);
        var matching = RegistryService.LooksLikeLicence(number)
            ? businesses.Where(b => licences.Where(l => l.Number == number).Select(l => l.BusinessId).Contains(b.Id))
            : RegistryService.WhereNameContains(db, businesses, text);
        return await Shape(matching
            .OrderBy(b => b.Name).ThenBy(b => b.Id).Take(Math.Clamp(max, 1, 100)), licences).ToListAsync(ct);
    }

    public async Task<PublicBusiness?> FindAsync(Guid id, CancellationToken ct)
    {
        var licences = db.Licences.IgnoreQueryFilters([RegionScope.FilterName]);
        return await Shape(db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(b => b.Id == id && b.Status != BusinessStatus.Closed), licences).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<PublicBusiness> Shape(IQueryable<Business> q, IQueryable<Licence> licences) => q.Select(b => new PublicBusiness(
        b.Id, b.Name, b.Kind, b.RegionCode, b.Address,
        licences.Where(l => l.BusinessId == b.Id && l.Status == LicenceStatus.Valid).OrderByDescending(l => l.ValidTo).Select(l => l.Number).FirstOrDefault(),
        licences.Where(l => l.BusinessId == b.Id && l.Status == LicenceStatus.Valid).OrderByDescending(l => l.ValidTo).Select(l => l.ValidTo).FirstOrDefault(),
        b.Status));
}
