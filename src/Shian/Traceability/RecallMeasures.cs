using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Traceability.Domain;

namespace Shian.Traceability;

/// <summary>
/// Recall measures: recalls started in the period (召回公告 date; a proposal not yet decided, or dismissed, is not one),
/// and the sum over them of each recall's share recovered (destroyed goods are part of those recovered; each capped at 1). Recalls count in different
/// units (箱, kg, 件), so the rate (seed 004 应召回食品召回率) is the mean share, never a sum of quantities.
/// </summary>
internal sealed class RecallMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("trace.recalls", "启动的召回（应召回数量已知）", Records: "/trace/recalls"),
        new("trace.recalled-share", "已召回比例之和", Records: "/trace/recalls"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Recalls.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(regionPrefix) && r.NoticeOn >= from && r.NoticeOn <= to && r.QuantityToRecall > 0
                        && (r.Status == RecallStatus.Underway || r.Status == RecallStatus.Completed || r.Status == RecallStatus.Closed))
            .Select(r => new { r.RegionCode, r.QuantityToRecall, r.Recovered }).ToListAsync(ct);
        return measureKey switch
        {
            "trace.recalls" => MeasureCounts.Tally(rows.Select(r => r.RegionCode)),
            "trace.recalled-share" => MeasureCounts.Sum(rows, r => r.RegionCode, r => Math.Min(1m, r.Recovered / r.QuantityToRecall!.Value)),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
