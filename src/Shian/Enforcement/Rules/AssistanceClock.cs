using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Rules;

/// <summary>
/// The clocks of 协查 and 通报 (configuration <c>Enforcement:Assistance</c>; docs/rules.md):
/// <list type="bullet">
/// <item>协助调查 by another district: done within <see cref="AssistanceOptions.ReplyWorkingDays"/> (15) working days of receiving
/// the 协助调查函; an office that needs longer says so before the date runs out (《市场监督管理行政处罚程序规定》第十五条 —
/// text recalled, confidence M, hence configurable). We cap the new date at <see cref="AssistanceOptions.ExtensionWorkingDays"/>
/// (15) more working days: the rule names no cap; ours keeps a request from being parked.</item>
/// <item>协查 by a department outside the platform: no statutory period binds another department; the same period is asked
/// and shown as the one requested.</item>
/// <item>上下游通报: the partner's district registers it as a case clue, so its answer is the 立案 decision on the clue's own
/// 15-working-day clock (第十八条); the notice shows that date.</item>
/// <item>警力支援: on site within <see cref="AssistanceOptions.PoliceSupportHours"/> (24) hours of the request (seed 001
/// "24小时警力支撑": a local commitment, not a statute).</item>
/// </list>
/// </summary>
public static class AssistanceClock
{
    /// <summary>The reply date of a working-day request made (received) on <paramref name="requestedOn"/>.</summary>
    public static DateOnly ReplyDue(WorkingDayCalendar calendar, DateOnly requestedOn, AssistanceOptions options) =>
        calendar.AddWorkingDays(requestedOn, options.ReplyWorkingDays).Date;

    /// <summary>When the police are due on site.</summary>
    public static DateTime PoliceDue(DateTime requestedAtUtc, AssistanceOptions options) => requestedAtUtc.AddHours(options.PoliceSupportHours);

    /// <summary>The latest date an extension may set: <see cref="AssistanceOptions.ExtensionWorkingDays"/> working days past the date due.</summary>
    public static DateOnly LatestExtension(WorkingDayCalendar calendar, DateOnly due, AssistanceOptions options) =>
        calendar.AddWorkingDays(due, options.ExtensionWorkingDays).Date;

    /// <summary>
    /// Why an extension to <paramref name="to"/> asked on <paramref name="today"/> is refused, or null: it must be asked while the
    /// request is pending, before the date runs out (on the last day at the latest), once, to a later date within the cap.
    /// </summary>
    public static string? ExtensionRefusal(WorkingDayCalendar calendar, CaseAssistance a, DateOnly today, DateOnly to, AssistanceOptions options)
    {
        if (a.Kind is not (AssistanceKind.Investigation or AssistanceKind.Department) || a.DueOn is not DateOnly due)
        {
            return "只有协助调查和部门协查可以延期";
        }

        if (a.Status != AssistanceStatus.Pending)
        {
            return "该请求已办结或撤回，不能延期";
        }

        if (a.ExtendedFrom is not null)
        {
            return "已延期一次，不能再次延期";
        }

        if (today > due)
        {
            return $"回复期限 {due:yyyy-MM-dd} 已过：延期应在期限届满前告知请求方";
        }

        var latest = LatestExtension(calendar, due, options);
        if (to <= due || to > latest)
        {
            return $"延期后的期限应晚于 {due:yyyy-MM-dd}，且不晚于 {latest:yyyy-MM-dd}（再加 {options.ExtensionWorkingDays} 个工作日）";
        }

        return null;
    }

    /// <summary>Whether an answered request was answered on time (police: arrived by the hour; others: by the (extended) date).</summary>
    public static bool? OnTime(CaseAssistance a) => a.Status != AssistanceStatus.Answered ? null
        : a.Kind == AssistanceKind.PoliceSupport ? a.AnsweredAtUtc <= a.DueAtUtc
        : a.AnsweredOn <= a.DueOn;

    /// <summary>Whether a pending request is past its date or hour.</summary>
    public static bool Overdue(CaseAssistance a, DateOnly today, DateTime nowUtc) => a.Status == AssistanceStatus.Pending
        && (a.Kind == AssistanceKind.PoliceSupport ? nowUtc > a.DueAtUtc : today > a.DueOn);
}

/// <summary>The periods of <see cref="AssistanceClock"/> (configuration <c>Enforcement:Assistance</c>).</summary>
public sealed class AssistanceOptions
{
    public const string Section = "Enforcement:Assistance";

    /// <summary>协助调查函: working days to complete (《市场监督管理行政处罚程序规定》第十五条, M).</summary>
    public int ReplyWorkingDays { get; set; } = 15;

    /// <summary>The most working days an extension may add (ours; the rule names none).</summary>
    public int ExtensionWorkingDays { get; set; } = 15;

    /// <summary>警力支援: hours to arrive on site (seed 001).</summary>
    public int PoliceSupportHours { get; set; } = 24;

    public IEnumerable<string> Problems()
    {
        if (ReplyWorkingDays is < 1 or > 60)
        {
            yield return "ReplyWorkingDays 应为 1–60";
        }

        if (ExtensionWorkingDays is < 0 or > 60)
        {
            yield return "ExtensionWorkingDays 应为 0–60";
        }

        if (PoliceSupportHours is < 1 or > 168)
        {
            yield return "PoliceSupportHours 应为 1–168";
        }
    }
}
