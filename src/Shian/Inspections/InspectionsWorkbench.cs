using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Inspections;

/// <summary>工作台 to-dos of inspections: the visits the user is to make (as 今日任务 counts them).</summary>
internal sealed class InspectionsWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 20;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(InspectionsPermissions.Inspect) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } me)
        {
            return [];
        }

        var dues = (await db.PlannedVisits.AsNoTracking().Where(v => v.Status == VisitStatus.Planned && v.InspectorIds.Contains(me) && (v.DueFrom == null || v.DueFrom <= today))
                .Select(v => new { v.InspectorIds, v.DueBy }).ToListAsync(ct))
            .Where(v => v.InspectorIds.Split(',').Contains(me)).Select(v => v.DueBy).ToList();
        return dues.Count == 0 ? [] : [WorkbenchToDos.Count("Todo.Visits", dues, today, "/inspections/visits", "/inspections/visits?overdue=true")];
    }
}
