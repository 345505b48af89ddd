using Shian.Kernel.Calendar;

namespace Shian.Complaints.Rules;

/// <summary>
/// The clocks of a complaint or report, on the statutory working-day calendar (counting from the next day). Sources:
/// 市场监督管理投诉举报处理暂行办法 (SAMR Order 20, 2019, amended 2022) and 市场监督管理行政处罚程序规定 第十八条.
/// </summary>
public static class ComplaintClock
{
    /// <summary>受理 or 不予受理, told to the complainant, within 7 working days of receipt (第十四条).</summary>
    public static DateOnly AcceptBy(WorkingDayCalendar cal, DateOnly receivedOn) => cal.AddWorkingDays(receivedOn, 7).Date;

    /// <summary>
    /// Mediation ends without agreement 45 working days after 受理 (第二十一条(五)); 检定、检验、检测、鉴定 time is not
    /// counted (第二十条第三款), so the paused working days move the end.
    /// </summary>
    public static DateOnly MediationEndsBy(WorkingDayCalendar cal, DateOnly acceptedOn, int pausedWorkingDays = 0) =>
        cal.AddWorkingDays(acceptedOn, 45 + Math.Max(0, pausedWorkingDays)).Date;

    /// <summary>Both parties told of the end of mediation within 7 working days of it (第二十一条第二款).</summary>
    public static DateOnly MediationNoticeBy(WorkingDayCalendar cal, DateOnly endedOn) => cal.AddWorkingDays(endedOn, 7).Date;

    /// <summary>
    /// A report (第三十一条第一款 → 处罚程序规定 第十八条) or a clue found in mediation (第二十三条) is verified and 立案 decided within
    /// 15 working days of receipt (of finding), +15 with the head's approval.
    /// </summary>
    public static DateOnly VerifyBy(WorkingDayCalendar cal, DateOnly foundOn, bool extended = false) => cal.AddWorkingDays(foundOn, extended ? 30 : 15).Date;

    /// <summary>A named (实名) reporter is told whether a case was opened within 5 working days of the decision (第三十一条第二款).</summary>
    public static DateOnly ReporterNoticeBy(WorkingDayCalendar cal, DateOnly decidedOn) => cal.AddWorkingDays(decidedOn, 5).Date;

    /// <summary>Two departments disputing jurisdiction agree within 7 working days, else the common superior designates (第三十条).</summary>
    public static DateOnly JurisdictionAgreeBy(WorkingDayCalendar cal, DateOnly disputedOn) => cal.AddWorkingDays(disputedOn, 7).Date;

    /// <summary>A local reply clock (seed 001: 办理回复 within 5 working days), shown beside the statutory ones; null when not configured.</summary>
    public static DateOnly? LocalReplyBy(WorkingDayCalendar cal, DateOnly receivedOn, int? workingDays) =>
        workingDays is > 0 ? cal.AddWorkingDays(receivedOn, workingDays.Value).Date : null;

    /// <summary>
    /// The respondent business's answer to a complaint passed to it in mediation: the office's own period in working days
    /// (the regulation sets none for the business), never later than the end of mediation (第二十一条(五)) when one runs.
    /// </summary>
    public static DateOnly RespondentReplyBy(WorkingDayCalendar cal, DateOnly askedOn, int workingDays, DateOnly? mediationEndsBy)
    {
        var by = cal.AddWorkingDays(askedOn, Math.Max(1, workingDays)).Date;
        return mediationEndsBy is DateOnly end && end < by && end >= askedOn ? end : by;
    }

    /// <summary>
    /// 第十五条(四): a complaint is not accepted when the complainant knew (or should have known) of the infringement more
    /// than three years before filing. A day three years on is still in time.
    /// </summary>
    public static bool TooLate(DateOnly knewOn, DateOnly receivedOn) => receivedOn > knewOn.AddYears(3);

    /// <summary>A closed complaint may be reopened by the public within this many days of closure.</summary>
    public const int ReopenDays = 15;
}
