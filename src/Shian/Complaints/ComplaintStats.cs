using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;

namespace Shian.Complaints;

/// <summary>
/// 投诉举报统计 for a region and period (by the day received): volume by channel, category, type and the region's
/// districts or streets (hot spots, drilled into), the businesses most complained about, the on-time rate against each
/// clock (seed 004's 核查回复率), satisfaction. Counted in the database (grouped queries), so it stays fast at city scale.
/// </summary>
public sealed class ComplaintStats(ShianDb db, TimeProvider clock)
{
    public sealed record Count(string Key, string Name, int Total, int Substantiated);

    /// <summary>Done on time, done late, still open past the date, and the rate of the decided ones (on time / (on time + late + open overdue)).</summary>
    public sealed record Clock(string Name, string Basis, int OnTime, int Late, int OpenOverdue)
    {
        public decimal? Rate => OnTime + Late + OpenOverdue == 0 ? null : Math.Round(100m * OnTime / (OnTime + Late + OpenOverdue), 1);
    }

    public sealed record Result(string RegionCode, string RegionName, DateOnly From, DateOnly To, int Total, int Complaints, int Reports, int Closed, int Substantiated,
        decimal? AmountRecovered, IReadOnlyList<Count> ByChannel, IReadOnlyList<Count> ByCategory, IReadOnlyList<Count> ByRegion, IReadOnlyList<Count> ByBusiness,
        IReadOnlyList<Clock> Clocks, double? Satisfaction, IReadOnlyList<int> SatisfactionCounts);

    public async Task<Result> ForAsync(string regionCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var prefix = RegionCode.Prefix(regionCode);
        var q = db.Complaints.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.ReceivedOn >= from && c.ReceivedOn <= to && c.Status != ComplaintStatus.Merged);
        var today = ChinaTime.Today(clock);

        var byStatus = await q.GroupBy(c => new { c.Kind, c.Status, Sub = c.Substantiated == true }).Select(g => new { g.Key.Kind, g.Key.Status, g.Key.Sub, N = g.Count() }).ToListAsync(ct);
        var total = byStatus.Sum(x => x.N);
        var amount = await q.Where(c => c.AmountRecovered != null).SumAsync(c => c.AmountRecovered, ct);

        var channels = await q.GroupBy(c => c.Channel).Select(g => new { g.Key, N = g.Count(), S = g.Count(c => c.Substantiated == true) }).ToListAsync(ct);
        var categories = await q.GroupBy(c => c.Category).Select(g => new { g.Key, N = g.Count(), S = g.Count(c => c.Substantiated == true) }).ToListAsync(ct);
        var regions = await q.GroupBy(c => c.RegionCode).Select(g => new { g.Key, N = g.Count(), S = g.Count(c => c.Substantiated == true) }).ToListAsync(ct);
        var businesses = await q.Where(c => c.BusinessName != null).GroupBy(c => c.BusinessName!).Select(g => new { g.Key, N = g.Count(), S = g.Count(c => c.Substantiated == true) })
            .OrderByDescending(x => x.N).Take(10).ToListAsync(ct);

