using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Contracts;

/// <summary>
/// The 立案 clock: whether to open a case is decided within 15 working days of finding the clue
/// (《市场监督管理行政处罚程序规定》第十八条). Here, with the contract of its future owner, so that inspections and sampling
/// compute the same date; the extension (+15 with approval) and the paused time for 检测/检验/鉴定 come with the
/// enforcement module.
/// </summary>
public static class CaseClock
{
    public const int DecisionWorkingDays = 15;

    public static DateOnly DecisionDue(WorkingDayCalendar calendar, DateOnly foundOn) => calendar.AddWorkingDays(foundOn, DecisionWorkingDays).Date;
}
