using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Indicators.Contracts;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Governance;

/// <summary>
/// A plan's targets against the system's indicators: the importer suggests the indicator each target measures (from
/// its wording), a person of the issuing office confirms, changes or removes the link, and the plan page shows the
/// live value of the plan's region and year beside the units' reported figures.
/// </summary>
public sealed class TargetIndicators(ShianDb db, IIndicatorReader indicators)
{
    public sealed record Live(Guid TargetId, IndicatorSummary Indicator, bool Confirmed, IndicatorReading? Reading, Rules.TargetResult Result);

    public IReadOnlyList<IndicatorSummary> Catalogue => indicators.Catalogue;

    /// <summary>The region whose value a reader sees: the plan's own, or (a district reading the city's plan) the reader's first region within it.</summary>
    public string? RegionFor(Plan plan)
    {
        var scope = db.Request.Scope;
        return scope.Allows(plan.RegionCode) ? plan.RegionCode
            : scope.Prefixes.Select(RegionCode.Pad).FirstOrDefault(p => RegionCode.IsWithin(p, plan.RegionCode));
    }

    /// <summary>Whether the caller's office issued the plan (it alone confirms the plan's links).</summary>
    public bool MayLink(Plan plan) => db.Request.Scope.AllowsCreateIn(plan.RegionCode);

    public async Task<IReadOnlyDictionary<Guid, Live>> LiveAsync(GovernanceQueries.PlanView view, CancellationToken ct)
    {
        var region = RegionFor(view.Plan);
        var byKey = indicators.Catalogue.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var readings = new Dictionary<string, IndicatorReading?>(StringComparer.Ordinal);
        var result = new Dictionary<Guid, Live>();
        foreach (var target in view.Tasks.SelectMany(t => t.Targets).Where(t => t.IndicatorKey is not null))
        {
            if (!byKey.TryGetValue(target.IndicatorKey!, out var indicator))
            {
                continue;
            }

            if (!readings.TryGetValue(indicator.Key, out var reading))
            {
                readings[indicator.Key] = reading = region is null ? null : await indicators.ReadAsync(indicator.Key, region, view.Plan.Year, ct);
            }

            result[target.Id] = new Live(target.Id, indicator, target.IndicatorConfirmedBy is not null, reading,
                Rules.TargetJudgement.Judge(target.Comparator, target.Value, reading?.Value));
        }

        return result;
    }

    /// <summary>Confirms, changes or removes (<paramref name="indicatorKey"/> empty) a target's indicator; only the issuing office.</summary>
    public async Task<Target> LinkAsync(Guid targetId, string? indicatorKey, CancellationToken ct)
    {
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == targetId, ct) ?? throw ShianProblemException.NotFound("governance.target-not-found", "目标不存在");
        var key = string.IsNullOrWhiteSpace(indicatorKey) ? null : indicatorKey.Trim();
        if (key is not null && indicators.Catalogue.All(i => i.Key != key))
        {
            throw ShianProblemException.Invalid("governance.indicator-unknown", $"没有指标“{key}”", new Dictionary<string, string[]> { ["indicatorKey"] = [$"没有指标“{key}”，请从指标目录中选择"] });
        }

        if (!db.Request.Scope.AllowsCreateIn(target.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有制定该方案的食安办可以确认目标对应的指标。");
        }

        target.IndicatorKey = key;
        target.IndicatorConfirmedBy = db.Request.UserName;
        await db.SaveChangesAsync(ct);
        return target;
    }
}
