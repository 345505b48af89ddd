using Shian.Governance.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Governance.Rules;

/// <summary>
/// The reply date of a 督办单: its working days counted from the day after issue on the statutory calendar. Recomputed
/// when a holiday notice arrives (issue #14) while the notice waits for its reply. Pure.
/// </summary>
public static class SupervisionClock
{
    public static WorkingDayResult ReplyDue(WorkingDayCalendar calendar, DateOnly issuedOn, int workingDays) => calendar.AddWorkingDays(issuedOn, workingDays);

    /// <summary>Moves an open notice's reply date (and its provisional mark); true when either changed. Notices from before the period was stored (0) stay.</summary>
    public static bool Recompute(SupervisionNotice n, WorkingDayCalendar calendar)
    {
        if (n.Status != SupervisionStatus.Open || n.ReplyWorkingDays <= 0)
        {
            return false;
        }

        var due = ReplyDue(calendar, ChinaTime.DateOfUtc(n.IssuedAtUtc), n.ReplyWorkingDays);
        if (n.ReplyDue == due.Date && n.ReplyDueProvisional == due.Provisional)
        {
            return false;
        }

        n.ReplyDue = due.Date;
        n.ReplyDueProvisional = due.Provisional;
        return true;
    }
}
