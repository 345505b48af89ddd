using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Registry.Contracts;

namespace Shian.Risk;

/// <summary>Risk's measure: operating businesses (as the register says today) that have a risk grade.</summary>
internal sealed class RiskMeasures(ShianDb db, IBusinessDirectory directory) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } = [new("risk.graded", "已评定风险等级的在营经营者", Snapshot: true)];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (measureKey != "risk.graded")
        {
            throw MeasureCounts.Unknown(measureKey);
        }

        var graded = (await db.RiskGrades.AsNoTracking().Where(g => g.RegionCode.StartsWith(regionPrefix)).Select(g => g.BusinessId).Distinct().ToListAsync(ct)).ToHashSet();
        var regions = new List<string>();
        await foreach (var b in directory.StreamAsync(Kernel.Regions.RegionCode.Pad(regionPrefix), ct))
        {
            if (b.Status == BusinessStatus.Operating && graded.Contains(b.Id))
            {
                regions.Add(b.RegionCode);
            }
        }

        return MeasureCounts.Tally(regions);
    }
}
