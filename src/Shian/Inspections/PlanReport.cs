using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Kernel.Calendar;

namespace Shian.Inspections;

/// <summary>A plan with its progress: visits per period (planned, done, overdue) and each inspector's load, for the plan page and the API.</summary>
public sealed class PlanReport(ShianDb db, TimeProvider clock)
{
    public sealed record Period(DateOnly From, DateOnly To, int Visits, int Done, int Overdue, int FullChecklist);

    public sealed record InspectorLoad(string Name, int Visits, int Done);

    public sealed record Report(InspectionPlan Plan, IReadOnlyList<Period> Periods, IReadOnlyList<InspectorLoad> Inspectors, int Done, int Overdue);

    public async Task<Report?> ForAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        var periods = await db.PlannedVisits.AsNoTracking().Where(v => v.PlanId == id).GroupBy(v => new { v.DueFrom })
            .Select(g => new
            {
                g.Key.DueFrom, Visits = g.Count(), Done = g.Count(v => v.Status == VisitStatus.Done),
                Overdue = g.Count(v => v.Status == VisitStatus.Planned && v.DueBy < today), Full = g.Count(v => v.FullChecklistDue),
            }).ToListAsync(ct);
        var loads = new Dictionary<string, (int Visits, int Done)>();
        await foreach (var v in db.PlannedVisits.AsNoTracking().Where(v => v.PlanId == id).Select(v => new { v.InspectorNames, v.Status }).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var name in v.InspectorNames.Split('、', StringSplitOptions.RemoveEmptyEntries))
            {
                var (n, d) = loads.GetValueOrDefault(name);
                loads[name] = (n + 1, d + (v.Status == VisitStatus.Done ? 1 : 0));
            }
        }

        // Every period of the plan, empty ones too (a visit's DueFrom is its period's first day).
        var counts = periods.ToDictionary(p => p.DueFrom!.Value);
        var rows = Rules.VisitPlanner.Periods(plan.StartsOn, plan.EndsOn)
            .Select(p => counts.TryGetValue(p.From, out var c) ? new Period(p.From, p.To, c.Visits, c.Done, c.Overdue, c.Full) : new Period(p.From, p.To, 0, 0, 0, 0)).ToList();
        return new Report(plan, rows, [.. loads.OrderByDescending(l => l.Value.Visits).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => new InspectorLoad(l.Key, l.Value.Visits, l.Value.Done))],
            rows.Sum(r => r.Done), rows.Sum(r => r.Overdue));
    }
}
