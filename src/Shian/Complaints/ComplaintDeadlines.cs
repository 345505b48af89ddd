using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;

namespace Shian.Complaints;

/// <summary>
/// When a year's holiday notice arrives, the open clocks of complaints that fall from the December before it on are
/// recomputed on the new calendar (<see cref="ComplaintRecompute"/>); they were provisional before (issue #14).
/// </summary>
public sealed class ComplaintDeadlines(ShianDb db, WorkingDayCalendarProvider calendar, IOptions<ComplaintsOptions> options) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var cal = calendar.Current;
        var from = e.RecomputeDueFrom;
        var open = await db.Complaints.Where(c => c.Status != ComplaintStatus.Merged && (
                (c.AcceptedOn == null && c.RefusedOn == null && c.AcceptBy >= from)
                || (c.RepliedOn == null && c.LocalReplyBy >= from)
                || (c.Mediation == null && c.MediationEndsBy >= from)
                || (c.VerifiedOn == null && c.VerifyBy >= from)
                || (c.ReporterToldOn == null && c.ReporterToldBy >= from)))
            .ToListAsync(ct);
        if (open.Count(c => ComplaintRecompute.Apply(c, cal, options.Value.LocalReplyWorkingDays)) > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
