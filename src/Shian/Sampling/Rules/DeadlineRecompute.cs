using Shian.Kernel.Calendar;
using Shian.Sampling.Domain;

namespace Shian.Sampling.Rules;

/// <summary>
/// Open working-day deadlines recomputed on the current calendar, from the events that started them. A deadline computed
/// in a year whose holiday notice was not yet published counted Monday to Friday (provisional); when the notice is
/// imported the open ones move to the statutory dates (issue #14). Done steps keep their dates; nothing moves earlier
/// than its start. Pure.
/// </summary>
public static class DeadlineRecompute
{
    /// <summary>Moves the sample's open deadlines; true when one changed.</summary>
    public static bool Sample(Sample s, WorkingDayCalendar cal)
    {
        var changed = false;
        if (s.SentOn is null)
        {
            changed |= DeadlineMove.To(s.SendBy, SamplingClock.SendBy(cal, s.SampledOn), v => s.SendBy = v);
        }

        if (s.ReportedOn is null && s.ReceivedOn is DateOnly received)
        {
            changed |= DeadlineMove.To(s.ReportDueBy, SamplingClock.ReportDueBy(cal, received), v => s.ReportDueBy = v);
        }

        return changed;
    }

    /// <summary>Moves an open disposition's deadlines (the 立案 date belongs to enforcement's clock and is not touched).</summary>
    public static bool Disposition(Disposition d, WorkingDayCalendar cal, int publishWorkingDays)
    {
        if (d.Closed)
        {
            return false;
        }

        var changed = false;
        if (d.NotifiedOn is null)
        {
            changed |= DeadlineMove.To(d.NotifyBy, SamplingClock.NotifyBy(cal, d.ConcludedOn), v => d.NotifyBy = v);
        }
        else if (d.RetestRequestedOn is null && d.RetestApplyBy is not null)
        {
            changed |= DeadlineMove.To(d.RetestApplyBy, SamplingClock.RetestApplyBy(cal, d.NotifiedOn.Value), v => d.RetestApplyBy = v);
        }

        if (d.RetestRequestedOn is DateOnly applied && d.RetestConforming is null)
        {
            if (d.RetestAcceptedOn is null)
            {
                changed |= DeadlineMove.To(d.RetestAcceptBy, SamplingClock.RetestAcceptBy(cal, applied), v => d.RetestAcceptBy = v);
            }
            else if (d.RetestLabChosenOn is null)
            {
                changed |= DeadlineMove.To(d.RetestLabBy, SamplingClock.RetestLabBy(cal, d.RetestAcceptedOn.Value, d.RetestLabExtended), v => d.RetestLabBy = v);
            }
            else if (d.BackupHandedOverOn is null)
            {
                changed |= DeadlineMove.To(d.BackupHandOverBy, SamplingClock.BackupHandOverBy(cal, d.RetestLabChosenOn.Value, d.BackupHandOverExtended), v => d.BackupHandOverBy = v);
            }
            else
            {
                changed |= DeadlineMove.To(d.RetestConclusionBy, SamplingClock.RetestConclusionBy(cal, d.BackupHandedOverOn.Value), v => d.RetestConclusionBy = v);
            }
        }

        if (d.ObjectionFiledOn is DateOnly filed && d.ObjectionDecidedOn is null)
        {
            if (d.ObjectionAcceptedOn is DateOnly accepted)
            {
                changed |= DeadlineMove.To(d.ObjectionDecisionDue, SamplingClock.ObjectionDecisionDue(cal, accepted), v => d.ObjectionDecisionDue = v);
            }
            else
            {
                changed |= DeadlineMove.To(d.ObjectionAcceptBy, SamplingClock.ObjectionAcceptBy(cal, filed), v => d.ObjectionAcceptBy = v);
            }
        }

        if (d.PublishedOn is null)
        {
            changed |= DeadlineMove.To(d.PublishBy, SamplingClock.PublishBy(cal, d.ConcludedOn, publishWorkingDays), v => d.PublishBy = v);
        }

        return changed;
    }
}
