namespace Shian.Governance.Contracts;

/// <summary>A plan's target linked to an indicator: what the dashboards draw as the target line.</summary>
public sealed record LinkedTarget(string IndicatorKey, string Comparator, decimal? Value, string Unit, string PlanTitle, Guid PlanId, Guid TaskId, string PlanRegionCode, bool Confirmed);

/// <summary>The targets of a year's plans (of the region and the regions above it) that are linked to indicators.</summary>
public interface IPlanTargets
{
    Task<IReadOnlyList<LinkedTarget>> LinkedAsync(string regionCode, int year, CancellationToken ct);
}
