using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;

namespace Shian.Governance;

/// <summary>When a year's holiday notice arrives, open 督办单 due from the December before it on are recomputed (<see cref="SupervisionClock.Recompute"/>; issue #14).</summary>
public sealed class SupervisionDeadlines(ShianDb db, WorkingDayCalendarProvider calendar) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var from = e.RecomputeDueFrom;
        var open = await db.SupervisionNotices.Where(n => n.Status == SupervisionStatus.Open && n.ReplyWorkingDays > 0 && n.ReplyDue >= from).ToListAsync(ct);
        if (open.Count(n => SupervisionClock.Recompute(n, calendar.Current)) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
