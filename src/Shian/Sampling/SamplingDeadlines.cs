using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// When a year's holiday notice arrives, the open deadlines of samples and dispositions that fall from the December
/// before it on are recomputed on the new calendar (<see cref="DeadlineRecompute"/>); they were provisional before.
/// </summary>
public sealed class SamplingDeadlines(ShianDb db, WorkingDayCalendarProvider calendar, IConfiguration configuration) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var cal = calendar.Current;
        var from = e.RecomputeDueFrom;
        var samples = await db.Samples.Where(s => (s.SentOn == null && s.SendBy >= from) || (s.ReportedOn == null && s.ReportDueBy >= from)).ToListAsync(ct);
        var dispositions = await db.Dispositions.Where(d => !d.Closed && (d.PublishBy >= from || d.NotifyBy >= from || d.RetestApplyBy >= from || d.RetestAcceptBy >= from
            || d.RetestLabBy >= from || d.BackupHandOverBy >= from || d.RetestConclusionBy >= from || d.ObjectionAcceptBy >= from || d.ObjectionDecisionDue >= from)).ToListAsync(ct);
        var publishDays = configuration.GetValue("Sampling:PublishWorkingDays", 20);
        var moved = samples.Count(s => DeadlineRecompute.Sample(s, cal)) + dispositions.Count(d => DeadlineRecompute.Disposition(d, cal, publishDays));
        if (moved > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
