using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;

namespace Shian.Credit;

/// <summary>Lists and records of publications, listings and credit files (region-filtered like every regulated read).</summary>
public sealed class CreditQueries(ShianDb db, TimeProvider clock, IOptions<CreditOptions> options)
{
    public const int PageSize = 30;

    public sealed record PublicationRow(Guid Id, string Party, bool PartyIsPerson, string DecisionNumber, DateOnly DecidedOn, string Content, PublicationStatus Status,
        DateOnly PublishBy, DateOnly? ShowUntil, DateOnly? RepairDecideBy, bool RepairPending);

    public sealed record PublicationPage(IReadOnlyList<PublicationRow> Rows, int Total, int Overdue);

    /// <summary>Publications: pending ones first by their due date, then the others newest first.</summary>
    public async Task<PublicationPage> PublicationsAsync(PublicationStatus? status, bool overdue, int page, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = db.Publications.AsNoTracking();
        if (status is PublicationStatus s)
        {
            q = q.Where(p => p.Status == s);
        }

        if (overdue)
        {
            q = q.Where(p => p.Status == PublicationStatus.Pending && p.PublishBy < today);
        }

        var total = await q.CountAsync(ct);
        var late = await db.Publications.AsNoTracking().CountAsync(p => p.Status == PublicationStatus.Pending && p.PublishBy < today, ct);
        var rows = await q.OrderBy(p => p.Status == PublicationStatus.Pending ? 0 : 1).ThenBy(p => p.Status == PublicationStatus.Pending ? p.PublishBy : DateOnly.MinValue)
            .ThenByDescending(p => p.DecidedOn).ThenBy(p => p.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(p => new PublicationRow(p.Id, p.Party, p.PartyIsPerson, p.DecisionNumber, p.DecidedOn, p.Content, p.Status, p.PublishBy, p.ShowUntil, p.RepairDecideBy,
                p.RepairAppliedOn != null && p.RepairApproved == null))
            .ToListAsync(ct);
        return new PublicationPage(rows, total, late);
    }

    public sealed record ListingRow(Guid Id, string Party, string? Uscc, string DecisionNumber, string Penalty, ListingStatus Status, ListingGround? Ground, DateOnly? StatementBy,
        DateOnly? ListedOn, DateOnly? ExpiresOn, DateOnly? RepairDecideBy, bool RepairPending);

    public sealed record ListingPage(IReadOnlyList<ListingRow> Rows, int Total);

    /// <summary>Listing matters: the ones waiting for a step first (suggested, noticed, with a repair application), then the rest.</summary>
    public async Task<ListingPage> ListingsAsync(ListingStatus? status, int page, CancellationToken ct)
    {
        var q = db.Listings.AsNoTracking();
        if (status is ListingStatus s)
        {
            q = q.Where(l => l.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q
            .OrderBy(l => l.Status == ListingStatus.Suggested || l.Status == ListingStatus.Noticed || l.RepairAppliedOn != null && l.RepairApproved == null && l.Status == ListingStatus.Listed ? 0 : 1)
            .ThenByDescending(l => l.PenaltyDecidedOn).ThenBy(l => l.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(l => new ListingRow(l.Id, l.Party, l.Uscc, l.DecisionNumber, l.Penalty, l.Status, l.Ground, l.StatementBy, l.ListedOn, l.ExpiresOn, l.RepairDecideBy,
                l.RepairAppliedOn != null && l.RepairApproved == null && l.Status == ListingStatus.Listed))
            .ToListAsync(ct);
        return new ListingPage(rows, total);
    }

    public sealed record PublicationDetail(PenaltyPublication Publication, IReadOnlyList<CreditEntry> Entries);

    public async Task<PublicationDetail?> PublicationAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Publications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : new PublicationDetail(p, await EntriesAsync(id, ct));
    }

    public sealed record ListingDetail(SeriousListing Listing, IReadOnlyList<CreditEntry> Entries);

    public async Task<ListingDetail?> ListingAsync(Guid id, CancellationToken ct)
    {
        var l = await db.Listings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return l is null ? null : new ListingDetail(l, await EntriesAsync(id, ct));
    }

    private async Task<IReadOnlyList<CreditEntry>> EntriesAsync(Guid id, CancellationToken ct) =>
        await db.CreditEntries.AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);

    public sealed record CreditFile(Guid BusinessId, CreditGrade Grade, IReadOnlyList<CreditRecord> Records, IReadOnlyList<SeriousListing> Listings,
        IReadOnlyList<PenaltyPublication> Publications);

    /// <summary>A business's credit file: its grade by the local scheme, its records newest first, its listings and publications.</summary>
    public async Task<CreditFile> FileAsync(Guid businessId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.BusinessId == businessId).OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.RecordedAtUtc).ToListAsync(ct);
        var listings = await db.Listings.AsNoTracking().Where(l => l.BusinessId == businessId && l.Status != ListingStatus.Dismissed).OrderByDescending(l => l.PenaltyDecidedOn).ToListAsync(ct);
        var pubs = await db.Publications.AsNoTracking().Where(p => p.BusinessId == businessId).OrderByDescending(p => p.DecidedOn).ToListAsync(ct);
        var grade = CreditGrading.Grade(records, listings.Any(l => ListingRules.OnList(l, today)), today, options.Value.Scheme);
        return new CreditFile(businessId, grade, records, listings, pubs);
    }
}
