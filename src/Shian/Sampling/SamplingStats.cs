using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>The pass-rate dashboard of a region and period: reads the reported samples once (a narrow projection) and aggregates in memory.</summary>
public sealed class SamplingStats(ShianDb db, Standards standards, Dispositions dispositions)
{
    public sealed record Result(string RegionCode, string RegionName, DateOnly From, DateOnly To, string? Category, string? CategoryName, Dashboard Dashboard,
        IReadOnlyList<PassRate> ByAnalyte, int Dispositions, int DispositionsClosed, int DispositionsOverdue);

    public async Task<Result> ForAsync(string regionCode, DateOnly from, DateOnly to, string? category, CancellationToken ct)
    {
        await db.PlanForEachQueryAsync(ct);
        var library = await standards.LibraryAsync(ct);
        var prefix = RegionCode.Prefix(regionCode);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == regionCode, ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regionCode && r.Level != RegionLevel.Zone).OrderBy(r => r.Code).ToListAsync(ct);
        var childRegions = children.Select(c => (c.Code, RegionCode.Prefix(c.Code), c.Name)).ToList();

        // Counted by the database: samples per town, category, kind and verdict; per category, month and verdict.
        var reported = db.Samples.AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.Status == SampleStatus.Reported && s.SampledOn >= from && s.SampledOn <= to && s.Verdict != null && s.Verdict != SampleVerdict.Undetermined);
        var groups = (await reported.GroupBy(s => new { s.RegionCode, s.CategoryCode, s.BusinessKind, s.Verdict })
            .Select(g => new { g.Key.RegionCode, g.Key.CategoryCode, g.Key.BusinessKind, Failed = g.Key.Verdict == SampleVerdict.NonConforming, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new SampleGroup(g.RegionCode, g.CategoryCode, (int)g.BusinessKind, g.Failed, g.Count));
        var months = (await reported.GroupBy(s => new { s.CategoryCode, s.SampledOn.Month, Failed = s.Verdict == SampleVerdict.NonConforming })
            .Select(g => new { g.Key.CategoryCode, g.Key.Month, g.Key.Failed, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new MonthGroup(g.CategoryCode, g.Month, g.Failed, g.Count));
        var names = library.Categories.ToDictionary(c => c.Key, c => c.Value.Name, StringComparer.Ordinal);
        var kindNames = RegistryLabels.Kinds.ToDictionary(k => (int)k.Key, k => k.Value);
        var dashboard = SamplingDashboard.Compute(groups, months, childRegions, category, c => [.. library.Book.Lineage(c).Reverse()], names, kindNames);

        // Test items: pass rate per analyte over the same period and region (first results, not 复检; a result row carries
        // its sample's region and sampling date, so this is one table), the most failing first.
        var (start, end) = (from, to); // "from" is a query keyword
        var items = await db.SampleResults.AsNoTracking().Where(r => !r.Retest && r.RegionCode.StartsWith(prefix) && r.SampledOn >= start && r.SampledOn <= end)
            .GroupBy(r => new { r.AnalyteCode, r.Verdict }).Select(g => new { g.Key.AnalyteCode, Failed = g.Key.Verdict == ItemVerdict.NonConforming, Count = g.Count() }).ToListAsync(ct);
        var byAnalyte = items.GroupBy(i => i.AnalyteCode)
            .Select(g => new PassRate(g.Key, library.Analytes.TryGetValue(g.Key, out var a) ? a.Name : g.Key, g.Sum(x => x.Count), g.Where(x => x.Failed).Sum(x => x.Count)))
            .OrderByDescending(p => p.NonConforming).ThenByDescending(p => p.Samples).ToList();
        var (total, closed, overdue) = await dispositions.RateAsync(regionCode, from, to, ct);
        return new Result(regionCode, region.Name, from, to, category, category is null ? null : names.GetValueOrDefault(category), dashboard, byAnalyte, total, closed, overdue);
    }
}
