using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Emergencies;

/// <summary>What officers read of 舆情: the alerts with their clocks, the items, one alert's record, the trends and the response rates.</summary>
public sealed class OpinionQueries(ShianDb db, TimeProvider clock)
{
    public sealed record AlertPage(IReadOnlyList<OpinionAlert> Rows, int Total, int Open, int Overdue);

    public sealed record ItemFilter(string? Topic = null, string? Region = null, Guid? BusinessId = null, OpinionSeverity? Severity = null, DateOnly? From = null,
        DateOnly? To = null, string? Text = null, bool IncludeCopies = false);

    public sealed record ItemPage(IReadOnlyList<OpinionItem> Rows, int Total);

    public sealed record AlertDetail(OpinionAlert Alert, OpinionItem Item, IReadOnlyList<OpinionItemBusiness> Businesses, IReadOnlyList<OpinionItem> Copies,
        IReadOnlyList<OpinionAlertEntry> Entries);

    public sealed record Count(string Key, int Items);

    public sealed record Trends(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<(string Topic, int[] PerWeek)> Topics, IReadOnlyList<Count> Regions,
        IReadOnlyList<(Guid Id, string Name, int Items)> Businesses, int Items, int Copies);

    public sealed record Rates(string RegionCode, int Alerts, int Verified, int VerifiedOnTime, int Responded, int RespondedOnTime, int Closed);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Alerts of the caller's regions: the open ones first, newest first within; overdue = a pending step past its time.</summary>
    public async Task<AlertPage> AlertsAsync(OpinionAlertStatus? status, bool overdueOnly, int page, int size, CancellationToken ct)
    {
        var now = Now;
        var all = db.OpinionAlerts.AsNoTracking();
        var overdue = all.Where(a => a.Status != OpinionAlertStatus.Closed && ((a.VerifiedAtUtc == null && a.VerifyDueUtc < now) || (a.RespondedAtUtc == null && a.RespondDueUtc < now)
                                                                         || (a.Major && a.PressHeldAtUtc == null && a.PressDueUtc < now)
                                                                         || (a.PublishedAtUtc == null && a.PublishDueUtc != null && a.PublishDueUtc < now)));
        var q = overdueOnly ? overdue : all;
        if (status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Status).ThenByDescending(a => a.RaisedAtUtc).Skip((Math.Max(1, page) - 1) * size).Take(size).ToListAsync(ct);
        return new AlertPage(rows, total, await all.CountAsync(a => a.Status != OpinionAlertStatus.Closed, ct), await overdue.CountAsync(ct));
    }

    public async Task<AlertDetail> AlertAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.OpinionAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
                    ?? throw ShianProblemException.NotFound("opinion.alert-not-found", "该舆情预警不存在");
        var item = await ItemOfAsync(db, alert, ct);
        var businesses = await db.OpinionItemBusinesses.AsNoTracking().Where(b => b.ItemId == item.Id).OrderByDescending(b => b.Confidence).ToListAsync(ct);
        var copies = await db.OpinionItems.AsNoTracking().Where(i => i.CopyOfId == item.Id).OrderBy(i => i.CollectedAtUtc).Take(100).ToListAsync(ct);
        var entries = await db.OpinionAlertEntries.AsNoTracking().Where(e => e.AlertId == id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        return new AlertDetail(alert, item, businesses, copies, entries);
    }

    /// <summary>
    /// The item an alert the caller can see was raised on. A story naming businesses of several districts is kept under the
    /// first; the other districts' alerts read it past the region filter (reviewed: only through a visible alert).
    /// </summary>
    internal static Task<OpinionItem> ItemOfAsync(ShianDb db, OpinionAlert alert, CancellationToken ct) =>
        db.OpinionItems.AsNoTracking().IgnoreQueryFilters().FirstAsync(i => i.Id == alert.ItemId, ct);

