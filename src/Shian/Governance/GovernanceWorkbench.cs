using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Governance;

/// <summary>工作台 to-dos of governance: the user's plan tasks (as 我的任务 counts them) and the 督办 their district must answer.</summary>
internal sealed class GovernanceWorkbench(GovernanceQueries queries, ShianDb db) : IWorkbenchSource
{
    public int Order => 10;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var result = new List<ToDo>();
        if (user.Grants(GovernancePermissions.Report))
        {
            var open = (await queries.MyTasksAsync(today, ct)).Where(t => t.MyAssignments.Any(a => a.Status != WorkStatus.Completed)).ToList();
            var overdue = open.Count(t => t.MyAssignments.Any(a => a.Status == WorkStatus.Overdue));
            var soon = open.Count(t => t.MyAssignments.All(a => a.Status != WorkStatus.Overdue) && WorkbenchToDos.Classify(t.NextMilestone?.Date, today).DueSoon);
            if (open.Count > 0)
            {
                result.Add(new ToDo("Todo.Tasks", open.Count, overdue, soon, "/governance/tasks"));
            }
        }

        if (user.Grants(GovernancePermissions.Reply))
        {
            // The notices addressed to the user's own districts (not those the city issued to others and waits for).
            var own = user.FindAll(ShianClaims.Region).Select(c => c.Value).ToList();
            var notices = await db.SupervisionNotices.AsNoTracking().Where(n => n.Status != SupervisionStatus.Replied && own.Contains(n.RegionCode))
                .OrderBy(n => n.ReplyDue).Select(n => new { n.TaskId, n.ReplyDue }).ToListAsync(ct);
            if (notices.Count > 0)
            {
                var href = notices.Select(n => n.TaskId).Distinct().Count() == 1 ? $"/governance/tasks/{notices[0].TaskId}#supervision" : "/governance/tasks";
                result.Add(WorkbenchToDos.Count("Todo.Supervision", notices.Select(n => (DateOnly?)n.ReplyDue), today, href));
            }
        }

        return result;
    }
}
