using Shian.Kernel.Calendar;

namespace Shian.Emergencies.Rules;

/// <summary>
/// The reporting limits, as data (section <c>Emergencies:Reporting</c>): the law says only 立即/及时 (食品安全法 第一百零三条),
/// the hours come from the national plan and the local plans, which shorten them (deadlines.md §5, review §5).
/// </summary>
public sealed class ReportingLimits
{
    /// <summary>
    /// The unit where the incident happens (a school, a canteen) or the business that finds its food harmful reports to the
    /// county department within 2 hours of learning of it (国家食品安全事故应急预案 4.2.2(1)(2), P).
    /// </summary>
    public int UnitReportHours { get; set; } = 2;

    /// <summary>The county department's first upward report (首报), from receipt: 2 hours (local plans, L, configurable).</summary>
    public int InitialReportHours { get; set; } = 2;

    /// <summary>… and for a 较大 (Ⅲ级) or more serious incident: 1 hour (post-2018 local plans, L, configurable).</summary>
    public int InitialReportHoursSerious { get; set; } = 1;

    /// <summary>While the response lasts, a progress report (续报) this many hours after the last report (local plans: daily, U).</summary>
    public int ProgressIntervalHours { get; set; } = 24;

    /// <summary>The final report (终报) this many working days after the response ends (local plans, U).</summary>
    public int FinalReportWorkingDays { get; set; } = 7;

    public IEnumerable<string> Problems()
    {
        if (UnitReportHours is < 1 or > 72 || InitialReportHours is < 1 or > 72 || InitialReportHoursSerious is < 1 or > 72)
        {
            yield return "Emergencies:Reporting 的报告时限应为 1–72 小时";
        }

        if (ProgressIntervalHours is < 1 or > 168)
        {
            yield return "Emergencies:Reporting:ProgressIntervalHours 应为 1–168 小时";
        }

        if (FinalReportWorkingDays is < 1 or > 60)
        {
            yield return "Emergencies:Reporting:FinalReportWorkingDays 应为 1–60 个工作日";
        }
    }
}

/// <summary>
/// The clocks of an incident. Hour limits run on the clock, day and night, holidays included (an outbreak does not wait
/// for Monday); only the final report counts working days on the statutory calendar (调休 included). Times are UTC;
/// working days are counted on the Beijing date.
/// </summary>
public static class IncidentClock
{
    /// <summary>By when the unit that learned of it should have reported (2 hours).</summary>
    public static DateTime UnitReportDue(DateTime learnedAtUtc, ReportingLimits limits) => learnedAtUtc.AddHours(limits.UnitReportHours);

    /// <summary>Reported late (缓报): received after the unit's limit.</summary>
    public static bool UnitReportedLate(DateTime learnedAtUtc, DateTime receivedAtUtc, ReportingLimits limits) => receivedAtUtc > UnitReportDue(learnedAtUtc, limits);

    /// <summary>The hours of an upward report for an incident of this grade: the shorter limit for 较大 and above.</summary>
    public static int UpwardHours(IncidentGrade? grade, ReportingLimits limits) =>
        grade is { } g && g <= IncidentGrade.Larger ? limits.InitialReportHoursSerious : limits.InitialReportHours;

    /// <summary>首报 due from the department's receipt.</summary>
    public static DateTime InitialDue(DateTime receivedAtUtc, IncidentGrade? grade, ReportingLimits limits) => receivedAtUtc.AddHours(UpwardHours(grade, limits));

    /// <summary>
    /// The first report's due after a re-grade: a raise to a grade with a shorter limit can only bring it forward
    /// (from the moment of the re-grade), never move it later.
    /// </summary>
    public static DateTime InitialDueAfterRegrade(DateTime currentDueUtc, DateTime regradedAtUtc, IncidentGrade? grade, ReportingLimits limits)
    {
        var byRegrade = regradedAtUtc.AddHours(UpwardHours(grade, limits));
        return byRegrade < currentDueUtc ? byRegrade : currentDueUtc;
    }

    /// <summary>A report on a raised grade (核报/级别调整报告) after the first report went up: from the re-grade, on the new grade's hours.</summary>
    public static DateTime EscalationDue(DateTime regradedAtUtc, IncidentGrade? grade, ReportingLimits limits) => regradedAtUtc.AddHours(UpwardHours(grade, limits));

    /// <summary>The next 续报 after a report went up.</summary>
    public static DateTime NextProgressDue(DateTime lastSubmittedAtUtc, ReportingLimits limits) => lastSubmittedAtUtc.AddHours(limits.ProgressIntervalHours);

    /// <summary>终报: working days after the Beijing date the response ended, due at the end of that day (23:59:59 Beijing).</summary>
    public static (DateTime DueUtc, bool Provisional) FinalDue(WorkingDayCalendar calendar, DateTime endedAtUtc, ReportingLimits limits)
    {
        var endedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(endedAtUtc, ChinaTime.Zone));
        var due = calendar.AddWorkingDays(endedOn, limits.FinalReportWorkingDays);
        return (EndOfChinaDayUtc(due.Date), due.Provisional);
    }

    /// <summary>The last second of a Beijing date, in UTC.</summary>
    public static DateTime EndOfChinaDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)), ChinaTime.Zone);

    /// <summary>Overdue (now past due and not submitted), late (submitted past due), or in time.</summary>
    public static bool IsLate(DateTime dueUtc, DateTime? submittedAtUtc, DateTime nowUtc) => (submittedAtUtc ?? nowUtc) > dueUtc;
}
