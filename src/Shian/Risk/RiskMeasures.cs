using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;

namespace Shian.Risk;

/// <summary>Risk's measure: businesses with a risk grade (today).</summary>
internal sealed class RiskMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } = [new("risk.graded", "已评定风险等级的经营者", Snapshot: true)];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct) =>
        measureKey == "risk.graded"
            ? MeasureCounts.Tally((await db.RiskGrades.AsNoTracking().Where(g => g.RegionCode.StartsWith(regionPrefix))
                .Select(g => new { g.RegionCode, g.BusinessId }).Distinct().ToListAsync(ct)).Select(g => g.RegionCode))
            : throw MeasureCounts.Unknown(measureKey);
}
