using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Indicators.Contracts;
using Shian.Indicators.Domain;
using Shian.Indicators.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;

namespace Shian.Indicators;

/// <summary>
/// Computes indicators from the modules' measures (each module counts its own records, per region code) and the values
/// entered for the rest. A measure's counts for a region and period are cached for <c>Indicators:CacheSeconds</c>
/// (300 s): the dashboard of a city reads the same counts again and again, and a district drilled into reuses the
/// city's counts (its cells are a subset). Entered values are read fresh. The caller checks the region is its own.
/// </summary>
public sealed class IndicatorValues(IEnumerable<IMeasureSource> sources, IPlanTargets planTargets, ShianDb db, IMemoryCache cache, IConfiguration configuration, TimeProvider clock)
    : IIndicatorReader
{
    public sealed record Value(IndicatorDefinition Definition, Figure Figure, IndicatorEntry? Entry, string? Note);

    public sealed record Area(string Code, string Name, Value Value);

    public sealed record Point(DateOnly To, decimal? Value);

    public sealed record Detail(string RegionCode, string RegionName, int Year, DateOnly From, DateOnly To, Value Own, IReadOnlyList<Area> Children,
        IReadOnlyList<Point> Trend, IReadOnlyList<LinkedTarget> Targets, IReadOnlyList<MeasureInfo> Measures, IReadOnlyList<IndicatorEntry> History, DateTime ComputedAtUtc);

    public sealed record Board(string RegionCode, string RegionName, int Year, DateOnly From, DateOnly To, IReadOnlyList<Value> Values, IReadOnlyList<LinkedTarget> Targets, DateTime ComputedAtUtc);

    private sealed record Cached(IReadOnlyDictionary<string, decimal> Cells, DateTime AtUtc);

    private Dictionary<string, (IMeasureSource Source, MeasureInfo Info)>? _measures;

    private DateTime _oldest = DateTime.MaxValue;

    private Dictionary<string, (IMeasureSource Source, MeasureInfo Info)> MeasureMap =>
        _measures ??= sources.SelectMany(s => s.Measures.Select(m => (s, m))).ToDictionary(x => x.m.Key, x => (x.s, x.m), StringComparer.Ordinal);

    public IReadOnlyList<IndicatorSummary> Catalogue { get; } = [.. IndicatorCatalogue.All.Select(d => new IndicatorSummary(d.Key, d.Name, d.DisplayUnit, d.Computed))];

    public string? Suggest(string targetText, string unit, int nth = 0) => IndicatorCatalogue.Suggest(targetText, unit, nth)?.Key;

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IndicatorReading?> ReadAsync(string key, string regionCode, int year, CancellationToken ct)
    {
        if (IndicatorCatalogue.Find(key) is not { } d || IndicatorMath.Year(year, Today) is not { } period)
        {
            return null;
        }

        var tree = await TreeAsync(regionCode, ct);
        var v = await ValueAsync(d, regionCode, period, tree, await EntriesAsync(regionCode, year, ct), ct);
        return new IndicatorReading(d.Key, d.Name, d.DisplayUnit, v.Figure.Value, v.Figure.Numerator, v.Figure.Denominator, d.Computed, $"/indicators/{d.Key}?region={regionCode}&year={year}", v.Note);
    }

    /// <summary>Every indicator of the region and year (the dashboard).</summary>
    public async Task<Board> BoardAsync(string regionCode, int year, CancellationToken ct)
    {
        var period = IndicatorMath.Year(year, Today) ?? throw NotBegun(year);
        var tree = await TreeAsync(regionCode, ct);
        var entries = await EntriesAsync(regionCode, year, ct);
        var values = new List<Value>();
        foreach (var d in IndicatorCatalogue.All)
        {
            values.Add(await ValueAsync(d, regionCode, period, tree, entries, ct));
        }

        return new Board(regionCode, tree.Find(regionCode)?.Name ?? regionCode, year, period.From, period.To, values,
            await planTargets.LinkedAsync(regionCode, year, ct), _oldest == DateTime.MaxValue ? clock.GetUtcNow().UtcDateTime : _oldest);
    }

    /// <summary>One indicator: the region's figure, its child regions' (drill-down), the year-to-date trend by month, the targets, the entries.</summary>
    public async Task<Detail> DetailAsync(IndicatorDefinition d, string regionCode, int year, CancellationToken ct)
    {
        var period = IndicatorMath.Year(year, Today) ?? throw NotBegun(year);
        var tree = await TreeAsync(regionCode, ct);
        var entries = await EntriesAsync(regionCode, year, ct);
        var own = await ValueAsync(d, regionCode, period, tree, entries, ct);
        var children = new List<Area>();
        foreach (var child in tree.ChildrenOf(regionCode).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            children.Add(new Area(child.Code, child.Name, await ValueAsync(d, child.Code, period, tree, entries, ct)));
        }

        var trend = new List<Point>();
        var snapshot = d.Computed && (MeasureMap.GetValueOrDefault(d.Numerator!).Info?.Snapshot ?? false);
        if (d.Computed && !snapshot)
        {
            foreach (var end in IndicatorMath.MonthEnds(period.From, period.To))
            {
                // A snapshot measure (the register) is today's state whatever the month: counted once, as of the period's end.
                trend.Add(new Point(end, (await ValueAsync(d, regionCode, (period.From, end), tree, entries, ct, snapshotOn: period.To)).Figure.Value));
            }
        }

        var measures = new[] { d.Numerator, d.Denominator }.Where(k => k is not null && MeasureMap.ContainsKey(k)).Select(k => MeasureMap[k!].Info).ToList();
        var history = entries.Where(e => e.IndicatorKey == d.Key).OrderByDescending(e => e.EnteredAtUtc).ToList();
        var targets = (await planTargets.LinkedAsync(regionCode, year, ct)).Where(t => t.IndicatorKey == d.Key).ToList();
        return new Detail(regionCode, tree.Find(regionCode)?.Name ?? regionCode, year, period.From, period.To, own, children, trend, targets, measures, history,
            _oldest == DateTime.MaxValue ? clock.GetUtcNow().UtcDateTime : _oldest);
    }

    private async Task<Value> ValueAsync(IndicatorDefinition d, string regionCode, (DateOnly From, DateOnly To) period, RegionTree tree, IReadOnlyList<IndicatorEntry> entries,
        CancellationToken ct, DateOnly? snapshotOn = null)
    {
        if (!d.Computed)
        {
            return Entered(d, regionCode, entries);
        }

        var computed = await ComputedAsync(d, regionCode, period, tree, ct, snapshotOn);
        if (d.AcceptsEntries && computed.Figure.Value is null && entries.Any(e => e.IndicatorKey == d.Key && RegionCode.IsWithin(e.RegionCode, regionCode)))
        {
            // No records behind it (no survey answered, no training recorded): the entered figure, said so.
            var entered = Entered(d, regionCode, entries);
            return entered with { Note = "无业务记录，采用填报值" + (entered.Note is null ? "" : "；" + entered.Note) };
        }

        return computed;
    }

    private static Value Entered(IndicatorDefinition d, string regionCode, IReadOnlyList<IndicatorEntry> entries)
    {
        {
            var latest = entries.Where(e => e.IndicatorKey == d.Key && RegionCode.IsWithin(e.RegionCode, regionCode))
                .GroupBy(e => e.RegionCode).Select(g => g.MaxBy(e => e.EnteredAtUtc)!).ToList();
            if (latest.FirstOrDefault(e => e.RegionCode == regionCode) is { } own)
            {
                return new Value(d, new Figure(own.Value, own.Numerator, own.Denominator), own, null);
            }

            var combined = IndicatorMath.Combine(d.Unit, [.. latest.Select(e => (e.RegionCode, e.Value, e.Numerator, e.Denominator))]);
            return new Value(d, combined, null, latest.Count == 0 ? "未填报" : combined.Value is null ? $"下级已填报 {latest.Count} 个，本级尚未填报" : $"由下级 {latest.Count} 个填报汇总");
        }
    }

    private async Task<Value> ComputedAsync(IndicatorDefinition d, string regionCode, (DateOnly From, DateOnly To) period, RegionTree tree, CancellationToken ct, DateOnly? snapshotOn)
    {
        var prefix = RegionCode.Prefix(regionCode);
        var numerator = IndicatorMath.Within(await CellsAsync(d.Numerator!, prefix, period, snapshotOn, ct), prefix);
        decimal? denominator;
        string? note = null;
        if (d.Denominator == IndicatorCatalogue.Population)
        {
            var population = PopulationRollup.For(regionCode, tree, await PopulationsAsync(ct));
            denominator = population.Population;
            note = population.IsComplete ? $"常住人口 {population.Population:N0}（{population.Year} 年）" : "缺少人口数，无法计算（系统管理 → 区划人口）";
        }
        else if (d.Denominator == IndicatorCatalogue.Months)
        {
            denominator = IndicatorMath.MonthEnds(period.From, period.To).Count;
            note = $"按 {denominator} 个月计（含当月）";
        }
        else
        {
            denominator = d.Denominator is null ? null : IndicatorMath.Within(await CellsAsync(d.Denominator, prefix, period, snapshotOn, ct), prefix);
        }

        return new Value(d, IndicatorMath.Compute(d.Unit, numerator, denominator), null, note);
    }

    /// <summary>A measure's counts per region code, cached; a cached count of a region above serves (its cells include these).</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> CellsAsync(string measureKey, string prefix, (DateOnly From, DateOnly To) period, DateOnly? snapshotOn, CancellationToken ct)
    {
        var (source, info) = MeasureMap.TryGetValue(measureKey, out var m) ? m : throw new InvalidOperationException($"No module provides measure '{measureKey}'");
        var from = info.Snapshot ? DateOnly.MinValue : period.From;
        var to = info.Snapshot ? snapshotOn ?? period.To : period.To;
        string Key(string p) => $"indicators|{measureKey}|{p}|{from:yyyyMMdd}|{to:yyyyMMdd}";
        foreach (var p in RegionCode.Ancestors(RegionCode.Pad(prefix)).Select(RegionCode.Prefix).Append(prefix))
        {
            if (cache.TryGetValue(Key(p), out Cached? hit) && hit is not null)
            {
                _oldest = hit.AtUtc < _oldest ? hit.AtUtc : _oldest;
                return hit.Cells;
            }
        }

        await db.PlanForEachQueryAsync(ct); // the modules' grouped counts: ShianDb.PlanForEachQueryAsync
        var cells = await source.CountAsync(measureKey, prefix, info.Snapshot ? to : from, to, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (configuration.GetValue("Indicators:CacheSeconds", 300) is var seconds and > 0)
        {
            cache.Set(Key(prefix), new Cached(cells, now), TimeSpan.FromSeconds(seconds));
        }

        _oldest = now < _oldest ? now : _oldest;
        return cells;
    }

    private IReadOnlyList<PopulationFigure>? _populations;

    private async Task<IReadOnlyList<PopulationFigure>> PopulationsAsync(CancellationToken ct) =>
        _populations ??= await db.PopulationFigures.AsNoTracking().ToListAsync(ct);

    // Per request (this service is scoped): 工作台 and the plan page read many indicators of one region and year.
    private readonly Dictionary<string, RegionTree> _trees = new(StringComparer.Ordinal);

    private readonly Dictionary<(string, int), IReadOnlyList<IndicatorEntry>> _entries = [];

    private async Task<RegionTree> TreeAsync(string regionCode, CancellationToken ct)
    {
        // The region and everything below it (a city's population may be summed from its counties).
        if (!_trees.TryGetValue(regionCode, out var tree))
        {
            var prefix = RegionCode.Prefix(regionCode);
            _trees[regionCode] = tree = new RegionTree(await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToListAsync(ct));
        }

        return tree;
    }

    private async Task<IReadOnlyList<IndicatorEntry>> EntriesAsync(string regionCode, int year, CancellationToken ct)
    {
        if (!_entries.TryGetValue((regionCode, year), out var entries))
        {
            var prefix = RegionCode.Prefix(regionCode);
            _entries[(regionCode, year)] = entries = await db.IndicatorEntries.AsNoTracking().Where(e => e.Year == year && e.RegionCode.StartsWith(prefix)).ToListAsync(ct);
        }

        return entries;
    }

    private static Kernel.Errors.ShianProblemException NotBegun(int year) =>
        Kernel.Errors.ShianProblemException.Invalid("indicators.invalid", $"{year} 年尚未开始", new Dictionary<string, string[]> { ["year"] = [$"{year} 年尚未开始"] });
}
