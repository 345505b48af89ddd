using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>When a year's holiday notice arrives, underway recalls due from the December before it on are recomputed (<see cref="RecallClock.Recompute"/>; issue #14).</summary>
public sealed class RecallDeadlines(ShianDb db, WorkingDayCalendarProvider calendar) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var from = e.RecomputeDueFrom;
        var recalls = await db.Recalls.Where(r => r.Status == RecallStatus.Underway && r.ExtensionReason == null && r.CompleteDue >= from).ToListAsync(ct);
        if (recalls.Count(r => RecallClock.Recompute(r, calendar.Current)) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
