namespace Shian.Kernel.Regions;

/// <summary>
/// Population of a region for per-1000-people figures (份/千人). Uses the region's own figure when there is
/// one; otherwise sums its county-level children only if every one has a figure. Never guesses: when a
/// figure is missing, the result names the regions that lack one so that an administrator can enter them.
/// </summary>
public static class PopulationRollup
{
    public sealed record Result(long? Population, int? Year, IReadOnlyList<PopulationFigure> Used, IReadOnlyList<string> MissingRegionCodes)
    {
        public bool IsComplete => Population is not null;
    }

    public static Result For(string regionCode, RegionTree tree, IEnumerable<PopulationFigure> figures, int? year = null)
    {
        var latest = figures
            .Where(f => year is null || f.Year == year)
            .GroupBy(f => f.RegionCode)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Year).First(), StringComparer.Ordinal);
        return Resolve(regionCode, tree, latest);
    }

    private static Result Resolve(string code, RegionTree tree, Dictionary<string, PopulationFigure> latest)
    {
        if (latest.TryGetValue(code, out var own))
        {
            return new Result(own.Population, own.Year, [own], []);
        }

        // Only provinces and cities are summed from their parts; a county without a figure is itself what is missing.
        // Zones lie inside counties (浙南产业集聚区 is part of 龙湾区), so summing zones would count people twice.
        var level = tree.Find(code)?.Level;
        var children = level is RegionLevel.Province or RegionLevel.City
            ? tree.ChildrenOf(code).Where(r => r.Level != RegionLevel.Zone).ToList()
            : [];
        if (children.Count == 0)
        {
            return new Result(null, null, [], [code]);
        }

        var parts = children.Select(c => Resolve(c.Code, tree, latest)).ToList();
        // Name the child that lacks a figure, not every town beneath it: that is where an administrator enters one.
        var missing = children.Where((_, i) => !parts[i].IsComplete).Select(c => c.Code).ToList();
        if (missing.Count > 0)
        {
            return new Result(null, null, [], missing);
        }

        var used = parts.SelectMany(p => p.Used).ToList();
        return new Result(parts.Sum(p => p.Population!.Value), used.Max(u => u.Year), used, []);
    }
}
