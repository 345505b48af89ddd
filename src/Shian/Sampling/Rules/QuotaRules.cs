namespace Shian.Sampling.Rules;

/// <summary>
/// Sampling quotas per 1 000 people (seed 002: 4.5 份/千人, of which ≥ 2 for pesticide/veterinary residues; risk monitoring
/// 1 件/千人): the required count is ⌈rate × population / 1000⌉ (shared/domain/sampling-and-limits.md §1), and a region's
/// count is shared among its districts by population with the largest-remainder (Hamilton) method, so the shares are
/// whole samples that add up to the total exactly and follow population as closely as whole numbers can.
/// </summary>
public static class QuotaRules
{
    public static int Required(decimal perThousand, long population)
    {
        if (perThousand < 0 || population < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perThousand), "份/千人与人口不能为负数");
        }

        return (int)Math.Ceiling(perThousand * population / 1000m);
    }

    /// <summary>Shares <paramref name="total"/> by population; ties in the remainder go to the larger population, then the lower code.</summary>
    public static IReadOnlyDictionary<string, int> Allocate(int total, IReadOnlyList<(string Region, long Population)> parts)
    {
        if (parts.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var sum = parts.Sum(p => p.Population);
        if (sum <= 0)
        {
            throw new ArgumentException("分配需要各区划的人口数", nameof(parts));
        }

        var exact = parts.Select(p => (p.Region, p.Population, Quota: (decimal)total * p.Population / sum)).ToList();
        var result = exact.ToDictionary(e => e.Region, e => (int)Math.Floor(e.Quota), StringComparer.Ordinal);
        var left = total - result.Values.Sum();
        foreach (var e in exact.OrderByDescending(e => e.Quota - Math.Floor(e.Quota)).ThenByDescending(e => e.Population).ThenBy(e => e.Region, StringComparer.Ordinal).Take(left))
        {
            result[e.Region]++;
        }

        return result;
    }
}
