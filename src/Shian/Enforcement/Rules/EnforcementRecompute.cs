using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Enforcement.Rules;

/// <summary>
/// Open working-day clocks of clues, cases, measures and police transfers recomputed on the current calendar from the
/// days that started them (issue #14): a clock computed in a year whose holiday notice was not yet published counted
/// Monday to Friday; when the notice is imported the open ones move to the statutory dates. Party periods in calendar
/// days (缴纳罚款 15 日, 查封扣押 30 日) move too, as their last day rolls past a holiday. A step already taken keeps its
/// date; the decision's 90 days are plain calendar days and never move. Pure.
/// </summary>
public static class EnforcementRecompute
{
    /// <summary>The 立案 decision of an undecided clue (15 working days, +15 approved, paused days added).</summary>
    public static bool Clue(CaseClue c, WorkingDayCalendar cal) =>
        c.DecidedOn is null && c.Status is ClueStatus.Pending or ClueStatus.Proposed
        && DeadlineMove.To(c.DecisionDue, CaseClock.DecisionDue(cal, c.FoundOn, c.Extended, c.PausedWorkingDays), v => c.DecisionDue = v);

    /// <summary>The party's statement period while notified, the service of a decision, the payment of a fine.</summary>
    public static bool Case(EnforcementCase c, WorkingDayCalendar cal)
    {
        if (c.ClosedOn is not null || c.RevokedOn is not null)
        {
            return false;
        }

        var changed = false;
        if (c.Stage == CaseStage.Notified && c.NoticeServedOn is DateOnly served && c.StatementBy is not null)
        {
            changed |= DeadlineMove.To(c.StatementBy, CaseDeadlines.HearingRequestBy(cal, served), v => c.StatementBy = v);
        }

        if (c.DecidedOn is DateOnly decided && c.ServedOn is null && c.ServeBy is not null)
        {
            changed |= DeadlineMove.To(c.ServeBy, CaseDeadlines.ServeBy(cal, decided), v => c.ServeBy = v);
        }

        if (c.ServedOn is DateOnly delivered && c.PaidOn is null && c.PayBy is not null)
        {
            changed |= DeadlineMove.To(c.PayBy, CaseDeadlines.PayBy(cal, delivered), v => c.PayBy = v);
        }

        return changed;
    }

    /// <summary>A measure still in force: 先行登记保存's 7 working days, 查封扣押's 30 (60) days.</summary>
    public static bool Measure(CaseMeasure m, WorkingDayCalendar cal) =>
        m.EndedOn is null
        && DeadlineMove.To(m.DueOn, m.Kind == MeasureKind.Preservation ? CaseDeadlines.PreservationDecideBy(cal, m.StartedOn) : CaseDeadlines.SeizureEndsBy(cal, m.StartedOn, m.Extended),
            v => m.DueOn = v);

    /// <summary>The head's approval of a transfer to the police (3 working days of the report).</summary>
    public static bool Transfer(PoliceTransfer t, WorkingDayCalendar cal) =>
        t.DecidedOn is null && DeadlineMove.To(t.ApproveBy, TransferDeadlines.ApproveBy(cal, t.ReportedOn), v => t.ApproveBy = v);
}
