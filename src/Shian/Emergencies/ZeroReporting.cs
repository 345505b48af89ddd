using Microsoft.EntityFrameworkCore;
using Quartz;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;

namespace Shian.Emergencies;

/// <summary>
/// 零报告: the schedules local plans set for their reporting points, the points' reports that nothing happened, the board
/// of who reported for which period, and the check that flags missing ones once their period is due.
/// </summary>
public sealed partial class ZeroReporting(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, Notifier notifier, DistrictRecipients recipients,
    People people, ILogger<ZeroReporting> logger)
{
    public sealed record ScheduleInput(string? Title, string? RegionCode, ZeroReportFrequency Frequency, int DueHour, int DueOffsetDays, bool WorkingDaysOnly,
        bool IncludeKeySites, DateOnly? From, DateOnly? Until, string? Basis);

    /// <summary>A point on the board: its state per period (null where the point did not exist yet), newest period first.</summary>
    public sealed record BoardRow(ReportingPoint Point, int Reporters, IReadOnlyList<ZeroReportState?> States);

    public sealed record Board(ZeroReportSchedule Schedule, IReadOnlyList<ZeroReportPeriod> Periods, IReadOnlyList<BoardRow> Rows)
    {
        /// <summary>Reported on time (or an incident reported) among the points owing a report for periods already due: 零报告及时率.</summary>
        public (int OnTime, int Owed) Timeliness
        {
            get
            {
                var owed = 0;
                var onTime = 0;
                foreach (var r in Rows)
                {
                    foreach (var s in r.States)
                    {
                        if (s is null or ZeroReportState.Open)
                        {
                            continue;
                        }

                        owed++;
                        onTime += s is ZeroReportState.OnTime or ZeroReportState.Incident ? 1 : 0;
                    }
                }

                return (onTime, owed);
            }
        }
    }

    /// <summary>A report the signed-in reporter owes or may still make (the current period, and any missed one within the board's span).</summary>
    public sealed record Owed(ZeroReportSchedule Schedule, ReportingPoint Point, ZeroReportPeriod Period, ZeroReportState State);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public const int BoardPeriods = 6;

    public async Task<IReadOnlyList<ZeroReportSchedule>> SchedulesAsync(CancellationToken ct) =>
        await db.ZeroReportSchedules.AsNoTracking().OrderByDescending(s => s.From).ThenBy(s => s.RegionCode).Take(200).ToListAsync(ct);

    public async Task<Guid> AddScheduleAsync(ScheduleInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 100)
        {
            errors["title"] = ["请填写名称（不超过 100 字），如“春节假期每日零报告”"];
        }

        var rule = new ZeroReportRule(input.Frequency, input.DueHour, input.DueOffsetDays, input.WorkingDaysOnly);
        var problems = rule.Problems().ToList();
        if (problems.Count > 0)
        {
            errors["frequency"] = [.. problems];
        }

        var today = ChinaTime.Today(clock);
        if (input.From is not { } from)
        {
            errors["from"] = ["请填写开始日期"];
        }
        else if (from < today.AddDays(-31))
        {
            errors["from"] = ["开始日期不能早于 31 天前"];
        }
        else if (input.Until is { } until && (until < from || until > from.AddYears(5)))
        {
            errors["until"] = ["结束日期应在开始日期之后、5 年之内"];
        }

        var basis = input.Basis?.Trim();
        if (basis is { Length: > 500 })
        {
            errors["basis"] = ["依据不能超过 500 字"];
        }

        var region = input.RegionCode?.Trim();
        if (region is null || !RegionCode.IsValid(region) || await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct) is not { } r)
        {
            errors["regionCode"] = ["请选择适用的区县或市"];
        }
        else if (r.Level is not (RegionLevel.County or RegionLevel.City))
        {
            errors["regionCode"] = ["零报告制度按区县或市设定"];
        }
        else if (!db.Request.Scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden("该地区不在您的辖区");
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.zero-schedule-invalid", "零报告制度设置有误，请按提示修改", errors);
        }

        var schedule = new ZeroReportSchedule
        {
            RegionCode = region!, Title = title!, Frequency = input.Frequency, DueHour = input.DueHour, DueOffsetDays = input.DueOffsetDays,
            WorkingDaysOnly = input.WorkingDaysOnly, IncludeKeySites = input.IncludeKeySites, From = input.From!.Value, Until = input.Until,
            Basis = string.IsNullOrEmpty(basis) ? null : basis, CreatedBy = db.Request.UserName, CreatedAtUtc = Now,
            // Periods already due when the schedule is set are shown, not flagged.
            CheckedThroughUtc = Now,
        };
        db.ZeroReportSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        return schedule.Id;
    }

    /// <summary>Ends a schedule today (a holiday watch over); its reports stay.</summary>
    public async Task EndScheduleAsync(Guid id, CancellationToken ct)
    {
        var s = await db.ZeroReportSchedules.FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw ShianProblemException.NotFound("emergencies.zero-schedule-not-found", "零报告制度不存在或不在您的辖区");
        var today = ChinaTime.Today(clock);
        if (s.Until is { } u && u <= today)
        {
            throw ShianProblemException.Conflict("emergencies.zero-schedule-ended", "该零报告制度已结束");
        }

        s.Until = today < s.From ? s.From : today;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Board> BoardAsync(Guid id, CancellationToken ct)
    {
        var s = await db.ZeroReportSchedules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw ShianProblemException.NotFound("emergencies.zero-schedule-not-found", "零报告制度不存在或不在您的辖区");
        var periods = ZeroReportClock.Recent(s.Rule, s.From, s.Until, Now, BoardPeriods, calendar.Current);
        var points = await OwingAsync(s, ct);
        var states = await StatesAsync(s, points, periods, ct);
        var ids = points.Select(p => p.Id).ToList();
        var reporters = (await db.PointReporters.AsNoTracking().Where(r => ids.Contains(r.PointId) && r.RemovedAtUtc == null).Select(r => r.PointId).ToListAsync(ct))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        return new Board(s, periods, [.. points.Select(p => new BoardRow(p, reporters.GetValueOrDefault(p.Id), [.. periods.Select(per => states(p, per))]))]);
    }

    /// <summary>What the signed-in user, as a named reporter, owes: per schedule and point, the current period and missed ones still on the board.</summary>
    public async Task<IReadOnlyList<Owed>> MineAsync(CancellationToken ct)
    {
        var me = db.Request.UserName;
        var points = await db.PointReporters.AsNoTracking().IgnoreQueryFilters().Where(r => r.UserName == me && r.RemovedAtUtc == null)
            .Join(db.ReportingPoints.AsNoTracking().IgnoreQueryFilters().Where(p => p.Active), r => r.PointId, p => p.Id, (r, p) => p).Distinct().ToListAsync(ct);
        if (points.Count == 0)
        {
            return [];
        }

        var today = ChinaTime.Today(clock);
        var schedules = await db.ZeroReportSchedules.AsNoTracking().IgnoreQueryFilters().Where(s => s.From <= today && (s.Until == null || s.Until >= today.AddDays(-40))).ToListAsync(ct);
        var result = new List<Owed>();
        foreach (var s in schedules)
        {
            var prefix = RegionCode.Prefix(s.RegionCode);
            var mine = points.Where(p => p.RegionCode.StartsWith(prefix, StringComparison.Ordinal) && (s.IncludeKeySites || p.Kind == ReportingPointKind.Street)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var periods = ZeroReportClock.Recent(s.Rule, s.From, s.Until, Now, BoardPeriods, calendar.Current);
            var states = await StatesAsync(s, mine, periods, ct);
            foreach (var p in mine)
            {
                foreach (var per in periods)
                {
                    if (states(p, per) is { } st && (st is ZeroReportState.Open or ZeroReportState.Missing || per == periods[0]))
                    {
                        result.Add(new Owed(s, p, per, st));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A point's report that nothing happened in a period: by one of its named reporters, or entered by an officer managing the
    /// network (电话报送代录). Only a period that has begun, within the schedule, once.
    /// </summary>
    public async Task SubmitAsync(Guid scheduleId, Guid pointId, DateOnly periodStart, string? note, CancellationToken ct)
    {
        var me = db.Request.UserName;
        var reporter = await db.PointReporters.AsNoTracking().IgnoreQueryFilters().AnyAsync(r => r.PointId == pointId && r.UserName == me && r.RemovedAtUtc == null, ct);
        var onBehalf = false;
        ReportingPoint? point;
        ZeroReportSchedule? s;
        if (reporter)
        {
            // A named reporter (a school's own account) reports for its point even where it has no jurisdiction.
            point = await db.ReportingPoints.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == pointId && p.Active, ct);
            s = await db.ZeroReportSchedules.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == scheduleId, ct);
        }
        else
        {
            if (!db.Request.Grants(EmergenciesPermissions.Network))
            {
                throw ShianProblemException.NotFound("emergencies.zero-not-reporter", "直报点不存在，或您不是该直报点的信息员");
            }

            onBehalf = true;
            point = await db.ReportingPoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pointId && p.Active, ct);
            s = await db.ZeroReportSchedules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == scheduleId, ct);
            if (point is not null && !db.Request.Scope.AllowsCreateIn(point.RegionCode))
            {
                throw ShianProblemException.RegionForbidden("该直报点不在您的辖区");
            }
        }

        if (point is null || s is null)
        {
            throw ShianProblemException.NotFound("emergencies.zero-not-found", "直报点或零报告制度不存在或不在您的辖区");
        }

        if (!point.RegionCode.StartsWith(RegionCode.Prefix(s.RegionCode), StringComparison.Ordinal) || !(s.IncludeKeySites || point.Kind == ReportingPointKind.Street))
        {
            throw ShianProblemException.Conflict("emergencies.zero-not-owed", "该直报点不在此零报告制度的范围内");
        }

        var n = note?.Trim();
        if (n is { Length: > 500 })
        {
            throw ShianProblemException.Invalid("emergencies.zero-note", "说明不能超过 500 字", new Dictionary<string, string[]> { ["note"] = ["说明不能超过 500 字"] });
        }

        var today = ChinaTime.Today(clock);
        var period = ZeroReportClock.PeriodOf(s.Rule, periodStart, calendar.Current);
        if (period is null || period.Start != periodStart || periodStart < s.From || (s.Until is { } u && periodStart > u))
        {
            throw ShianProblemException.Invalid("emergencies.zero-period", "报告周期有误", new Dictionary<string, string[]> { ["periodStart"] = ["请选择该制度的报告周期"] });
        }

        if (periodStart > today)
        {
            throw ShianProblemException.Conflict("emergencies.zero-future", "该报告周期尚未开始，不能提前报送");
        }

        if (await db.ZeroReports.IgnoreQueryFilters().AnyAsync(z => z.ScheduleId == s.Id && z.PointId == point.Id && z.PeriodStart == periodStart, ct))
        {
            throw ShianProblemException.Conflict("emergencies.zero-exists", $"{point.Name} {period.Label} 的零报告已报送");
        }

        db.ZeroReports.Add(new ZeroReport
        {
            ScheduleId = s.Id, PointId = point.Id, RegionCode = point.RegionCode, PeriodStart = periodStart, SubmittedAtUtc = Now, SubmittedBy = me,
            OnBehalf = onBehalf, Note = string.IsNullOrEmpty(n) ? null : n,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Flags the reports missing for every period that fell due since the last check: each point's reporters are told, and
    /// the district's officers get one list per district. Runs as system work (the job), so it sees every schedule.
    /// </summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = Now;
        var today = ChinaTime.Today(clock);
        var schedules = await db.ZeroReportSchedules.Where(s => s.Until == null || s.Until >= today.AddDays(-40)).ToListAsync(ct);
        var who = await recipients.LoadAsync(ct);
        var flagged = 0;
        foreach (var s in schedules)
        {
            var due = ZeroReportClock.DueBetween(s.Rule, s.From, s.Until, s.CheckedThroughUtc, now, calendar.Current);
            if (due.Count > 0)
            {
                var points = await OwingAsync(s, ct);
                var states = await StatesAsync(s, points, due, ct);
                foreach (var period in due)
                {
                    var missing = points.Where(p => states(p, period) == ZeroReportState.Missing).ToList();
                    if (missing.Count == 0)
                    {
                        continue;
                    }

                    flagged += missing.Count;
                    var ids = missing.Select(p => p.Id).ToList();
                    var names = await db.PointReporters.AsNoTracking().Where(r => ids.Contains(r.PointId) && r.RemovedAtUtc == null).Select(r => r.UserName).Distinct().ToListAsync(ct);
                    notifier.Notify(await people.IdsOfAsync(names, ct), $"零报告未按时报送：{s.Title}", $"{period.Label} 的零报告已过截止时间，请尽快补报（无事件也须报告）。", "/emergencies/zero-reports");
                    foreach (var district in missing.GroupBy(p => RegionCode.CountyOf(p.RegionCode) ?? p.RegionCode))
                    {
                        notifier.Notify(who(district.Key), $"零报告缺报 {district.Count()} 个直报点：{s.Title}",
                            $"{period.Label}：{string.Join("、", district.Take(20).Select(p => p.Name))}{(district.Count() > 20 ? "……" : "")}", $"/emergencies/zero-reports?schedule={s.Id}");
                    }
                }
            }

            s.CheckedThroughUtc = now;
        }

        await db.SaveChangesAsync(ct);
        LogChecked(logger, schedules.Count, flagged);
        return flagged;
    }

    /// <summary>The active points a schedule covers: the street points of its region, and its key sites when it includes them.</summary>
    private async Task<List<ReportingPoint>> OwingAsync(ZeroReportSchedule s, CancellationToken ct)
    {
        var prefix = RegionCode.Prefix(s.RegionCode);
        return await db.ReportingPoints.AsNoTracking()
            .Where(p => p.Active && p.RegionCode.StartsWith(prefix) && (s.IncludeKeySites || p.Kind == ReportingPointKind.Street))
            .OrderBy(p => p.RegionCode).ThenBy(p => p.Kind).ThenBy(p => p.Name).Take(2000).ToListAsync(ct);
    }

    /// <summary>
    /// The state of each point for each period: its zero report, or an incident reported from it (a street point: any incident
    /// in its street) whose unit learned of it within the period; none for a period that ended before the point was set up.
    /// </summary>
    private async Task<Func<ReportingPoint, ZeroReportPeriod, ZeroReportState?>> StatesAsync(ZeroReportSchedule s, IReadOnlyList<ReportingPoint> points,
        IReadOnlyList<ZeroReportPeriod> periods, CancellationToken ct)
    {
        if (periods.Count == 0 || points.Count == 0)
        {
            return (_, _) => null;
        }

        var ids = points.Select(p => p.Id).ToList();
        var first = periods.Min(p => p.Start);
        var last = periods.Max(p => p.End);
        var reports = (await db.ZeroReports.AsNoTracking().IgnoreQueryFilters().Where(z => z.ScheduleId == s.Id && ids.Contains(z.PointId) && z.PeriodStart >= first && z.PeriodStart <= last)
            .Select(z => new { z.PointId, z.PeriodStart, z.SubmittedAtUtc }).ToListAsync(ct)).ToDictionary(z => (z.PointId, z.PeriodStart), z => z.SubmittedAtUtc);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
        var prefix = RegionCode.Prefix(s.RegionCode);
        var incidents = await db.Incidents.AsNoTracking().IgnoreQueryFilters()
            .Where(i => i.RegionCode.StartsWith(prefix) && i.LearnedAtUtc >= fromUtc && i.LearnedAtUtc < toUtc)
            .Select(i => new { i.ReportingPointId, i.RegionCode, i.LearnedAtUtc }).ToListAsync(ct);
        var byPoint = incidents.Where(i => i.ReportingPointId is not null).ToLookup(i => i.ReportingPointId!.Value, i => ChinaTime.DateOfUtc(i.LearnedAtUtc));
        var byStreet = incidents.ToLookup(i => i.RegionCode, i => ChinaTime.DateOfUtc(i.LearnedAtUtc));
        var now = Now;
        return (p, period) =>
        {
            if (ChinaTime.DateOfUtc(p.CreatedAtUtc) > period.End)
            {
                return null;
            }

            var days = p.Kind == ReportingPointKind.Street ? byPoint[p.Id].Concat(byStreet[p.RegionCode]) : byPoint[p.Id];
            var incident = days.Any(d => d >= period.Start && d <= period.End);
            return ZeroReportClock.State(period, reports.TryGetValue((p.Id, period.Start), out var at) ? at : null, incident, now);
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zero reports checked on {Schedules} schedules: {Flagged} missing flagged")]
    private static partial void LogChecked(ILogger logger, int schedules, int flagged);
}

/// <summary>Flags missing zero reports every hour (at :05, after the whole-hour deadlines local plans use).</summary>
internal sealed class ZeroReportCheckJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ZeroReportCheckJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "zero-report-check";

    protected override async Task<string> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var flagged = await scope.ServiceProvider.GetRequiredService<ZeroReporting>().CheckAsync(ct);
        return $"零报告检查：标记缺报 {flagged} 个";
    }
}
