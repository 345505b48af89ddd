using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Indicators.Contracts;

namespace Shian.Enforcement;

/// <summary>Enforcement's measures: case clues found in the period, and those decided (立案 or 不予立案).</summary>
internal sealed class EnforcementMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("enforcement.clues", "收到的案件线索", Records: "/enforcement"),
        new("enforcement.clues-decided", "已决定立案或不予立案的线索", Records: "/enforcement"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var clues = db.CaseClues.AsNoTracking().Where(c => c.RegionCode.StartsWith(regionPrefix) && c.FoundOn >= from && c.FoundOn <= to);
        return measureKey switch
        {
            "enforcement.clues" => await MeasureCounts.ByRegionAsync(clues, c => c.RegionCode, ct),
            "enforcement.clues-decided" => await MeasureCounts.ByRegionAsync(clues.Where(c => c.Status == ClueStatus.Opened || c.Status == ClueStatus.NotOpened), c => c.RegionCode, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
