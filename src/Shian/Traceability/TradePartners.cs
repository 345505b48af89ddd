using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Scoping;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// A business's trading partners from the EPCIS sources and destinations (owning/possessing party, location): in its own
/// events, a source owned by someone else is a supplier and a destination a buyer; in other businesses' events, naming one of
/// its GLNs as the destination makes the capturer a supplier, as the source a buyer. Read past the region filter by name
/// (reviewed: partners are wherever the goods went; the caller may see the business asked about — the enforcement module
/// asks for its own case's party — and gets back only each partner's name, region, direction and counts).
/// </summary>
internal sealed class TradePartnerFinder(ShianDb db) : ITradePartners
{
    private const string Party = "https://id.gs1.org/417/";

    private const string Location = "https://id.gs1.org/414/";

    public async Task<TradePartners> OfAsync(Guid businessId, DateOnly since, CancellationToken ct)
    {
        var from = ChinaTime.StartUtc(since);
        var prefixes = db.Gs1Prefixes.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();
        var keys = db.TraceEventKeys.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();
        var events = db.TraceEvents.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();
        var own = await prefixes.Where(p => p.BusinessId == businessId).Select(p => p.Prefix).ToListAsync(ct);

        // Its own events: who else they name.
        var named = await keys.Where(k => (k.Kind == TraceKeyKind.Source || k.Kind == TraceKeyKind.Destination) && k.EventTimeUtc >= from
                && events.Any(e => e.Id == k.EventPk && e.BusinessId == businessId))
            .Select(k => new { k.Kind, k.Value, k.EventTimeUtc }).ToListAsync(ct);

        // Others' events naming one of its GLNs.
        var naming = new List<(TraceKeyKind Kind, Guid Capturer, DateTime At)>();
        foreach (var p in own)
        {
            string party = Party + p, location = Location + p;
            naming.AddRange((await keys.Where(k => (k.Kind == TraceKeyKind.Source || k.Kind == TraceKeyKind.Destination) && k.EventTimeUtc >= from
                    && (k.Value.StartsWith(party) || k.Value.StartsWith(location)))
                .Join(events.Where(e => e.BusinessId != businessId), k => k.EventPk, e => e.Id, (k, e) => new { k.Kind, e.BusinessId, k.EventTimeUtc })
                .ToListAsync(ct)).Select(r => (r.Kind, r.BusinessId, r.EventTimeUtc)));
        }

        var glns = named.Select(n => EventFacts.Gln(n.Value)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var heads = glns.Select(g => g[..6]).ToHashSet(StringComparer.Ordinal);
        var capturers = naming.Select(n => n.Capturer).ToHashSet();
        var known = new List<Gs1Prefix>();
        foreach (var chunk in heads.Chunk(200))
        {
            known.AddRange(await prefixes.Where(p => chunk.Contains(p.Prefix.Substring(0, 6))).ToListAsync(ct));
        }

        foreach (var chunk in capturers.Chunk(200))
        {
            known.AddRange(await prefixes.Where(p => chunk.Contains(p.BusinessId)).ToListAsync(ct));
        }

        var byBusiness = known.GroupBy(p => p.BusinessId).ToDictionary(g => g.Key, g => g.First());
        Gs1Prefix? OwnerOf(string gln) => known.Where(p => gln.StartsWith(p.Prefix, StringComparison.Ordinal)).OrderByDescending(p => p.Prefix.Length).FirstOrDefault();

        var trades = new List<(Guid Partner, TradeDirection Direction, DateTime At)>();
        var unregistered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in named)
        {
            if (EventFacts.Gln(n.Value) is not { } gln)
            {
                continue;
            }

            var owner = OwnerOf(gln);
            if (owner is null)
            {
                unregistered.Add(gln);
            }
            else if (owner.BusinessId != businessId)
            {
                trades.Add((owner.BusinessId, n.Kind == TraceKeyKind.Source ? TradeDirection.Supplier : TradeDirection.Buyer, n.EventTimeUtc));
            }
        }

        trades.AddRange(naming.Select(n => (n.Capturer, n.Kind == TraceKeyKind.Destination ? TradeDirection.Supplier : TradeDirection.Buyer, n.At)));
        var partners = trades.Where(t => byBusiness.ContainsKey(t.Partner))
            .GroupBy(t => (t.Partner, t.Direction))
            .Select(g => new TradePartner(g.Key.Partner, byBusiness[g.Key.Partner].BusinessName, byBusiness[g.Key.Partner].RegionCode, g.Key.Direction, g.Count(),
                ChinaTime.DateOfUtc(g.Max(t => t.At))))
            .OrderBy(p => p.Direction).ThenByDescending(p => p.LastOn).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new TradePartners(partners, unregistered.Count);
    }
}
