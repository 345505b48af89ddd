using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>
/// Sampling's measures: lab samples taken in the period (rapid tests are a separate table and never counted: seed 004
/// "不含快速检测"), those with residue items, 风险监测 samples, verdicts (all foods and 食用农产品 as the dashboard
/// classes them), and 监督抽检 non-conformities with their 核查处置 done.
/// </summary>
internal sealed class SamplingMeasures(ShianDb db, Standards standards) : IMeasureSource
{
    private const string Stats = "/sampling/stats?region={region}&from={from}&to={to}";

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("sampling.samples", "检验样品（不含快检）", Records: Stats),
        new("sampling.residue-samples", "含农药兽药残留项目的样品", Records: Stats),
        new("sampling.monitoring-samples", "风险监测样品", Records: Stats),
        new("sampling.concluded", "已出结论的样品", Records: Stats),
        new("sampling.conforming", "合格样品", Records: Stats),
        new("sampling.agri-concluded", "已出结论的食用农产品样品", Records: Stats),
        new("sampling.agri-conforming", "合格的食用农产品样品", Records: Stats),
        new("sampling.dispositions", "监督抽检不合格样品（核查处置）", Records: "/sampling?verdict=NonConforming"),
        new("sampling.dispositions-done", "已完成核查处置的不合格样品", Records: "/sampling?verdict=NonConforming"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var samples = db.Samples.AsNoTracking().Where(s => s.RegionCode.StartsWith(regionPrefix) && s.SampledOn >= from && s.SampledOn <= to);
        var concluded = samples.Where(s => s.Verdict == SampleVerdict.Conforming || s.Verdict == SampleVerdict.NonConforming);
        var dispositions = db.Dispositions.AsNoTracking().Where(d => d.RegionCode.StartsWith(regionPrefix) && d.Kind == SampleKind.Supervision && d.ConcludedOn >= from && d.ConcludedOn <= to);
        return measureKey switch
        {
            "sampling.samples" => await MeasureCounts.ByRegionAsync(samples, s => s.RegionCode, ct),
            "sampling.residue-samples" => await MeasureCounts.ByRegionAsync(samples.Where(s => s.Residue), s => s.RegionCode, ct),
            "sampling.monitoring-samples" => await MeasureCounts.ByRegionAsync(samples.Where(s => s.Kind == SampleKind.RiskMonitoring), s => s.RegionCode, ct),
            "sampling.concluded" => await MeasureCounts.ByRegionAsync(concluded, s => s.RegionCode, ct),
            "sampling.conforming" => await MeasureCounts.ByRegionAsync(concluded.Where(s => s.Verdict == SampleVerdict.Conforming), s => s.RegionCode, ct),
            "sampling.agri-concluded" => await AgriAsync(concluded, conformingOnly: false, ct),
            "sampling.agri-conforming" => await AgriAsync(concluded, conformingOnly: true, ct),
            "sampling.dispositions" => await MeasureCounts.ByRegionAsync(dispositions, d => d.RegionCode, ct),
            "sampling.dispositions-done" => await MeasureCounts.ByRegionAsync(dispositions.Where(d => d.ActionCompletedOn != null), d => d.RegionCode, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }

    /// <summary>食用农产品 by the category tree, as the pass-rate dashboard classes them (<see cref="SamplingDashboard.AgriculturalRoots"/>).</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> AgriAsync(IQueryable<Sample> concluded, bool conformingOnly, CancellationToken ct)
    {
        var rows = await concluded.GroupBy(s => new { s.RegionCode, s.CategoryCode, s.Verdict }).Select(g => new { g.Key.RegionCode, g.Key.CategoryCode, g.Key.Verdict, N = g.Count() }).ToListAsync(ct);
        var book = (await standards.LibraryAsync(ct)).Book;
        var agri = rows.Where(r => (!conformingOnly || r.Verdict == SampleVerdict.Conforming)
            && book.Lineage(r.CategoryCode).Any(c => SamplingDashboard.AgriculturalRoots.Contains(c, StringComparer.Ordinal)));
        return MeasureCounts.Sum(agri, r => r.RegionCode, r => r.N);
    }
}
