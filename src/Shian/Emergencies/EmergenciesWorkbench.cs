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

/// <summary>工作台: 舆情 alerts of the caller's regions not yet closed — overdue when a step's time has passed, due soon within 24 hours.</summary>
internal sealed class OpinionWorkbench(ShianDb db, TimeProvider clock) : IWorkbenchSource
{
    public int Order => 6;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(EmergenciesPermissions.OpinionHandle))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.OpinionAlerts.AsNoTracking().Where(a => a.Status != OpinionAlertStatus.Closed).ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }

        var next = open.Select(a => a.PendingSteps().FirstOrDefault().DueUtc).ToList();
        return [new ToDo("Todo.OpinionAlerts", open.Count, next.Count(d => d < now), next.Count(d => d >= now && d <= now.AddHours(24)), "/opinion", "/opinion?overdue=true")];
    }
}

/// <summary>工作台: the offices of the caller's regions with a drill, training or plan evaluation past due (or no plan at all).</summary>
internal sealed class PreparednessWorkbench(Preparedness preparedness, ShianDb db) : IWorkbenchSource
{
    public int Order => 7;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(EmergenciesPermissions.Network))
        {
            return [];
        }

        var offices = await Web.OfficeRegions.OfficesAsync(db, ct, 50);
        var status = await preparedness.StatusAsync([.. offices.Select(o => o.Code)], ct);
        var overdue = status.Count(s => s.Status.AnyOverdue);
        return overdue == 0 ? [] : [new ToDo("Todo.Preparedness", overdue, overdue, 0, "/emergencies/preparedness", "/emergencies/preparedness")];
    }
}

/// <summary>工作台: the zero reports the signed-in reporter owes — missed ones overdue, the current one due soon when within 24 hours.</summary>
internal sealed class ZeroReportWorkbench(ZeroReporting zero, TimeProvider clock) : IWorkbenchSource
{
    public int Order => 4;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(EmergenciesPermissions.Report))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var owed = (await zero.MineAsync(ct)).Where(o => o.State is Rules.ZeroReportState.Open or Rules.ZeroReportState.Missing).ToList();
        return owed.Count == 0 ? [] : [new ToDo("Todo.ZeroReports", owed.Count, owed.Count(o => o.State == Rules.ZeroReportState.Missing),
            owed.Count(o => o.State == Rules.ZeroReportState.Open && o.Period.DueUtc <= now.AddHours(24)), "/emergencies/zero-reports")];
    }
}
