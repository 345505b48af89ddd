using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Kernel.Calendar;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;

namespace Shian.Traceability;

/// <summary>
/// Traceability's measures. Capture: the businesses seed 000 expects to be traceable (co-operatives, leading
/// enterprises, producers, central kitchens, collective-meal suppliers — <see cref="RegistryLabels.ShouldBeTraceable"/>)
/// that sent trace data (a capture that stored events) in the 30 days up to the period's end, counted in their
/// register district — the same businesses the register's "应追溯" count holds, so the rate is a share of them.
/// Recall measures: recalls started in the period (召回公告 date; a proposal not yet decided, or dismissed, is not one),
/// and the sum over them of each recall's share recovered (destroyed goods are part of those recovered; each capped at 1). Recalls count in different
/// units (箱, kg, 件), so the rate (seed 004 应召回食品召回率) is the mean share, never a sum of quantities.
/// </summary>
internal sealed class TraceMeasures(ShianDb db, IBusinessDirectory directory) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("trace.recalls", "启动的召回（应召回数量已知）", Records: "/trace/recalls"),
        new("trace.recalled-share", "已召回比例之和", Records: "/trace/recalls"),
        new(CapturingKey, "近 30 日报送追溯数据的应追溯经营者", Snapshot: true, Records: "/trace/captures?region={region}"),
    ];

    public const string CapturingKey = "trace.capturing-key";

    /// <summary>How far back a capture shows a business keeps its trace records (the indicator's window).</summary>
    public const int CaptureWindowDays = 30;

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (measureKey == CapturingKey)
        {
            // Capture jobs (one row per document), not events: a city holds 100 M events and few thousand documents a day.
            var start = ChinaTime.StartUtc(to.AddDays(1 - CaptureWindowDays));
            var end = ChinaTime.StartUtc(to.AddDays(1));
            var ids = await db.TraceCaptures.AsNoTracking()
                .Where(c => c.RegionCode.StartsWith(regionPrefix) && c.ReceivedAtUtc >= start && c.ReceivedAtUtc < end && c.Stored > 0)
                .Select(c => c.BusinessId).Distinct().ToListAsync(ct);
            var facts = new List<BusinessFacts>();
            foreach (var chunk in ids.Chunk(1000))
            {
                facts.AddRange(await directory.FindAsync(chunk, ct));
            }

            return MeasureCounts.Tally(facts.Where(f => f.Status == BusinessStatus.Operating && RegistryLabels.ShouldBeTraceable(f.Kind) && f.RegionCode.StartsWith(regionPrefix, StringComparison.Ordinal))
                .Select(f => f.RegionCode));
        }

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
