using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Parsing;
using Shian.Kernel.Regions;

namespace Shian.Governance;

/// <summary>Linked targets of a year's plans issued by the region or a region above it (a city plan's 98 % applies to its districts too).</summary>
internal sealed class PlanTargets(ShianDb db) : IPlanTargets
{
    public async Task<IReadOnlyList<LinkedTarget>> LinkedAsync(string regionCode, int year, CancellationToken ct)
    {
        var regions = RegionCode.Ancestors(regionCode).Append(regionCode).ToList();
        var rows = await (from t in db.Targets.AsNoTracking()
                          join task in db.PlanTasks.AsNoTracking() on t.TaskId equals task.Id
                          join p in db.Plans.AsNoTracking() on task.PlanId equals p.Id
                          where t.IndicatorKey != null && p.Year == year && regions.Contains(p.RegionCode)
                          orderby p.ImportedAtUtc descending, task.Ordinal, t.Ordinal
                          select new { t.IndicatorKey, t.Comparator, t.Value, t.Unit, p.Title, PlanId = p.Id, TaskId = task.Id, p.RegionCode, t.IndicatorConfirmedBy }).ToListAsync(ct);
        return [.. rows.Select(r => new LinkedTarget(r.IndicatorKey!, Symbol(r.Comparator), r.Value, r.Unit, r.Title, r.PlanId, r.TaskId, r.RegionCode, r.IndicatorConfirmedBy is not null))];
    }

    public static string Symbol(Comparator c) => c switch { Comparator.AtLeast => "≥", Comparator.AtMost => "≤", _ => "=" };
}
