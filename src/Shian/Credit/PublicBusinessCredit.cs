using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>
/// A business's penalties within their publication period (Order 45: the 信息摘要 only) and whether it is on the
/// serious-dishonesty list today (Order 44), on its public page. Reviewed: reads past the region filter by business id,
/// current publications and current listings only — what the two orders make public.
/// </summary>
internal sealed class PublicBusinessCredit(ShianDb db, TimeProvider clock) : IPublicBusinessSection
{
    public sealed record Penalty(string DecisionNumber, DateOnly DecidedOn, string Violation, string Content, DateOnly ShowUntil, string Authority);

    public sealed record Listed(string Ground, DateOnly ListedOn, DateOnly ExpiresOn, string DecisionNumber);

    public sealed record Model(IReadOnlyList<Penalty> Penalties, Listed? Listing);

    public int Order => 30;

    public string Key => "credit";

    public string PartialView => "/Credit/Pages/Shared/_PublicCredit.cshtml";

    public async Task<object?> LoadAsync(PublicBusiness business, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var pubs = await db.Publications.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(p => p.BusinessId == business.Id && p.Status == PublicationStatus.Published && p.ShowUntil >= today)
            .OrderByDescending(p => p.DecidedOn).Take(20).ToListAsync(ct);
        var listing = await db.Listings.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking()
            .Where(l => l.BusinessId == business.Id && l.Status == ListingStatus.Listed && l.ListedOn <= today && l.ExpiresOn >= today)
            .OrderByDescending(l => l.ListedOn).FirstOrDefaultAsync(ct);
        var authority = (await Authorities.NamesAsync(db, [business.RegionCode], ct))[business.RegionCode];
        return new Model([.. pubs.Select(p => new Penalty(p.DecisionNumber, p.DecidedOn, p.Violation, p.Content, p.ShowUntil!.Value, authority))],
            listing is null ? null : new Listed(Listings.GroundText(listing.Ground ?? ListingGround.Other), listing.ListedOn!.Value, listing.ExpiresOn!.Value, listing.DecisionNumber));
    }
}
