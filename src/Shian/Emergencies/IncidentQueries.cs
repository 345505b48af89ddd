using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Regions;

namespace Shian.Emergencies;

/// <summary>The incidents of the caller's regions: the list (open first, by the next report due), one incident's command view, and the reporting rates.</summary>
public sealed class IncidentQueries(ShianDb db, TimeProvider clock)
{
    public sealed record Row(Guid Id, string Title, string RegionCode, IncidentStatus Status, IncidentGrade? Grade, IncidentSetting Setting, int Harmed, int Deaths,
        DateTime ReceivedAtUtc, bool ReportedLate, UpwardReportKind? NextKind, DateTime? NextDueUtc, int LateReports);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total, int Open, int Overdue);

    public sealed record Detail(Incident Incident, IReadOnlyList<UpwardReport> Reports, IReadOnlyList<IncidentTask> Tasks, IReadOnlyList<IncidentEntry> Entries, IReadOnlyList<Guid> PhotoIds,
        IReadOnlyList<IncidentLink> Links, IReadOnlyList<IncidentPlace> Places)
    {
        /// <summary>The streets/towns where people fell ill (onset places), as the grade's spread counts them.</summary>
        public int OnsetTowns => Places.Where(p => p.Kind == AffectedPlaceKind.Onset).Select(p => p.PlaceRegionCode).Distinct().Count();
    }

    /// <summary>Per region (county) over a period: incidents handled (ended) of those received, and upward reports on time of those due.</summary>
    public sealed record Rates(string RegionCode, int Received, int Ended, int ReportsDue, int ReportsOnTime, int UnitLate)
    {
        public double? HandledRate => Received == 0 ? null : (double)Ended / Received;

        public double? OnTimeRate => ReportsDue == 0 ? null : (double)ReportsOnTime / ReportsDue;
    }

    public async Task<Page> ListAsync(IncidentStatus? status, bool overdueOnly, int page, int size, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Incidents.AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(i => i.Status == s);
        }

        var incidents = await q.OrderByDescending(i => i.ReceivedAtUtc).Select(i => new
        {
            i.Id, i.Title, i.RegionCode, i.Status, i.Grade, i.Setting, i.Harmed, i.Deaths, i.ReceivedAtUtc, i.ReportedLate,
        }).ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var reports = new List<UpwardReport>();
        foreach (var chunk in ids.Chunk(500))
        {
            reports.AddRange(await db.UpwardReports.AsNoTracking().Where(r => chunk.Contains(r.IncidentId) && !r.Cancelled).ToListAsync(ct));
        }

        var byIncident = reports.ToLookup(r => r.IncidentId);
        var rows = incidents.Select(i =>
        {
            var next = byIncident[i.Id].Where(r => r.SubmittedAtUtc == null).OrderBy(r => r.DueAtUtc).FirstOrDefault();
            var late = byIncident[i.Id].Count(r => IncidentClock.IsLate(r.DueAtUtc, r.SubmittedAtUtc, now));
            return new Row(i.Id, i.Title, i.RegionCode, i.Status, i.Grade, i.Setting, i.Harmed, i.Deaths, i.ReceivedAtUtc, i.ReportedLate, next?.Kind, next?.DueAtUtc, late);
        }).ToList();
        if (overdueOnly)
        {
            rows = [.. rows.Where(r => r.NextDueUtc < now)];
        }

        var ordered = rows.OrderBy(r => r.Status is IncidentStatus.Closed or IncidentStatus.Dismissed && r.NextDueUtc is null ? 1 : 0)
            .ThenBy(r => r.NextDueUtc ?? DateTime.MaxValue).ThenByDescending(r => r.ReceivedAtUtc).ToList();
        return new Page([.. ordered.Skip((Math.Max(1, page) - 1) * size).Take(size)], ordered.Count,
            ordered.Count(r => r.Status is IncidentStatus.Reported or IncidentStatus.Responding), ordered.Count(r => r.NextDueUtc < now));
    }

    public async Task<Detail?> DetailAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return null;
        }

        return new Detail(incident,
            await db.UpwardReports.AsNoTracking().Where(r => r.IncidentId == id).OrderBy(r => r.DueAtUtc).ToListAsync(ct),
            await db.IncidentTasks.AsNoTracking().Where(t => t.IncidentId == id).OrderBy(t => t.AssignedAtUtc).ToListAsync(ct),
            await db.IncidentEntries.AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct),
            await db.IncidentPhotos.AsNoTracking().Where(p => p.IncidentId == id).Select(p => p.AttachmentId).ToListAsync(ct),
            await db.IncidentLinks.AsNoTracking().Where(l => l.IncidentId == id).OrderBy(l => l.LinkedAtUtc).ToListAsync(ct),
            await db.IncidentPlaces.AsNoTracking().Where(p => p.IncidentId == id).OrderBy(p => p.Kind).ThenByDescending(p => p.Cases).ThenBy(p => p.AddedAtUtc).ToListAsync(ct));
    }

    /// <summary>
    /// The situation report of an incident as it stands: for the next report due (or, with none pending, a progress report
    /// after the last one sent), drafted from the record.
    /// </summary>
    public async Task<SituationReport.Document?> SituationAsync(Guid id, GradeCriteria criteria, CancellationToken ct) =>
        await DetailAsync(id, ct) is { } d ? await SituationAsync(d, criteria, ct) : null;

    /// <summary>The same, from a command view already loaded (the incident page).</summary>
    public async Task<SituationReport.Document> SituationAsync(Detail d, GradeCriteria criteria, CancellationToken ct)
    {
        var codes = d.Places.Select(p => p.PlaceRegionCode).Append(d.Incident.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var pending = d.Reports.Where(r => r.SubmittedAtUtc is null && !r.Cancelled).OrderBy(r => r.DueAtUtc).FirstOrDefault();
        var kind = pending?.Kind ?? (d.Incident.Status is IncidentStatus.Closed ? UpwardReportKind.Final : UpwardReportKind.Progress);
        var sequence = pending?.Sequence ?? d.Reports.Count(r => r.Kind == kind) + 1;
        return SituationReport.Build(new SituationReport.Input(d.Incident, names.GetValueOrDefault(d.Incident.RegionCode, d.Incident.RegionCode), d.Reports, d.Tasks, d.Links, d.Places,
            names, IncidentGrading.Grade(d.Incident.Facts, criteria), kind, sequence, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>A photo of an incident the caller can see (the attachment's id alone is not enough).</summary>
    public async Task<Kernel.Attachments.Attachment?> PhotoAsync(Guid incidentId, Guid attachmentId, CancellationToken ct) =>
        await db.IncidentPhotos.AsNoTracking().AnyAsync(p => p.IncidentId == incidentId && p.AttachmentId == attachmentId, ct)
            ? await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct)
            : null;

    /// <summary>
    /// 应急处置率 and on-time reporting by county for incidents received in [from, to) (Beijing dates): a report counts as due
    /// once its time has passed or it was sent; on time when sent by its due time. The unit's own late reports (缓报) are counted apart.
    /// </summary>
    public async Task<IReadOnlyList<Rates>> RatesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Kernel.Calendar.ChinaTime.Zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(TimeOnly.MinValue), Kernel.Calendar.ChinaTime.Zone);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ReceivedAtUtc >= fromUtc && i.ReceivedAtUtc < toUtc && i.Status != IncidentStatus.Dismissed)
            .Select(i => new { i.Id, i.RegionCode, i.Status, i.ReportedLate }).ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var reports = new List<(Guid IncidentId, DateTime Due, DateTime? Sent)>();
        foreach (var chunk in ids.Chunk(500))
        {
            reports.AddRange((await db.UpwardReports.AsNoTracking().Where(r => chunk.Contains(r.IncidentId) && !r.Cancelled)
                .Select(r => new { r.IncidentId, r.DueAtUtc, r.SubmittedAtUtc }).ToListAsync(ct)).Select(r => (r.IncidentId, r.DueAtUtc, r.SubmittedAtUtc)));
        }

        var county = incidents.ToDictionary(i => i.Id, i => RegionCode.CountyOf(i.RegionCode) ?? i.RegionCode);
        var due = reports.Where(r => r.Sent is not null || r.Due < now).ToList();
        return [.. incidents.GroupBy(i => county[i.Id]).OrderBy(g => g.Key).Select(g =>
        {
            var mine = due.Where(r => county[r.IncidentId] == g.Key).ToList();
            return new Rates(g.Key, g.Count(), g.Count(i => i.Status == IncidentStatus.Closed), mine.Count, mine.Count(r => r.Sent is { } s && s <= r.Due), g.Count(i => i.ReportedLate));
        })];
    }
}
