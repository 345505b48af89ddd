using Shian.Kernel.Reference;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Units;

/// <summary>
/// Builds the shipped unit catalogue: governments, 食安委 and 食安办 generated from the region tree, plus the
/// departments and groups the seed documents name (data/reference/units.csv, unit-groups.csv).
/// </summary>
public static class UnitReference
{
    public sealed record Catalogue(IReadOnlyList<Unit> Units, IReadOnlyList<UnitAlias> Aliases, IReadOnlyList<UnitGroup> Groups, IReadOnlyList<UnitGroupMember> Members);

    public static string GovernmentKey(string regionCode) => "gov:" + regionCode;

    public static string CommitteeKey(string regionCode) => "fsc:" + regionCode;

    public static string OfficeKey(string regionCode) => "fso:" + regionCode;

    private static readonly string[] GovernmentAliases = ["人民政府", "政府"];
    private static readonly string[] ZoneCommitteeAliases = ["管理委员会", "管委会"];
    private static readonly string[] StreetOfficeAliases = ["办事处", "街道办事处", "街道办"];
    private static readonly string[] CommitteeAliases = ["食品安全委员会", "食安委", "政府食安委", "食品药品安全委员会", "食药安委", "政府食药安委"];
    private static readonly string[] OfficeAliases = ["食品安全委员会办公室", "食安办", "政府食安办", "食品药品安全委员会办公室", "食药安办", "政府食药安办"];

    /// <summary>
    /// The name governments of a region use: a city district (市辖区) carries its city's name (本溪市溪湖区人民政府),
    /// counties and county-level cities do not (永嘉县人民政府, 瑞安市人民政府).
    /// </summary>
    public static string OfficialName(RegionTree regions, Region region) =>
        region.Level == RegionLevel.County && region.Name.EndsWith('区') && region.ParentCode is { } parent && regions.Find(parent) is { } city
            ? city.Name + region.Name
            : region.Name;

    public static Catalogue Load(RegionTree regions)
    {
        var units = new List<Unit>();
        var aliases = new List<UnitAlias>();

        void AddAliases(string key, IEnumerable<string> names, bool former, string? note, UnitAliasOrigin origin)
        {
            foreach (var a in names)
            {
                aliases.Add(new UnitAlias { UnitKey = key, Alias = a, IsFormerName = former, Note = former ? note : null, Origin = origin });
            }
        }

        var zoneAliases = RegionReference.LoadZoneAliases().ToDictionary(z => z.Code, z => z.Aliases, StringComparer.Ordinal);
        foreach (var region in regions.All.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            switch (region.Level)
            {
                case RegionLevel.City or RegionLevel.County:
                    var official = OfficialName(regions, region);
                    units.Add(new Unit { Key = GovernmentKey(region.Code), RegionCode = region.Code, Name = official + "人民政府", ShortName = "人民政府", Kind = UnitKind.Government });
                    AddAliases(GovernmentKey(region.Code), GovernmentAliases.Skip(1), false, null, UnitAliasOrigin.Generated);
                    units.Add(new Unit { Key = CommitteeKey(region.Code), RegionCode = region.Code, Name = official + "食品安全委员会", ShortName = "食品安全委员会", Kind = UnitKind.FoodSafetyCommittee });
                    AddAliases(CommitteeKey(region.Code), CommitteeAliases.Skip(1), false, null, UnitAliasOrigin.Generated);
                    units.Add(new Unit { Key = OfficeKey(region.Code), RegionCode = region.Code, Name = official + "食品安全委员会办公室", ShortName = "食品安全委员会办公室", Kind = UnitKind.FoodSafetyOffice });
                    AddAliases(OfficeKey(region.Code), OfficeAliases.Skip(1), false, null, UnitAliasOrigin.Generated);
                    break;
                case RegionLevel.Zone:
                    units.Add(new Unit { Key = GovernmentKey(region.Code), RegionCode = region.Code, Name = region.Name + "管理委员会", ShortName = "管理委员会", Kind = UnitKind.ZoneCommittee });
                    AddAliases(GovernmentKey(region.Code), ZoneCommitteeAliases.Skip(1), false, null, UnitAliasOrigin.Generated);

                    // Documents name a zone by a short form (高新开发区), meaning its 管委会.
                    AddAliases(GovernmentKey(region.Code), zoneAliases.GetValueOrDefault(region.Code, []), false, null, UnitAliasOrigin.Generated);
                    break;
                case RegionLevel.Town:
                    var isStreet = region.Name.EndsWith("街道", StringComparison.Ordinal);
                    units.Add(new Unit
                    {
                        Key = GovernmentKey(region.Code),
                        RegionCode = region.Code,
                        Name = region.Name + (isStreet ? "办事处" : "人民政府"),
                        ShortName = isStreet ? "办事处" : "人民政府",
                        Kind = UnitKind.Government,
                    });
                    AddAliases(GovernmentKey(region.Code), isStreet ? StreetOfficeAliases.Skip(1) : GovernmentAliases.Skip(1), false, null, UnitAliasOrigin.Generated);
                    break;
            }
        }

        foreach (var row in ReferenceFiles.ReadRows(ReferenceFiles.Units))
        {
            var kind = Enum.Parse<UnitKind>(row["kind"]);
            var member = bool.Parse(row["committee_member"]);
            var note = string.IsNullOrEmpty(row["note"]) ? null : row["note"];
            var key = row["key"];
            var targets = new List<(string Key, string RegionCode, string Name)>();
            if (key.StartsWith("each:", StringComparison.Ordinal))
            {
                // "each:{city}:{slug}": one unit per county-level region of the city, named from a template.
                var parts = key.Split(':');
                foreach (var county in regions.CountiesOf(parts[1]))
                {
                    targets.Add((county.Code[..6] + ":" + parts[2], county.Code, row["name"].Replace("{county}", county.Name, StringComparison.Ordinal)));
                }
            }
            else
            {
                if (regions.Find(row["region_code"]) is null)
                {
                    throw new InvalidDataException($"{ReferenceFiles.Units}: {key} names unknown region {row["region_code"]}");
                }

                targets.Add((key, row["region_code"], row["name"]));
            }

            foreach (var (unitKey, regionCode, name) in targets)
            {
                units.Add(new Unit { Key = unitKey, RegionCode = regionCode, Name = name, ShortName = row["short_name"], Kind = kind, IsCommitteeMember = member, Note = note });
                AddAliases(unitKey, RegionReference.Split(row["aliases"]), false, null, UnitAliasOrigin.Catalogue);
                AddAliases(unitKey, RegionReference.Split(row["former_names"]), true, note, UnitAliasOrigin.Catalogue);
            }
        }

        var unitKeys = units.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var groups = new List<UnitGroup>();
        var members = new List<UnitGroupMember>();
        foreach (var row in ReferenceFiles.ReadRows(ReferenceFiles.UnitGroups))
        {
            groups.Add(new UnitGroup { Key = row["key"], RegionCode = row["region_code"], Phrase = row["phrase"], Source = row["source"] });
            foreach (var m in RegionReference.Split(row["members"]))
            {
                if (!unitKeys.Contains(m))
                {
                    throw new InvalidDataException($"{ReferenceFiles.UnitGroups}: {row["key"]} names unknown unit {m}");
                }

                members.Add(new UnitGroupMember { GroupKey = row["key"], UnitKey = m });
            }
        }

        return new Catalogue(units, aliases, groups, members);
    }
}
