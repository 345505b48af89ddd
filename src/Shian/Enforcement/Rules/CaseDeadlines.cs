using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Rules;

/// <summary>
/// The clocks of a case under the 普通程序, each with its article. "二日、三日、五日、七日" are working days
/// (《行政处罚法》第八十五条; 《行政强制法》第六十九条 for its periods of up to ten days); longer periods are calendar days.
/// Periods the party must meet end on the next working day when their last day is a holiday
/// (<see cref="WorkingDayCalendar.DueCalendarDays"/>); the agency's own calendar-day limits are plain dates.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>先行登记保存: decide on the preserved evidence within 7 (working) days (《行政处罚法》第五十六条).</summary>
    public static DateOnly PreservationDecideBy(WorkingDayCalendar calendar, DateOnly preservedOn) => calendar.AddWorkingDays(preservedOn, 7).Date;

    /// <summary>查封、扣押: no longer than 30 days, once extended by at most 30 with the head's approval (《行政强制法》第二十五条).</summary>
    public static DateOnly SeizureEndsBy(WorkingDayCalendar calendar, DateOnly seizedOn, bool extended) => calendar.DueCalendarDays(seizedOn, extended ? 60 : 30).Date;

    /// <summary>
    /// The party asks for a hearing within 5 (working) days of the 告知 (《行政处罚法》第六十四条第（一）项); the same period is
    /// given for 陈述、申辩 when there is no hearing right (the usual wording of the 告知书), so one date serves both.
    /// </summary>
    public static DateOnly HearingRequestBy(WorkingDayCalendar calendar, DateOnly noticeServedOn) => calendar.AddWorkingDays(noticeServedOn, 5).Date;

    /// <summary>
    /// The last day the party may be told of the hearing: 7 (working) days before it (《行政处罚法》第六十四条第（二）项), i.e. the
    /// latest date from which 7 working days still end on or before the hearing day.
    /// </summary>
    public static DateOnly HearingNoticeLatest(WorkingDayCalendar calendar, DateOnly hearingOn)
    {
        var d = hearingOn.AddDays(-7);
        while (calendar.AddWorkingDays(d, 7).Date > hearingOn)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>
    /// The decision: within 90 days of 立案, +30 with the head's approval, further only as the head's collective discussion
    /// sets; 中止、听证、公告、检测、检验、检疫、鉴定 time is not counted (《市场监督管理行政处罚程序规定》第六十四条; 《行政处罚法》第六十条).
    /// Counted from the day after 立案.
    /// </summary>
    public static DateOnly DecisionDue(DateOnly openedOn, int extensionDays, int pausedDays) => openedOn.AddDays(90 + Math.Max(0, extensionDays) + Math.Max(0, pausedDays));

    /// <summary>The first extension the head may approve (程序规定 第六十四条).</summary>
    public const int FirstExtensionDays = 30;

    /// <summary>Served within 7 (working) days of the announcement when the party was absent (《行政处罚法》第六十一条).</summary>
    public static DateOnly ServeBy(WorkingDayCalendar calendar, DateOnly decidedOn) => calendar.AddWorkingDays(decidedOn, 7).Date;

    /// <summary>The fine is paid within 15 days of receiving the decision (《行政处罚法》第六十七条第三款).</summary>
    public static DateOnly PayBy(WorkingDayCalendar calendar, DateOnly servedOn) => calendar.DueCalendarDays(servedOn, 15).Date;

    /// <summary>
    /// 加处罚款: 3 % of the fine for each day past the due date, never more than the fine (《行政处罚法》第七十二条第一款第（一）项),
    /// rounded to the fen.
    /// </summary>
    public static decimal Surcharge(decimal fine, DateOnly payBy, DateOnly paidOrToday)
    {
        var days = paidOrToday.DayNumber - payBy.DayNumber;
        if (days <= 0 || fine <= 0)
        {
            return 0m;
        }

        return Math.Min(fine, Math.Round(fine * 0.03m * days, 2, MidpointRounding.AwayFromZero));
    }
}

/// <summary>
/// The clocks of a transfer to the police (行刑衔接): the head decides within 3 (working) days of the officer's report and the
/// file goes within 24 hours of the approval (《行政执法机关移送涉嫌犯罪案件的规定》第五条); the police review it within 3 days
/// (第八条), decide whether to open a criminal case within 10 days of acceptance and tell the office within 3 days of the
/// decision (《食品药品行政执法与刑事司法衔接工作办法》, 2015). The 3-day approval is unverified (domain notes: U).
/// </summary>
public static class TransferDeadlines
{
    public static DateOnly ApproveBy(WorkingDayCalendar calendar, DateOnly reportedOn) => calendar.AddWorkingDays(reportedOn, 3).Date;

    /// <summary>24 hours from the approval: by the next day.</summary>
    public static DateOnly TransferBy(DateOnly approvedOn) => approvedOn.AddDays(1);

    public static DateOnly AcceptBy(DateOnly transferredOn) => transferredOn.AddDays(3);

    public static DateOnly PoliceDecisionDue(DateOnly acceptedOn) => acceptedOn.AddDays(10);

    public static DateOnly FeedbackBy(DateOnly policeDecidedOn) => policeDecidedOn.AddDays(3);
}

/// <summary>The limitation period (《行政处罚法》第三十六条), checked when a case is opened.</summary>
public static class Limitation
{
    /// <summary>Whether the violation may still be punished when found on <paramref name="foundOn"/>.</summary>
    /// <param name="violationEndedOn">The day of the act, or the day a continuing act ended.</param>
    /// <param name="lifeHealthHarm">涉及公民生命健康安全且有危害后果: five years instead of two.</param>
    public static LimitationCheck Check(DateOnly violationEndedOn, DateOnly foundOn, bool lifeHealthHarm)
    {
        var years = lifeHealthHarm ? 5 : 2;
        var lastDay = violationEndedOn.AddYears(years);
        return new LimitationCheck(years, lastDay, foundOn > lastDay);
    }

    public const string Citation = "《行政处罚法》第三十六条";
}

/// <summary>The result: the period in years, the last day a discovery counts, and whether it had passed.</summary>
public sealed record LimitationCheck(int Years, DateOnly LastDay, bool Expired);
