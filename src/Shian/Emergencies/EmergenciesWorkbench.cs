using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;

namespace Shian.Emergencies;

/// <summary>工作台: the incidents of the caller's regions with an upward report pending — overdue when its hour has passed, due soon within 24 hours.</summary>
internal sealed class EmergenciesWorkbench(ShianDb db, TimeProvider clock) : IWorkbenchSource
{
    public int Order => 5;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(EmergenciesPermissions.Command))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.UpwardReports.AsNoTracking().Where(r => r.SubmittedAtUtc == null && !r.Cancelled)
            .GroupBy(r => r.IncidentId).Select(g => g.Min(r => r.DueAtUtc)).ToListAsync(ct);
        var open = await db.Incidents.AsNoTracking().CountAsync(i => i.Status == IncidentStatus.Reported || i.Status == IncidentStatus.Responding, ct);
        var items = Math.Max(open, pending.Count);
        return items == 0 ? [] : [new ToDo("Todo.Incidents", items, pending.Count(d => d < now), pending.Count(d => d >= now && d <= now.AddHours(24)), "/emergencies", "/emergencies?overdue=true")];
    }
}
