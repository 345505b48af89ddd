using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;

namespace Shian.Credit;

/// <summary>
/// When a year's holiday notice arrives, the open clocks of publications and listings that fall from the December
/// before it on are recomputed on the new calendar (<see cref="CreditRecompute"/>; issue #14).
/// </summary>
public sealed class CreditDeadlines(ShianDb db, WorkingDayCalendarProvider calendar, IOptions<CreditOptions> options) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var cal = calendar.Current;
        var o = options.Value;
        var from = e.RecomputeDueFrom;
        var publications = await db.Publications.Where(p => (p.Status == PublicationStatus.Pending && p.PublishBy >= from)
            || (p.RepairAppliedOn != null && p.RepairApproved == null && p.RepairDecideBy >= from)).ToListAsync(ct);
        var listings = await db.Listings.Where(l => (l.Status == ListingStatus.Noticed && l.StatementBy >= from)
            || (l.RepairAppliedOn != null && l.RepairApproved == null && l.RepairDecideBy >= from)).ToListAsync(ct);
        var moved = publications.Count(p => CreditRecompute.Publication(p, cal, o.PublicationRepairDecisionWorkingDays))
            + listings.Count(l => CreditRecompute.Listing(l, cal, o.ListingStatementWorkingDays, o.ListingRepairDecisionWorkingDays));
        if (moved > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
