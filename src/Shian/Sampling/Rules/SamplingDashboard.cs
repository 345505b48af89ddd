namespace Shian.Sampling.Rules;

/// <summary>Reported samples of one region (town), food category and business kind, conforming or not: the dashboard's input, counted by the database.</summary>
public readonly record struct SampleGroup(string RegionCode, string CategoryCode, int BusinessKind, bool NonConforming, int Count);

/// <summary>Reported samples of one food category in one month, conforming or not.</summary>
public readonly record struct MonthGroup(string CategoryCode, int Month, bool NonConforming, int Count);

/// <summary>Samples and failures of one group; pass rate in % (one decimal), null for no samples.</summary>
public sealed record PassRate(string Key, string Name, int Samples, int NonConforming)
{
    public decimal? Rate => Samples == 0 ? null : Math.Round(100m * (Samples - NonConforming) / Samples, 1, MidpointRounding.AwayFromZero);
}

public sealed record Dashboard(PassRate Overall, IReadOnlyList<PassRate> ByRegion, IReadOnlyList<PassRate> ByCategory, IReadOnlyList<PassRate> ByBusinessKind,
    IReadOnlyList<PassRate> ByMonth, PassRate AgriculturalProducts);

/// <summary>
/// Pass rates of reported samples (合格率 = conforming / reported; 问题发现率 = its complement), grouped by the child regions
/// of the region looked at, by the child categories of the category looked at (drill-down), by business kind and by
/// month; 食用农产品 (fresh vegetables, fruit, meat, aquatic products, eggs) apart for seed 002's ≥ 98 % target. Works
/// on counts the database grouped (one pass over the groups, not the samples).
/// </summary>
public static class SamplingDashboard
{
    public static readonly IReadOnlyList<string> AgriculturalRoots = ["VEG", "FRUIT", "ANIMAL.MEAT.FRESH", "ANIMAL.AQUA", "ANIMAL.EGG"];

    public static Dashboard Compute(IEnumerable<SampleGroup> groups, IEnumerable<MonthGroup> months, IReadOnlyList<(string Code, string Prefix, string Name)> childRegions,
        string? category, Func<string, IReadOnlyList<string>> lineageTopDown, IReadOnlyDictionary<string, string> categoryNames, IReadOnlyDictionary<int, string> kindNames)
    {
        var regions = new Dictionary<string, int[]>();
        var categories = new Dictionary<string, int[]>();
        var kinds = new Dictionary<int, int[]>();
        var byMonth = new int[13, 2];
        int total = 0, failed = 0, agri = 0, agriFailed = 0;
        var lineageCache = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> Lineage(string code) => lineageCache.TryGetValue(code, out var l) ? l : lineageCache[code] = lineageTopDown(code);

        // The bucket a category falls in: its top-level category, or (drilling down) the child of the category looked at; null outside it.
        string? Bucket(string code)
        {
            var lineage = Lineage(code);
            if (category is null)
            {
                return lineage.Count > 0 ? lineage[0] : code;
            }

            var at = IndexOf(lineage, category);
            return at < 0 ? null : at + 1 < lineage.Count ? lineage[at + 1] : category;
        }

        foreach (var g in groups)
        {
            if (Bucket(g.CategoryCode) is not { } bucket)
            {
                continue;
            }

            var nc = g.NonConforming ? g.Count : 0;
            total += g.Count;
            failed += nc;
            Add(categories, bucket, g.Count, nc);
            if (Prefixed(childRegions, g.RegionCode) is { } region)
            {
                Add(regions, region, g.Count, nc);
            }

            Add(kinds, g.BusinessKind, g.Count, nc);
            if (AgriculturalRoots.Any(root => IndexOf(Lineage(g.CategoryCode), root) >= 0))
            {
                agri += g.Count;
                agriFailed += nc;
            }
        }

        foreach (var m in months)
        {
            if (m.Month is >= 1 and <= 12 && Bucket(m.CategoryCode) is not null)
            {
                byMonth[m.Month, 0] += m.Count;
                byMonth[m.Month, 1] += m.NonConforming ? m.Count : 0;
            }
        }

        return new Dashboard(
            new PassRate("all", "合计", total, failed),
            [.. childRegions.Select(r => regions.TryGetValue(r.Code, out var c) ? new PassRate(r.Code, r.Name, c[0], c[1]) : new PassRate(r.Code, r.Name, 0, 0))],
            [.. categories.OrderByDescending(c => c.Value[0]).Select(c => new PassRate(c.Key, categoryNames.GetValueOrDefault(c.Key, c.Key), c.Value[0], c.Value[1]))],
            [.. kinds.OrderByDescending(k => k.Value[0]).Select(k => new PassRate(k.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kindNames.GetValueOrDefault(k.Key, k.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)), k.Value[0], k.Value[1]))],
            [.. Enumerable.Range(1, 12).Select(m => new PassRate(m.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{m}月", byMonth[m, 0], byMonth[m, 1]))],
            new PassRate("agri", "食用农产品", agri, agriFailed));
    }

    private static int IndexOf(IReadOnlyList<string> lineage, string code)
    {
        for (var i = 0; i < lineage.Count; i++)
        {
            if (lineage[i] == code)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Prefixed(IReadOnlyList<(string Code, string Prefix, string Name)> regions, string code)
    {
        foreach (var r in regions)
        {
            if (code.StartsWith(r.Prefix, StringComparison.Ordinal))
            {
                return r.Code;
            }
        }

        return null;
    }

    private static void Add<TKey>(Dictionary<TKey, int[]> map, TKey key, int count, int nc) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var c))
        {
            map[key] = c = new int[2];
        }

        c[0] += count;
        c[1] += nc;
    }
}