        // Hot spots one level down: the districts of a city, the streets of a district.
        var level = RegionCode.LevelOf(regionCode);
        var childLength = level switch { RegionLevel.Province => 4, RegionLevel.City => 6, _ => 9 };
        var childCodes = regions.Select(r => RegionCode.Pad(r.Key[..Math.Min(childLength, r.Key.Length)])).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => childCodes.Contains(r.Code) || r.Code == regionCode).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var byRegion = regions.GroupBy(r => RegionCode.Pad(r.Key[..Math.Min(childLength, r.Key.Length)]))
            .Select(g => new Count(g.Key, g.Key == regionCode ? names.GetValueOrDefault(g.Key, g.Key) + "（本级）" : names.GetValueOrDefault(g.Key, g.Key), g.Sum(x => x.N), g.Sum(x => x.S)))
            .OrderByDescending(c => c.Total).ToList();

        // Every clock's three counts in one pass over the region and period (one grouped query, not twelve).
        var k = await q.GroupBy(_ => 1).Select(g => new
        {
            AcceptOnTime = g.Count(c => c.Kind == ComplaintKind.Complaint && (c.AcceptedOn ?? c.RefusedOn) != null && (c.AcceptedOn ?? c.RefusedOn) <= c.AcceptBy),
            AcceptLate = g.Count(c => c.Kind == ComplaintKind.Complaint && (c.AcceptedOn ?? c.RefusedOn) != null && (c.AcceptedOn ?? c.RefusedOn) > c.AcceptBy),
            AcceptOpen = g.Count(c => c.Kind == ComplaintKind.Complaint && c.AcceptedOn == null && c.RefusedOn == null && c.Status == ComplaintStatus.Received && c.AcceptBy < today),
            VerifyOnTime = g.Count(c => c.VerifyBy != null && c.VerifiedOn != null && c.VerifiedOn <= c.VerifyBy),
            VerifyLate = g.Count(c => c.VerifyBy != null && c.VerifiedOn != null && c.VerifiedOn > c.VerifyBy),
            VerifyOpen = g.Count(c => c.VerifyBy != null && c.VerifiedOn == null && c.ClosedOn == null && c.VerifyBy < today),
            ReplyOnTime = g.Count(c => c.LocalReplyBy != null && c.RepliedOn != null && c.RepliedOn <= c.LocalReplyBy),
            ReplyLate = g.Count(c => c.LocalReplyBy != null && c.RepliedOn != null && c.RepliedOn > c.LocalReplyBy),
            ReplyOpen = g.Count(c => c.LocalReplyBy != null && c.RepliedOn == null && c.ClosedOn == null && c.LocalReplyBy < today),
            TellOnTime = g.Count(c => c.ReporterToldBy != null && c.ReporterToldOn != null && c.ReporterToldOn <= c.ReporterToldBy),
            TellLate = g.Count(c => c.ReporterToldBy != null && c.ReporterToldOn != null && c.ReporterToldOn > c.ReporterToldBy),
            TellOpen = g.Count(c => c.ReporterToldBy != null && c.ReporterToldOn == null && c.ReporterToldBy < today),
        }).FirstOrDefaultAsync(ct);
        var clocks = new List<Clock>
        {
            new("受理", "第十四条 7 个工作日", k?.AcceptOnTime ?? 0, k?.AcceptLate ?? 0, k?.AcceptOpen ?? 0),
            new("核查", "15 个工作日（延长 15）", k?.VerifyOnTime ?? 0, k?.VerifyLate ?? 0, k?.VerifyOpen ?? 0),
            new("答复", "本地时限", k?.ReplyOnTime ?? 0, k?.ReplyLate ?? 0, k?.ReplyOpen ?? 0),
            new("告知举报人", "第三十一条 5 个工作日", k?.TellOnTime ?? 0, k?.TellLate ?? 0, k?.TellOpen ?? 0),
        };

        var ratings = await q.Where(c => c.Satisfaction != null).GroupBy(c => c.Satisfaction!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var rated = ratings.Sum(r => r.N);
        return new Result(regionCode, names.GetValueOrDefault(regionCode, regionCode), from, to, total,
            byStatus.Where(x => x.Kind == ComplaintKind.Complaint).Sum(x => x.N), byStatus.Where(x => x.Kind == ComplaintKind.Report).Sum(x => x.N),
            byStatus.Where(x => x.Status is ComplaintStatus.Closed or ComplaintStatus.Refused).Sum(x => x.N), byStatus.Where(x => x.Sub).Sum(x => x.N), amount,
            [.. channels.OrderByDescending(x => x.N).Select(x => new Count(x.Key.ToString(), Intake.ChannelText(x.Key), x.N, x.S))],
            [.. categories.OrderByDescending(x => x.N).Select(x => new Count(x.Key.ToString(), Rules.Open311Services.Of(x.Key).Name, x.N, x.S))],
            byRegion, [.. businesses.Select(b => new Count(b.Key, b.Key, b.N, b.S))], clocks,
            rated == 0 ? null : Math.Round(ratings.Sum(r => r.Key * r.N) / (double)rated, 2),
            [.. Enumerable.Range(1, 5).Select(i => ratings.FirstOrDefault(r => r.Key == i)?.N ?? 0)]);
    }
}