    public async Task<ItemPage> ItemsAsync(ItemFilter f, int page, int size, CancellationToken ct)
    {
        var q = Filter(db.OpinionItems.AsNoTracking(), f);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.CollectedAtUtc).ThenByDescending(i => i.Id).Skip((Math.Max(1, page) - 1) * size).Take(size).ToListAsync(ct);
        return new ItemPage(rows, total);
    }

    public async Task<OpinionItem> ItemAsync(Guid id, CancellationToken ct) =>
        await db.OpinionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw ShianProblemException.NotFound("opinion.item-not-found", "该舆情条目不存在");

    public Task<List<OpinionFeed>> FeedsAsync(CancellationToken ct) => db.OpinionFeeds.AsNoTracking().OrderBy(f => f.RegionCode).ThenBy(f => f.Name).ToListAsync(ct);

    /// <summary>
    /// The weeks (Monday, Beijing) up to the week of <paramref name="today"/>: items per topic per week, items per county
    /// and the businesses most named — each a link to the items behind it. Copies are counted apart (spread).
    /// </summary>
    public async Task<Trends> TrendsAsync(DateOnly today, int weeks, string? region, CancellationToken ct)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (weeks - 1));
        var since = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
        var q = db.OpinionItems.AsNoTracking().Where(i => i.CollectedAtUtc >= since && i.Severity != OpinionSeverity.None);
        if (region is { Length: > 0 } && RegionCode.IsValid(region))
        {
            var prefix = RegionCode.Prefix(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        var rows = await q.Select(i => new { i.CollectedAtUtc, i.PublishedAtUtc, i.Topics, i.RegionCode, i.BusinessId, i.BusinessName, i.CopyOfId }).Take(200_000).ToListAsync(ct);
        var weekList = Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w)).ToList();
        var originals = rows.Where(r => r.CopyOfId == null).ToList();
        int Week(DateTime utc)
        {
            var d = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, ChinaTime.Zone));
            return Math.Clamp((d.DayNumber - first.DayNumber) / 7, 0, weeks - 1);
        }

        var topics = originals.SelectMany(r => r.Topics.Split('、', StringSplitOptions.RemoveEmptyEntries).Select(t => (Topic: t, Week: Week(r.CollectedAtUtc))))
            .GroupBy(x => x.Topic).Select(g =>
            {
                var per = new int[weeks];
                foreach (var x in g)
                {
                    per[x.Week]++;
                }

                return (g.Key, per);
            }).OrderByDescending(t => t.per.Sum()).ToList();
        var counties = originals.GroupBy(r => RegionCode.CountyOf(r.RegionCode) ?? r.RegionCode).Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Items).ToList();
        var businesses = originals.Where(r => r.BusinessId != null).GroupBy(r => r.BusinessId!.Value)
            .Select(g => (g.Key, g.First().BusinessName ?? "", g.Count())).OrderByDescending(b => b.Item3).Take(10).ToList();
        return new Trends(weekList, topics, counties, businesses, originals.Count, rows.Count - originals.Count);
    }

    /// <summary>Per county, of the alerts raised in [from, to): verified, answered, on time, closed — the 处置率 the indicators take.</summary>
    public async Task<IReadOnlyList<Rates>> RatesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
        var rows = await db.OpinionAlerts.AsNoTracking().Where(a => a.RaisedAtUtc >= start && a.RaisedAtUtc < end)
            .Select(a => new { a.RegionCode, a.VerifiedAtUtc, a.VerifyDueUtc, a.RespondedAtUtc, a.RespondDueUtc, a.Status }).ToListAsync(ct);
        return [.. rows.GroupBy(r => RegionCode.CountyOf(r.RegionCode) ?? r.RegionCode).OrderBy(g => g.Key).Select(g => new Rates(g.Key, g.Count(),
            g.Count(r => r.VerifiedAtUtc != null), g.Count(r => r.VerifiedAtUtc <= r.VerifyDueUtc), g.Count(r => r.RespondedAtUtc != null),
            g.Count(r => r.RespondedAtUtc <= r.RespondDueUtc), g.Count(r => r.Status == OpinionAlertStatus.Closed)))];
    }

    /// <summary>The topics found so far (for the filter).</summary>
    public static IReadOnlyList<string> KnownTopics { get; } =
        ["食物中毒", "地沟油", "餐厨废弃物", "非法添加", "病死畜禽", "私屠滥宰", "注水肉", "过期变质", "异物", "卫生", "无证经营", "三无产品", "假冒伪劣", "农兽药残留", "检出超标", "抽检不合格", "虚假宣传", "食品安全"];

    private static IQueryable<OpinionItem> Filter(IQueryable<OpinionItem> q, ItemFilter f)
    {
        if (!f.IncludeCopies)
        {
            q = q.Where(i => i.CopyOfId == null);
        }

        if (f.Topic is { Length: > 0 } topic)
        {
            q = q.Where(i => i.Topics.Contains(topic));
        }

        if (f.Region is { Length: > 0 } region && RegionCode.IsValid(region))
        {
            var prefix = RegionCode.Prefix(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        if (f.BusinessId is Guid b)
        {
            q = q.Where(i => i.BusinessId == b);
        }

        if (f.Severity is { } s)
        {
            q = q.Where(i => i.Severity == s);
        }

        if (f.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
            q = q.Where(i => i.CollectedAtUtc >= start);
        }

        if (f.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
            q = q.Where(i => i.CollectedAtUtc < end);
        }

        if (f.Text?.Trim() is { Length: > 0 } text)
        {
            q = q.Where(i => i.Title.Contains(text) || (i.BusinessName != null && i.BusinessName.Contains(text)));
        }

        return q;
    }

    internal static string WeekLabel(DateOnly monday) => monday.ToString("MM-dd", CultureInfo.InvariantCulture);
}
