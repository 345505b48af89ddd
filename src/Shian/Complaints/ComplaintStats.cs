using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
public sealed class ComplaintStats(ShianDb db, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IConfiguration configuration)
{
    public sealed record Count(string Key, string Name, int Total, int Substantiated);

    /// <summary>Done on time, done late, still open past the date, and the rate of the decided ones (on time / (on time + late + open overdue)).</summary>
    public sealed record Clock(string Name, string Basis, int OnTime, int Late, int OpenOverdue)
    {
        public decimal? Rate => OnTime + Late + OpenOverdue == 0 ? null : Math.Round(100m * OnTime / (OnTime + Late + OpenOverdue), 1);
    }

    public sealed record Result(string RegionCode, string RegionName, DateOnly From, DateOnly To, int Total, int Complaints, int Reports, int Closed, int Substantiated,
        decimal? AmountRecovered, IReadOnlyList<Count> ByChannel, IReadOnlyList<Count> ByCategory, IReadOnlyList<Count> ByRegion, IReadOnlyList<Count> ByBusiness,
        IReadOnlyList<Clock> Clocks, double? Satisfaction, IReadOnlyList<int> SatisfactionCounts)
    {
        /// <summary>When these figures were counted (they are kept for up to a minute).</summary>
        public DateTime CountedAtUtc { get; init; }
    }

    /// <summary>
    /// The statistics of a region and period. Counted in two passes over the region's complaints (per region code,
    /// channel and category: the totals, statuses, satisfaction and every clock; the businesses most named), then summed
    /// here; kept for <c>Complaints:StatsCacheSeconds</c> (60) per region, period and day, so a dashboard several people
    /// open at once is counted once (the page says when it was counted). The caller has checked the region is theirs:
    /// every complaint under it is visible to them.
    /// </summary>
    public Task<Result> ForAsync(string regionCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var seconds = configuration.GetValue($"{ComplaintsOptions.Section}:StatsCacheSeconds", 60);
        return seconds <= 0
            ? CountAsync(regionCode, from, to, today, ct)
            : cache.GetOrCreateAsync(("complaint-stats", regionCode, from, to, today), e =>
            {
                e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
                return CountAsync(regionCode, from, to, today, ct);
            })!;
    }

    private async Task<Result> CountAsync(string regionCode, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        await db.PlanForEachQueryAsync(ct);
        var prefix = RegionCode.Prefix(regionCode);
        var q = db.Complaints.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.ReceivedOn >= from && c.ReceivedOn <= to && c.Status != ComplaintStatus.Merged);

        // Pass 1: per region code, channel and category (a few thousand groups at city scale), everything that adds up;
        // summed below per region and per channel and category. On PostgreSQL this and pass 2 read only the covering
        // index (region, day) that holds every column they name (ComplaintConfiguration), not the wide rows.
        var cells = await q.GroupBy(c => new { c.RegionCode, c.Channel, c.Category }).Select(g => new
        {
            g.Key.RegionCode,
            g.Key.Channel,
            g.Key.Category,
            N = g.Count(),
            S = g.Count(c => c.Substantiated == true),
            Complaints = g.Count(c => c.Kind == ComplaintKind.Complaint),
            Closed = g.Count(c => c.Status == ComplaintStatus.Closed || c.Status == ComplaintStatus.Refused),
            Amount = g.Sum(c => c.AmountRecovered),
            R1 = g.Count(c => c.Satisfaction == 1), R2 = g.Count(c => c.Satisfaction == 2), R3 = g.Count(c => c.Satisfaction == 3),
            R4 = g.Count(c => c.Satisfaction == 4), R5 = g.Count(c => c.Satisfaction == 5),
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
        }).ToListAsync(ct);

        var regions = cells.GroupBy(c => c.RegionCode).Select(g => new
        {
            g.Key,
            N = g.Sum(x => x.N), S = g.Sum(x => x.S), Complaints = g.Sum(x => x.Complaints), Closed = g.Sum(x => x.Closed),
            Amount = g.Any(x => x.Amount != null) ? g.Sum(x => x.Amount ?? 0m) : (decimal?)null,
            R1 = g.Sum(x => x.R1), R2 = g.Sum(x => x.R2), R3 = g.Sum(x => x.R3), R4 = g.Sum(x => x.R4), R5 = g.Sum(x => x.R5),
            AcceptOnTime = g.Sum(x => x.AcceptOnTime), AcceptLate = g.Sum(x => x.AcceptLate), AcceptOpen = g.Sum(x => x.AcceptOpen),
            VerifyOnTime = g.Sum(x => x.VerifyOnTime), VerifyLate = g.Sum(x => x.VerifyLate), VerifyOpen = g.Sum(x => x.VerifyOpen),
            ReplyOnTime = g.Sum(x => x.ReplyOnTime), ReplyLate = g.Sum(x => x.ReplyLate), ReplyOpen = g.Sum(x => x.ReplyOpen),
            TellOnTime = g.Sum(x => x.TellOnTime), TellLate = g.Sum(x => x.TellLate), TellOpen = g.Sum(x => x.TellOpen),
        }).ToList();
        var kinds = cells.GroupBy(c => (c.Channel, c.Category)).Select(g => new { g.Key.Channel, g.Key.Category, N = g.Sum(x => x.N), S = g.Sum(x => x.S) }).ToList();

        // Pass 2: the businesses most named.
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

        var clocks = new List<Clock>
        {
            new("受理", "第十四条 7 个工作日", regions.Sum(r => r.AcceptOnTime), regions.Sum(r => r.AcceptLate), regions.Sum(r => r.AcceptOpen)),
            new("核查", "15 个工作日（延长 15）", regions.Sum(r => r.VerifyOnTime), regions.Sum(r => r.VerifyLate), regions.Sum(r => r.VerifyOpen)),
            new("答复", "本地时限", regions.Sum(r => r.ReplyOnTime), regions.Sum(r => r.ReplyLate), regions.Sum(r => r.ReplyOpen)),
            new("告知举报人", "第三十一条 5 个工作日", regions.Sum(r => r.TellOnTime), regions.Sum(r => r.TellLate), regions.Sum(r => r.TellOpen)),
        };

        int[] ratings = [regions.Sum(r => r.R1), regions.Sum(r => r.R2), regions.Sum(r => r.R3), regions.Sum(r => r.R4), regions.Sum(r => r.R5)];
        var rated = ratings.Sum();
        var total = regions.Sum(r => r.N);
        var complaints = regions.Sum(r => r.Complaints);
        var amounts = regions.Where(r => r.Amount != null).Select(r => r.Amount!.Value).ToList();
        return new Result(regionCode, names.GetValueOrDefault(regionCode, regionCode), from, to, total, complaints, total - complaints,
            regions.Sum(r => r.Closed), regions.Sum(r => r.S), amounts.Count == 0 ? null : amounts.Sum(),
            [.. kinds.GroupBy(x => x.Channel).Select(g => new Count(g.Key.ToString(), Intake.ChannelText(g.Key), g.Sum(x => x.N), g.Sum(x => x.S))).OrderByDescending(c => c.Total)],
            [.. kinds.GroupBy(x => x.Category).Select(g => new Count(g.Key.ToString(), Rules.Open311Services.Of(g.Key).Name, g.Sum(x => x.N), g.Sum(x => x.S))).OrderByDescending(c => c.Total)],
            byRegion, [.. businesses.Select(b => new Count(b.Key, b.Key, b.N, b.S))], clocks,
            rated == 0 ? null : Math.Round(ratings.Select((n, i) => (i + 1) * n).Sum() / (double)rated, 2),
            ratings)
        {
            CountedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
    }
}
