using System.Globalization;
using Shian.Kernel.Reference;

namespace Shian.Kernel.Regions;

/// <summary>The shipped region tree (NBS 2023 codes for the four seed cities, plus Shian functional zones) and populations.</summary>
public static class RegionReference
{
    public const string NbsSource = "NBS 2023 统计用区划代码 (modood/Administrative-divisions-of-China 57a0aa9c)";
    public const string ZoneSource = "Shian 功能区编码 (docs/adr/0002-region-codes-and-zones.md)";

    public sealed record ZoneAliases(string Code, IReadOnlyList<string> Aliases);

    public static IReadOnlyList<Region> LoadRegions()
    {
        var result = new List<Region>();
        foreach (var row in ReferenceFiles.ReadRows(ReferenceFiles.Regions))
        {
            var code = row["code"];
            var level = row["level"] switch
            {
                "province" => RegionLevel.Province,
                "city" => RegionLevel.City,
                "county" => RegionLevel.County,
                "town" => RegionLevel.Town,
                "village" => RegionLevel.Village,
                var other => throw new InvalidDataException($"{ReferenceFiles.Regions}: {code} has unknown level {other}"),
            };
            if (RegionCode.LevelOf(code) != level || RegionCode.IsShianZone(code))
            {
                throw new InvalidDataException($"{ReferenceFiles.Regions}: {code} is not a {level} code");
            }

            result.Add(new Region
            {
                Code = code,
                Name = row["name"],
                Level = level,
                ParentCode = string.IsNullOrEmpty(row["parent_code"]) ? null : row["parent_code"],
                IsOfficial = true,
                Source = NbsSource,
            });
        }

        foreach (var row in ReferenceFiles.ReadRows(ReferenceFiles.Zones))
        {
            var code = row["code"];
            if (!RegionCode.IsShianZone(code))
            {
                throw new InvalidDataException($"{ReferenceFiles.Zones}: {code} is not a Shian zone code (PPCC00 9NN 000)");
            }

            result.Add(new Region
            {
                Code = code,
                Name = row["name"],
                Level = RegionLevel.Zone,
                ParentCode = row["parent_code"],
                IsOfficial = false,
                Source = ZoneSource,
            });
        }

        return result;
    }

    /// <summary>Other names of functional zones as documents write them (高新开发区 …).</summary>
    public static IReadOnlyList<ZoneAliases> LoadZoneAliases() =>
        [.. ReferenceFiles.ReadRows(ReferenceFiles.Zones).Select(r => new ZoneAliases(r["code"], Split(r["aliases"])))];

    public static IReadOnlyList<PopulationFigure> LoadPopulations() =>
        [.. ReferenceFiles.ReadRows(ReferenceFiles.Populations).Select(r => new PopulationFigure
        {
            RegionCode = RegionCode.Pad(r["code"]),
            Population = long.Parse(r["population"], CultureInfo.InvariantCulture),
            Year = int.Parse(r["year"], CultureInfo.InvariantCulture),
            Source = r["source"],
            Status = r["status"],
        })];

    internal static IReadOnlyList<string> Split(string value) =>
        [.. value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
