using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;

namespace Shian.Complaints;

/// <summary>The officers' reads (within their regions): the list with its filters, one complaint with its history, photos and possible duplicates.</summary>
public sealed class ComplaintQueries(ShianDb db, TimeProvider clock)
{
    public sealed record Filter(string? Q = null, ComplaintStatus? Status = null, ComplaintKind? Kind = null, ComplaintCategory? Category = null,
        ComplaintChannel? Channel = null, bool OverdueOnly = false, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, string TrackingCode, ComplaintKind Kind, ComplaintChannel Channel, ComplaintCategory Category, ComplaintStatus Status,
        string? BusinessName, string? Address, string RegionCode, DateOnly ReceivedOn, DateOnly? NextDue, string? NextDueLabel, bool Anonymous, string? NameMasked, string? Handler);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total, int Overdue);

    /// <summary>The fields the clocks read (what 工作台 loads instead of whole complaints).</summary>
    public sealed record Clocks(ComplaintStatus Status, ComplaintKind Kind, DateOnly AcceptBy, DateOnly? VerifyBy, DateOnly? VerifiedOn, DateOnly? MediationEndsBy,
        MediationOutcome? Mediation, DateOnly? ReporterToldBy, DateOnly? ReporterToldOn);

    public static (DateOnly? Due, string? Label) NextDue(Complaint c) =>
        NextDue(new Clocks(c.Status, c.Kind, c.AcceptBy, c.VerifyBy, c.VerifiedOn, c.MediationEndsBy, c.Mediation, c.ReporterToldBy, c.ReporterToldOn));

    /// <summary>The next statutory date still to meet, and what it is.</summary>
    public static (DateOnly? Due, string? Label) NextDue(Clocks c)
    {
        if (c.Status is ComplaintStatus.Refused or ComplaintStatus.Closed or ComplaintStatus.Merged)
        {
            return (null, null);
        }

        if (c.Status == ComplaintStatus.Received && c.Kind == ComplaintKind.Complaint)
        {
            return (c.AcceptBy, "受理");
        }

        if (c.VerifyBy is DateOnly v && c.VerifiedOn is null)
        {
            return (v, "核查");
        }

        if (c.MediationEndsBy is DateOnly m && c.Mediation is null)
        {
            return (m, "调解");
        }

        if (c.ReporterToldBy is DateOnly t && c.ReporterToldOn is null)
        {
            return (t, "告知举报人");
        }

        return (null, null);
    }

    public async Task<Page> ListAsync(Filter f, CancellationToken ct)
    {
        var q = db.Complaints.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            // A code, or its start as read off a receipt (hyphens and case ignored).
            var code = TrackingCodes.TryNormalize(text, out var c) ? c : TrackingCodes.Partial(text);
            q = q.Where(x => (code != null && x.TrackingCode.StartsWith(code)) || x.TicketId == text || (x.BusinessName != null && x.BusinessName.Contains(text)) || x.Description.Contains(text)
                             || (x.Address != null && x.Address.Contains(text)));
        }

        if (f.Status is { } s)
        {
            q = q.Where(x => x.Status == s);
        }

        if (f.Kind is { } k)
        {
            q = q.Where(x => x.Kind == k);
        }

        if (f.Category is { } cat)
        {
            q = q.Where(x => x.Category == cat);
        }

        if (f.Channel is { } ch)
        {
            q = q.Where(x => x.Channel == ch);
        }

        var today = ChinaTime.Today(clock);
        var overdue = q.Where(x => x.Status == ComplaintStatus.Received || x.Status == ComplaintStatus.InProgress)
            .Where(x => (x.Status == ComplaintStatus.Received && x.Kind == ComplaintKind.Complaint && x.AcceptBy < today)
                        || (x.VerifyBy != null && x.VerifiedOn == null && x.VerifyBy < today)
                        || (x.MediationEndsBy != null && x.Mediation == null && x.MediationEndsBy < today)
                        || (x.ReporterToldBy != null && x.ReporterToldOn == null && x.ReporterToldBy < today));
        var overdueCount = await overdue.CountAsync(ct);
        if (f.OverdueOnly)
        {
            q = overdue;
        }

        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var page = Math.Max(1, f.Page);
        var list = await q.OrderBy(x => x.Status == ComplaintStatus.Received ? 0 : x.Status == ComplaintStatus.InProgress ? 1 : 2)
            .ThenByDescending(x => x.ReceivedAtUtc).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var rows = list.Select(x =>
        {
            var (due, label) = NextDue(x);
            return new Row(x.Id, x.TrackingCode, x.Kind, x.Channel, x.Category, x.Status, x.BusinessName, x.Address, x.RegionCode, x.ReceivedOn, due, label,
                x.Anonymous, x.NameMasked, x.Handler);
        }).ToList();
        return new Page(rows, total, overdueCount);
    }

    public sealed record Detail(Complaint Complaint, IReadOnlyList<ComplaintEntry> Entries, IReadOnlyList<Guid> PhotoIds, IReadOnlyList<Duplicates.Candidate> PossibleDuplicates,
        IReadOnlyList<(Guid Id, string Code)> MergedHere, string? MergedIntoCode, Reward? Reward);

    public async Task<Detail?> DetailAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var entries = await db.ComplaintEntries.AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        var photos = await db.ComplaintPhotos.AsNoTracking().Where(p => p.ComplaintId == id).Select(p => p.AttachmentId).ToListAsync(ct);
        var from = c.ReceivedOn.AddDays(-Duplicates.WindowDays);
        var to = c.ReceivedOn.AddDays(Duplicates.WindowDays);
        var nearby = db.Complaints.AsNoTracking().Where(x => x.Id != id && x.Category == c.Category && x.ReceivedOn >= from && x.ReceivedOn <= to && x.Status != ComplaintStatus.Merged);
        nearby = c.BusinessId is Guid bid ? nearby.Where(x => x.BusinessId == bid || x.BusinessId == null) : nearby;
        var candidates = await nearby.Select(x => new Duplicates.Candidate(x.Id, x.BusinessId, x.BusinessName, x.Category, x.ReceivedOn, x.Status)).Take(500).ToListAsync(ct);
        var self = new Duplicates.Candidate(c.Id, c.BusinessId, c.BusinessName, c.Category, c.ReceivedOn, c.Status);
        var dups = Duplicates.Of(self, candidates).Where(d => d.Status is ComplaintStatus.Received or ComplaintStatus.InProgress).ToList();
        var merged = (await db.Complaints.AsNoTracking().Where(x => x.MergedIntoId == id).Select(x => new { x.Id, x.TrackingCode }).ToListAsync(ct))
            .Select(x => (x.Id, x.TrackingCode)).ToList();
        var into = c.MergedIntoId is Guid m ? await db.Complaints.AsNoTracking().Where(x => x.Id == m).Select(x => x.TrackingCode).FirstOrDefaultAsync(ct) : null;
        var reward = await db.Rewards.AsNoTracking().Where(r => r.ComplaintId == id).OrderByDescending(r => r.ProposedOn).FirstOrDefaultAsync(ct);
        return new Detail(c, entries, photos, dups, merged, into, reward);
    }

    /// <summary>
    /// A photo of a complaint the caller sees. Read past the region filter: the photo keeps the region of first receipt,
    /// and the department the complaint was transferred to must see it; only ids linked to a visible complaint are read.
    /// </summary>
    public async Task<Kernel.Attachments.Attachment?> PhotoAsync(Guid complaintId, Guid attachmentId, CancellationToken ct)
    {
        if (!await db.ComplaintPhotos.AnyAsync(p => p.ComplaintId == complaintId && p.AttachmentId == attachmentId, ct)
            || !await db.Complaints.AnyAsync(c => c.Id == complaintId, ct))
        {
            return null;
        }

        return await db.Attachments.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> CodesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Complaints.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.TrackingCode, ct);
}
