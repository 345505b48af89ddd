using Shian.Credit.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Credit.Rules;

/// <summary>
/// Open working-day clocks of penalty publications and serious-dishonesty listings recomputed on the current calendar
/// from the days that started them (issue #14): computed in a year whose holiday notice was not yet published they
/// counted Monday to Friday; when the notice is imported the open ones move to the statutory dates. A step already
/// taken keeps its date. Pure.
/// </summary>
public static class CreditRecompute
{
    /// <summary>Publication within 20 working days of the decision (Order 45 第九条) and a pending repair decision.</summary>
    public static bool Publication(PenaltyPublication p, WorkingDayCalendar cal, int repairDecisionWorkingDays)
    {
        var changed = false;
        if (p.Status == PublicationStatus.Pending && p.PublishedOn is null)
        {
            changed |= DeadlineMove.To(p.PublishBy, PublicationRules.PublishBy(cal, p.DecidedOn), v => p.PublishBy = v);
        }

        if (p.RepairAppliedOn is DateOnly applied && p.RepairApproved is null && p.RepairDecideBy is not null)
        {
            changed |= DeadlineMove.To(p.RepairDecideBy, cal.AddWorkingDays(applied, repairDecisionWorkingDays).Date, v => p.RepairDecideBy = v);
        }

        return changed;
    }

    /// <summary>The party's statement period after the listing notice, and a pending repair decision.</summary>
    public static bool Listing(SeriousListing l, WorkingDayCalendar cal, int statementWorkingDays, int repairDecisionWorkingDays)
    {
        var changed = false;
        if (l.Status == ListingStatus.Noticed && l.NoticeServedOn is DateOnly served && l.StatementBy is not null)
        {
            changed |= DeadlineMove.To(l.StatementBy, ListingRules.StatementBy(cal, served, statementWorkingDays), v => l.StatementBy = v);
        }

        if (l.RepairAppliedOn is DateOnly applied && l.RepairApproved is null && l.RepairDecideBy is not null)
        {
            changed |= DeadlineMove.To(l.RepairDecideBy, ListingRules.DecideBy(cal, applied, repairDecisionWorkingDays), v => l.RepairDecideBy = v);
        }

        return changed;
    }
}
