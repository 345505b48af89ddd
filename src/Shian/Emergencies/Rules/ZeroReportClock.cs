using Shian.Kernel.Calendar;

namespace Shian.Emergencies.Rules;

/// <summary>How often a local plan asks its reporting points for a report when nothing happened (零报告).</summary>
public enum ZeroReportFrequency
{
    /// <summary>每日（e.g. 节假日、重大活动保障期间每日 16 时前报告当日情况）.</summary>
    Daily,

    /// <summary>每周（e.g. 每周一上午 10 时前报告上周情况）.</summary>
    Weekly,

    /// <summary>每月（e.g. 每月 5 日前报告上月情况）.</summary>
    Monthly,
}

/// <summary>
/// A zero-reporting rule as a local plan words it. The law has no zero report: 零报告 is a local plan's instrument (e.g.
/// 学校食品安全事故报告"实行零报告制度", 重大活动保障期间"每日零报告"; deadlines.md §5, L), so all of it is data:
/// the frequency, the hour of the due day, how many days after the period it is due, and whether only working days count
/// (a routine daily report on working days; a holiday or event watch counts every day).
/// </summary>
public sealed record ZeroReportRule(ZeroReportFrequency Frequency, int DueHour, int DueOffsetDays, bool WorkingDaysOnly)
{
    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Frequency))
        {
            yield return "请选择报送频次";
        }

        if (DueHour is < 1 or > 24)
        {
            yield return "报送截止时刻应为 1–24 时";
        }

        if (DueOffsetDays is < 0 or > 15)
        {
            yield return "报送期限应为周期结束后 0–15 天";
        }
    }
}

/// <summary>One reporting period: the Beijing dates it covers and when its report is due (UTC).</summary>
public sealed record ZeroReportPeriod(DateOnly Start, DateOnly End, DateTime DueUtc, bool DueProvisional)
{
    /// <summary>How people name the period: 11月28日, 11月23日–11月29日, 2026年11月.</summary>
    public string Label => Start == End ? $"{Start:M月d日}" : Start.Day == 1 && End == Start.AddMonths(1).AddDays(-1) ? $"{Start:yyyy年M月}" : $"{Start:M月d日}–{End:M月d日}";
}

/// <summary>
/// The zero-report periods of a rule on the statutory calendar. A day is a Beijing date; a week runs Monday to Sunday; a
/// month is a calendar month. The due date is the period's last day plus the offset — counted in working days (调休
/// included) when the rule counts working days only, else in calendar days — at the due hour, Beijing time. With
/// working days only, a daily period exists only on a working day.
/// </summary>
public static class ZeroReportClock
{
    /// <summary>The period containing <paramref name="day"/>, or null for a rest day of a working-days-only daily rule.</summary>
    public static ZeroReportPeriod? PeriodOf(ZeroReportRule rule, DateOnly day, WorkingDayCalendar calendar)
    {
        var (start, end) = rule.Frequency switch
        {
            ZeroReportFrequency.Daily => (day, day),
            ZeroReportFrequency.Weekly => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
            ZeroReportFrequency.Monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        if (rule.Frequency == ZeroReportFrequency.Daily && rule.WorkingDaysOnly && !calendar.IsWorkingDay(day))
        {
            return null;
        }

        var due = rule.WorkingDaysOnly ? calendar.AddWorkingDays(end, rule.DueOffsetDays) : new WorkingDayResult(end.AddDays(rule.DueOffsetDays), !calendar.Covers(end.AddDays(rule.DueOffsetDays)));
        var dueLocal = due.Date.ToDateTime(TimeOnly.MinValue).AddHours(rule.DueHour);
        return new ZeroReportPeriod(start, end, TimeZoneInfo.ConvertTimeToUtc(dueLocal, ChinaTime.Zone), due.Provisional || !calendar.Covers(end));
    }

    /// <summary>The periods that start within [<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    public static IReadOnlyList<ZeroReportPeriod> Periods(ZeroReportRule rule, DateOnly from, DateOnly to, WorkingDayCalendar calendar)
    {
        var result = new List<ZeroReportPeriod>();
        for (var day = from; day <= to;)
        {
            if (PeriodOf(rule, day, calendar) is { } p)
            {
                if (p.Start >= from)
                {
                    result.Add(p);
                }

                day = p.End.AddDays(1);
            }
            else
            {
                day = day.AddDays(1);
            }
        }

        return result;
    }

    /// <summary>
    /// The last <paramref name="count"/> periods of a schedule in force from <paramref name="from"/> (to
    /// <paramref name="until"/>) that have started by <paramref name="nowUtc"/>, newest first.
    /// </summary>
    public static IReadOnlyList<ZeroReportPeriod> Recent(ZeroReportRule rule, DateOnly from, DateOnly? until, DateTime nowUtc, int count, WorkingDayCalendar calendar)
    {
        var today = ChinaTime.DateOfUtc(nowUtc);
        var last = until is { } u && u < today ? u : today;
        if (last < from)
        {
            return [];
        }

        var span = rule.Frequency switch { ZeroReportFrequency.Daily => count * 2 + 14, ZeroReportFrequency.Weekly => count * 7 + 7, _ => count * 31 + 31 };
        var start = last.AddDays(-span) < from ? from : last.AddDays(-span);
        return [.. Periods(rule, start, last, calendar).Reverse().Take(count)];
    }

    /// <summary>The periods whose due time falls in (<paramref name="afterUtc"/>, <paramref name="nowUtc"/>]: those to check for missing reports now.</summary>
    public static IReadOnlyList<ZeroReportPeriod> DueBetween(ZeroReportRule rule, DateOnly from, DateOnly? until, DateTime afterUtc, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        var look = ChinaTime.DateOfUtc(afterUtc).AddDays(-40);
        var start = look < from ? from : look;
        var today = ChinaTime.DateOfUtc(nowUtc);
        var end = until is { } u && u < today ? u : today;
        return end < start ? [] : [.. Periods(rule, start, end, calendar).Where(p => p.DueUtc > afterUtc && p.DueUtc <= nowUtc)];
    }

    /// <summary>What a point's period looks like: reported (on time or late), an incident reported from it, missing, or not yet due.</summary>
    public static ZeroReportState State(ZeroReportPeriod period, DateTime? submittedAtUtc, bool incidentReported, DateTime nowUtc) =>
        incidentReported ? ZeroReportState.Incident
        : submittedAtUtc is { } s ? s <= period.DueUtc ? ZeroReportState.OnTime : ZeroReportState.Late
        : nowUtc > period.DueUtc ? ZeroReportState.Missing : ZeroReportState.Open;
}

/// <summary>A point's state for one period.</summary>
public enum ZeroReportState
{
    /// <summary>按时报送.</summary>
    OnTime,

    /// <summary>逾期补报.</summary>
    Late,

    /// <summary>本期已直报事件（有事件，不需零报告）.</summary>
    Incident,

    /// <summary>未报（已过截止时间）.</summary>
    Missing,

    /// <summary>待报（未到截止时间）.</summary>
    Open,
}
