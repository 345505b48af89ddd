using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;

namespace Shian.Enforcement;

/// <summary>
/// When a year's holiday notice arrives, the open clocks of clues, cases, measures and police transfers that fall from
/// the December before it on are recomputed on the new calendar (<see cref="EnforcementRecompute"/>; issue #14).
/// </summary>
public sealed class EnforcementDeadlines(ShianDb db, WorkingDayCalendarProvider calendar) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var cal = calendar.Current;
        var from = e.RecomputeDueFrom;
        var clues = await db.CaseClues.Where(c => c.DecidedOn == null && (c.Status == ClueStatus.Pending || c.Status == ClueStatus.Proposed) && c.DecisionDue >= from).ToListAsync(ct);
        var cases = await db.Cases.Where(c => c.ClosedOn == null && c.RevokedOn == null
            && ((c.Stage == CaseStage.Notified && c.StatementBy >= from) || (c.ServedOn == null && c.ServeBy >= from) || (c.PaidOn == null && c.PayBy >= from))).ToListAsync(ct);
        var measures = await db.CaseMeasures.Where(m => m.EndedOn == null && m.DueOn >= from).ToListAsync(ct);
        var transfers = await db.PoliceTransfers.Where(t => t.DecidedOn == null && t.ApproveBy >= from).ToListAsync(ct);
        var moved = clues.Count(c => EnforcementRecompute.Clue(c, cal)) + cases.Count(c => EnforcementRecompute.Case(c, cal))
            + measures.Count(m => EnforcementRecompute.Measure(m, cal)) + transfers.Count(t => EnforcementRecompute.Transfer(t, cal));
        if (moved > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
