using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;

namespace Shian.Inspections;

/// <summary>
/// When a year's holiday notice arrives, open rectification deadlines (calendar days rolled past 法定休假日) and the
/// re-inspection windows that follow them are recomputed on the new calendar: they were provisional before (issue #14).
/// </summary>
public sealed class InspectionDeadlines(ShianDb db, Checks checks, WorkingDayCalendarProvider calendar) : IDomainEventHandler<HolidayNoticeImported>
{
    public async Task HandleAsync(HolidayNoticeImported e, CancellationToken ct)
    {
        await calendar.RefreshIfChangedAsync(db, ct);
        var cal = calendar.Current;
        var from = e.RecomputeDueFrom;
        var records = await db.InspectionRecords.Where(r => r.RectifyBy >= from && r.RectificationCheckedOn == null).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var visits = await db.PlannedVisits.Where(v => v.Status == VisitStatus.Planned && v.Purpose == VisitPurpose.Reinspection && v.FollowsRecordId != null && ids.Contains(v.FollowsRecordId.Value))
            .ToDictionaryAsync(v => v.FollowsRecordId!.Value, ct);
        var moved = false;
        foreach (var r in records)
        {
            var rectifyBy = cal.DueCalendarDays(r.InspectedOn, checks.RectificationDays).Date;
            if (r.RectifyBy != rectifyBy)
            {
                r.RectifyBy = rectifyBy;
                moved = true;
            }

            if (visits.TryGetValue(r.Id, out var visit))
            {
                var dueBy = cal.AddWorkingDays(rectifyBy, checks.ReinspectionWorkingDays).Date;
                if (visit.DueFrom != rectifyBy || visit.DueBy != dueBy)
                {
                    (visit.DueFrom, visit.DueBy) = (rectifyBy, dueBy);
                    moved = true;
                }
            }
        }

        if (moved)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
