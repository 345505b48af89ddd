using Shian.Complaints.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Complaints.Rules;

/// <summary>
/// A complaint's open working-day clocks recomputed on the current calendar from the days that started them (issue #14):
/// a clock computed in a year whose holiday notice was not yet published counted Monday to Friday; when the notice is
/// imported the open ones move to the statutory dates. A step already taken keeps its date. Pure.
/// </summary>
public static class ComplaintRecompute
{
    /// <summary>Moves the complaint's open clocks; true when one changed.</summary>
    public static bool Apply(Complaint c, WorkingDayCalendar cal, int? localReplyWorkingDays)
    {
        if (c.Status == ComplaintStatus.Merged)
        {
            return false;
        }

        var changed = false;

        // A named reporter is owed the 立案 notice even after the complaint is closed.
        if (c.ReporterToldBy is not null && c.ReporterToldOn is null && c.CaseDecidedOn is DateOnly decided)
        {
            changed |= DeadlineMove.To(c.ReporterToldBy, ComplaintClock.ReporterNoticeBy(cal, decided), v => c.ReporterToldBy = v);
        }

        if (c.Status is ComplaintStatus.Closed or ComplaintStatus.Refused)
        {
            return changed;
        }

        if (c.AcceptedOn is null && c.RefusedOn is null)
        {
            changed |= DeadlineMove.To(c.AcceptBy, ComplaintClock.AcceptBy(cal, c.ReceivedOn), v => c.AcceptBy = v);
        }

        if (c.RepliedOn is null && c.LocalReplyBy is not null && ComplaintClock.LocalReplyBy(cal, c.ReceivedOn, localReplyWorkingDays) is DateOnly reply)
        {
            changed |= DeadlineMove.To(c.LocalReplyBy, reply, v => c.LocalReplyBy = v);
        }

        if (c.MediationEndsBy is not null && c.Mediation is null && c.AcceptedOn is DateOnly accepted)
        {
            changed |= DeadlineMove.To(c.MediationEndsBy, ComplaintClock.MediationEndsBy(cal, accepted, c.PausedWorkingDays), v => c.MediationEndsBy = v);
        }

        if (c.VerifyBy is not null && c.VerifiedOn is null)
        {
            changed |= DeadlineMove.To(c.VerifyBy, ComplaintClock.VerifyBy(cal, c.VerifyFrom ?? c.ReceivedOn, c.VerifyExtended), v => c.VerifyBy = v);
        }

        return changed;
    }
}
