using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Inspections;

/// <summary>
/// 工作台 to-dos of inspections: the visits the user is to make (as 今日任务 counts them); for a reviewer, the results
/// awaiting review (due by the office's publication target) and the businesses' replies awaiting review.
/// </summary>
internal sealed class InspectionsWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 20;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var todos = new List<ToDo>();
        if (user.Grants(InspectionsPermissions.Inspect) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
        {
            var dues = (await db.PlannedVisits.AsNoTracking().Where(v => v.Status == VisitStatus.Planned && v.InspectorIds.Contains(me) && (v.DueFrom == null || v.DueFrom <= today))
                    .Select(v => new { v.InspectorIds, v.DueBy }).ToListAsync(ct))
                .Where(v => v.InspectorIds.Split(',').Contains(me)).Select(v => v.DueBy).ToList();
            if (dues.Count > 0)
            {
                todos.Add(WorkbenchToDos.Count("Todo.Visits", dues, today, "/inspections/visits", "/inspections/visits?overdue=true"));
            }
        }

        if (user.Grants(InspectionsPermissions.Review))
        {
            var targets = await db.InspectionRecords.AsNoTracking().Where(r => r.PublishedAtUtc == null).Select(r => (DateOnly?)r.PublishTarget).ToListAsync(ct);
            if (targets.Count > 0)
            {
                todos.Add(WorkbenchToDos.Count("Todo.ResultsToPublish", targets, today, "/inspections/publication#queue"));
            }

            var replies = await db.InspectionReplies.AsNoTracking().CountAsync(x => x.Status == ReplyStatus.Submitted, ct);
            if (replies > 0)
            {
                todos.Add(WorkbenchToDos.Count("Todo.RepliesToReview", Enumerable.Repeat<DateOnly?>(null, replies), today, "/inspections/publication#replies"));
            }
        }

        return todos;
    }
}
