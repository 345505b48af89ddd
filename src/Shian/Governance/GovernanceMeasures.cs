using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Indicators.Contracts;

namespace Shian.Governance;

/// <summary>Governance's measures: the year's plan task assignments (plans of the period's year) and those completed.</summary>
internal sealed class GovernanceMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("governance.assignments", "当年工作方案的任务分工", Records: "/governance/tasks"),
        new("governance.completed", "已完成的任务分工", Records: "/governance/tasks"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var assignments = from a in db.TaskAssignments.AsNoTracking()
                          join p in db.Plans.AsNoTracking() on a.PlanId equals p.Id
                          where a.RegionCode.StartsWith(regionPrefix) && p.Year == to.Year
                          select a;
        return measureKey switch
        {
            "governance.assignments" => await MeasureCounts.ByRegionAsync(assignments, a => a.RegionCode, ct),
            "governance.completed" => await MeasureCounts.ByRegionAsync(assignments.Where(a => a.Status == WorkStatus.Completed), a => a.RegionCode, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
