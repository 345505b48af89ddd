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
        var library = await standards.LibraryAsync(ct);
        var prefix = RegionCode.Prefix(regionCode);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == regionCode, ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regionCode && r.Level != RegionLevel.Zone).OrderBy(r => r.Code).ToListAsync(ct);
        var childRegions = children.Select(c => (c.Code, RegionCode.Prefix(c.Code), c.Name)).ToList();

        var rows = await db.Samples.AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.Status == SampleStatus.Reported && s.SampledOn >= from && s.SampledOn <= to && s.Verdict != null && s.Verdict != SampleVerdict.Undetermined)
            .Select(s => new { s.RegionCode, s.CategoryCode, s.BusinessKind, s.SampledOn, s.Verdict }).ToListAsync(ct);
        var lineage = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var facts = rows.Select(r => new SampleFact(r.RegionCode, r.CategoryCode, (int)r.BusinessKind, r.SampledOn.Month, r.Verdict == SampleVerdict.NonConforming));
        var names = library.Categories.ToDictionary(c => c.Key, c => c.Value.Name, StringComparer.Ordinal);
        var kindNames = RegistryLabels.Kinds.ToDictionary(k => (int)k.Key, k => k.Value);
        var dashboard = SamplingDashboard.Compute(facts, childRegions, category, c => [.. library.Book.Lineage(c).Reverse()], names, kindNames);

        var (start, end) = (from, to); // "from" is a query keyword
        // Test items: pass rate per analyte over the same samples (first results, not 复检), the most failing first.
        var items = await (from r in db.SampleResults.AsNoTracking()
                           join s in db.Samples.AsNoTracking() on r.SampleId equals s.Id
                           where !r.Retest && s.RegionCode.StartsWith(prefix) && s.Status == SampleStatus.Reported && s.SampledOn >= start && s.SampledOn <= end
                           group r by new { r.AnalyteCode, Failed = r.Verdict == ItemVerdict.NonConforming } into g
                           select new { g.Key.AnalyteCode, g.Key.Failed, Count = g.Count() }).ToListAsync(ct);
        var byAnalyte = items.GroupBy(i => i.AnalyteCode)
            .Select(g => new PassRate(g.Key, library.Analytes.TryGetValue(g.Key, out var a) ? a.Name : g.Key, g.Sum(x => x.Count), g.Where(x => x.Failed).Sum(x => x.Count)))
            .OrderByDescending(p => p.NonConforming).ThenByDescending(p => p.Samples).ToList();
        var (total, closed, overdue) = await dispositions.RateAsync(from, to, ct);
        return new Result(regionCode, region.Name, from, to, category, category is null ? null : names.GetValueOrDefault(category), dashboard, byAnalyte, total, closed, overdue);
    }
}
