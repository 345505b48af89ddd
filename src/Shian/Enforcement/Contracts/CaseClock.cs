using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Contracts;

/// <summary>
/// The 立案 clock: whether to open a case is decided within 15 working days of finding the clue, extendable by 15 with the
/// head's approval; the time of 检测、检验、检疫、鉴定 and 复检 is not counted (《市场监督管理行政处罚程序规定》第十八条).
/// In the contract so that inspections, sampling and complaints show the same first date as the enforcement module.
/// </summary>
public static class CaseClock
{
    public const int DecisionWorkingDays = 15;

    public const int ExtensionWorkingDays = 15;

    public static DateOnly DecisionDue(WorkingDayCalendar calendar, DateOnly foundOn) => calendar.AddWorkingDays(foundOn, DecisionWorkingDays).Date;

    /// <summary>The due date with the approved extension and the working days paused for testing or 复检.</summary>
    public static DateOnly DecisionDue(WorkingDayCalendar calendar, DateOnly foundOn, bool extended, int pausedWorkingDays) =>
        calendar.AddWorkingDays(foundOn, DecisionWorkingDays + (extended ? ExtensionWorkingDays : 0) + Math.Max(0, pausedWorkingDays)).Date;
}
