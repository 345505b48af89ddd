using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;

namespace Shian.Kernel.Regions;

/// <summary>
/// Population figures kept by administrators: which cities and counties lack one (so that per-1000-people quotas can be
/// computed), a city's figures, and entering or correcting one (audited: <see cref="PopulationFigure"/> is IAudited).
/// </summary>
public sealed class Populations(ShianDb db, TimeProvider clock)
{
    public const int MaxSource = 500;

    /// <summary>A city or county-level region with its latest figure (null when it has none).</summary>
    public sealed record Row(Region Region, PopulationFigure? Latest, bool Missing);

    /// <summary>The cities and counties whose figure is missing where a city's total needs it, across the loaded tree.</summary>
    public async Task<IReadOnlyList<Row>> MissingAsync(CancellationToken ct)
    {
        var (tree, figures) = await LoadAsync(null, ct);
        var missing = tree.All.Where(r => r.Level == RegionLevel.City)
            .SelectMany(c => PopulationRollup.For(c.Code, tree, figures).MissingRegionCodes).Distinct().ToList();
        return [.. missing.Select(code => tree.Find(code)).OfType<Region>().OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new Row(r, null, true))];
    }

    /// <summary>A city and its county-level regions, each with its latest figure; missing marks what blocks the city's total.</summary>
    public async Task<IReadOnlyList<Row>> CityAsync(string cityCode, CancellationToken ct)
    {
        var (tree, figures) = await LoadAsync(RegionCode.Prefix(cityCode), ct);
        var latest = figures.GroupBy(f => f.RegionCode).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Year).First());
        var missing = PopulationRollup.For(cityCode, tree, figures).MissingRegionCodes.ToHashSet();
        var rows = new List<Row>();
        if (tree.Find(cityCode) is { } city)
        {
            rows.Add(new Row(city, latest.GetValueOrDefault(city.Code), false));
            rows.AddRange(tree.ChildrenOf(cityCode).OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new Row(r, latest.GetValueOrDefault(r.Code), missing.Contains(r.Code))));
        }

        return rows;
    }

    public async Task<IReadOnlyList<Region>> CitiesAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).ToListAsync(ct);

    /// <summary>Enters or corrects the figure of a region for a year: validated first, one row written.</summary>
    public async Task<(PopulationFigure Figure, string RegionName)> SetAsync(string code, int year, long population, string? source, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var region = RegionCode.IsValid(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) : null;
        if (region is null)
        {
            throw ShianProblemException.NotFound("region.not-found", $"区划 {code} 不存在");
        }

        if (region.Level is RegionLevel.Village or RegionLevel.Town)
        {
            errors["regionCode"] = [$"{region.Name}：人口数据按市、县（区）级录入"];
        }

        var thisYear = Calendar.ChinaTime.Today(clock).Year;
        if (year < 1950 || year > thisYear)
        {
            errors["year"] = [$"年份应在 1950–{thisYear} 之间"];
        }

        if (population is < 1 or > 2_000_000_000)
        {
            errors["population"] = ["人口数应为正整数"];
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            errors["source"] = ["来源必填（公报名称或网址）"];
        }
        else if (source.Trim().Length > MaxSource)
        {
            errors["source"] = [$"来源不超过 {MaxSource} 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("population.invalid", $"{region.Name} 的人口数据有误，未保存", errors);
        }

        var figure = await db.PopulationFigures.FirstOrDefaultAsync(p => p.RegionCode == code && p.Year == year, ct);
        if (figure is null)
        {
            figure = new PopulationFigure { RegionCode = code, Year = year, Population = population, Source = source!.Trim(), Status = "A" };
            db.PopulationFigures.Add(figure);
        }
        else
        {
            figure.Population = population;
            figure.Source = source!.Trim();
            figure.Status = "A";
        }

        await db.SaveChangesAsync(ct);
        return (figure, region.Name);
    }

    private async Task<(RegionTree Tree, List<PopulationFigure> Figures)> LoadAsync(string? prefix, CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.Town && r.Level != RegionLevel.Village);
        var figures = db.PopulationFigures.AsNoTracking();
        if (prefix is not null)
        {
            regions = regions.Where(r => r.Code.StartsWith(prefix));
            figures = figures.Where(f => f.RegionCode.StartsWith(prefix));
        }

        return (new RegionTree(await regions.ToListAsync(ct)), await figures.ToListAsync(ct));
    }
}
