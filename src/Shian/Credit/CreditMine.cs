using Microsoft.EntityFrameworkCore;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Credit;

/// <summary>
/// A business's own credit records as its account may see them: its penalty publications (pending, in their period, or
/// recently ended) with when an early stop (信用修复) may be asked, and its serious-dishonesty listings from the 告知 on (a
/// suggestion is the office's internal proposal) with the 陈述申辩 period and the early-removal date. Read through the region
/// filter: only the records carrying the account's USCC.
/// </summary>
public sealed class CreditMine(ShianDb db)
{
    /// <param name="RepairFrom">The first day an early stop may be asked (null: not open to this publication).</param>
    public sealed record PublicationRow(PenaltyPublication Publication, DateOnly? RepairFrom, bool MayApply);

    public sealed record ListingRow(SeriousListing Listing, bool MayState, DateOnly? RepairFrom, bool MayApply);

    public sealed record Mine(IReadOnlyList<PublicationRow> Publications, IReadOnlyList<ListingRow> Listings);

    public async Task<Mine> OfAsync(string uscc, DateOnly today, CancellationToken ct)
    {
        var since = today.AddYears(-1);
        var publications = await db.Publications.AsNoTracking()
            .Where(p => p.Uscc == uscc && (p.Status == PublicationStatus.Pending || p.Status == PublicationStatus.Published || (p.EndedOn != null && p.EndedOn >= since)))
            .OrderByDescending(p => p.DecidedOn).Take(50).ToListAsync(ct);
        var listings = await db.Listings.AsNoTracking()
            .Where(l => l.Uscc == uscc && l.Status != ListingStatus.Suggested && (l.Status != ListingStatus.Removed || l.RemovedOn >= since))
            .OrderByDescending(l => l.PenaltyDecidedOn).Take(50).ToListAsync(ct);
        return new Mine(
            [.. publications.Select(p =>
            {
                var from = p.PeriodMonths == 36 && !p.BarsEarlyStop && p.PublishedOn is DateOnly on ? PublicationRules.RepairFrom(on) : (DateOnly?)null;
                return new PublicationRow(p, from, p.Status == PublicationStatus.Published && !Repair.Pending(p) && from is DateOnly f && today >= f);
            })],
            [.. listings.Select(l =>
            {
                var from = l.ListedOn is DateOnly on ? ListingRules.RepairFrom(on) : (DateOnly?)null;
                var mayState = l.Status == ListingStatus.Noticed && l.Statement is null && l.StatementBy is DateOnly by && today <= by;
                return new ListingRow(l, mayState, from, ListingRules.OnList(l, today) && !Repair.Pending(l) && from is DateOnly f && today >= f);
            })]);
    }

    public static IEnumerable<PortalAction> Actions(Mine mine)
    {
        foreach (var l in mine.Listings.Where(l => l.MayState))
        {
            yield return new PortalAction("对拟列入严重违法失信名单陈述申辩", $"{l.Listing.DecisionNumber}：{l.Listing.Penalty}。逾期未提出的，视为放弃。", l.Listing.StatementBy, $"/credit/mine#listing-{l.Listing.Id}");
        }

        foreach (var p in mine.Publications.Where(p => p.MayApply))
        {
            yield return new PortalAction("可申请信用修复（提前停止公示）", $"{p.Publication.DecisionNumber} 公示已满一年，履行处罚决定并消除不良影响后可申请。", null, $"/credit/mine#publication-{p.Publication.Id}");
        }

        foreach (var l in mine.Listings.Where(l => l.MayApply))
        {
            yield return new PortalAction("可申请信用修复（提前移出失信名单）", $"{l.Listing.DecisionNumber} 列入已满一年，符合条件的可申请提前移出。", null, $"/credit/mine#listing-{l.Listing.Id}");
        }
    }
}

/// <summary>我的企业: the business's penalty publications and listings, the 陈述申辩 it may make, the 信用修复 it may ask.</summary>
internal sealed class BusinessPortalCredit(CreditMine mine) : IBusinessPortalSection
{
    public int Order => 40;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var m = await mine.OfAsync(context.Uscc, context.Today, ct);
        return m.Publications.Count == 0 && m.Listings.Count == 0 ? null
            : new BusinessPortalPart("/Credit/Pages/Shared/_PortalCredit.cshtml", m, [.. CreditMine.Actions(m)]);
    }
}
