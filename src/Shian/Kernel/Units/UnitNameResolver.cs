using Shian.Kernel.Regions;

namespace Shian.Kernel.Units;

/// <summary>
/// Turns a unit name written in a work plan into catalogue units: exact name, alias (including names from
/// before the 2018 机构改革), group expansion, or unresolved. Names are read relative to the document's
/// issuing region (<c>context</c>): "市" means its city, "区/县" its county, a bare name its own region and
/// then the enclosing ones. Pure: values in, result out.
/// </summary>
public static class UnitNameResolver
{
    // Relative phrases for "all members of this level's 食安委" (市食安委成员单位, 市政府食药安委各委员单位 …).
    private static readonly string[] MemberPhrases =
    [
        "食安委成员单位", "食安委各成员单位", "政府食安委成员单位", "政府食安委各成员单位",
        "食药安委委员单位", "食药安委各委员单位", "政府食药安委委员单位", "政府食药安委各委员单位",
        "食安委各委员单位", "食品安全委员会成员单位", "食品安全委员会各成员单位",
    ];

    // "有关成员单位": only some members are meant, so a person must choose; the members are offered as candidates.
    private static readonly string[] SomeMemberPhrases =
    [
        "食安委有关成员单位", "政府食安委有关成员单位", "食药安委有关委员单位", "政府食药安委有关委员单位",
        "食安委相关成员单位", "政府食安委相关成员单位",
    ];

    private static readonly string[] GovernmentSuffixes = ["人民政府", "政府", "管理委员会", "管委会"];

    public static IReadOnlyList<UnitResolution> ResolveCell(UnitCatalog catalog, string cell, string context)
    {
        var results = new List<UnitResolution>();
        foreach (var part in UnitNameSplitter.Split(cell))
        {
            results.Add(part.CityAndCountyLevels ? ResolveAtCityAndCounties(catalog, part.Text, context) : Resolve(catalog, part.Text, context));
        }

        return results;
    }

    public static UnitResolution Resolve(UnitCatalog catalog, string text, string context)
    {
        var name = UnitNameSplitter.Normalize(text);
        if (name.Length == 0)
        {
            return UnitResolution.Unresolved(text, "空的单位名称");
        }

        var regions = catalog.Regions;
        var city = regions.AncestorOrSelf(context, RegionLevel.City);
        var county = regions.AncestorOrSelf(context, RegionLevel.County) ?? regions.AncestorOrSelf(context, RegionLevel.Zone);

        if (PhraseGroup(catalog, text, name, context, city, county) is { } phrase)
        {
            return phrase;
        }

        foreach (var (regionCode, relative) in Scopes(regions, name, context, city, county))
        {
            if (catalog.FindGroup(regionCode, relative) is { } group)
            {
                var keys = catalog.MembersOf(group.Key);
                return new UnitResolution(text, ResolutionKind.Group, keys, $"组“{name}”：{keys.Count} 个单位（{group.Source}）", []);
            }

            var hits = catalog.Lookup(regionCode, relative);
            if (hits.Count == 1)
            {
                var (unit, alias) = hits[0];
                return alias is null
                    ? new UnitResolution(text, ResolutionKind.Exact, [unit.Key], $"名称：{unit.Name}", [])
                    : new UnitResolution(text, ResolutionKind.Alias, [unit.Key], alias.IsFormerName
                        ? $"曾用名“{alias.Alias}” → {unit.Name}" + (alias.Note is null ? "" : $"（{alias.Note}）")
                        : $"别名“{alias.Alias}” → {unit.Name}", []);
            }

            if (hits.Count > 1)
            {
                return UnitResolution.Unresolved(text, $"“{name}”对应多个单位，请人工指定", [.. hits.Select(h => h.Unit.Key)]);
            }
        }

        var full = catalog.LookupFullName(name);
        if (full.Count == 1)
        {
            return new UnitResolution(text, ResolutionKind.Exact, [full[0].Key], $"名称：{full[0].Name}", []);
        }

        if (city is not null && RegionGovernment(catalog, name, city) is { } government)
        {
            return new UnitResolution(text, ResolutionKind.Alias, [government.Key], $"区划“{name}” → {government.Name}", []);
        }

        return UnitResolution.Unresolved(text, $"单位目录中没有“{name}”，请人工指定（指定后保存为别名）", Candidates(catalog, name, city));
    }

    /// <summary>"市、县两级X": X of the city and of each of its counties.</summary>
    public static UnitResolution ResolveAtCityAndCounties(UnitCatalog catalog, string text, string context)
    {
        var city = catalog.Regions.AncestorOrSelf(context, RegionLevel.City);
        if (city is null)
        {
            return UnitResolution.Unresolved(text, "“市、县两级”需要在市级文件中使用");
        }

        var keys = new List<string>();
        var missing = new List<string>();
        foreach (var region in new[] { city }.Concat(catalog.Regions.CountiesOf(city.Code)))
        {
            var r = Resolve(catalog, text, region.Code);
            if (r.Kind == ResolutionKind.Unresolved || r.UnitKeys.Count != 1 || catalog.Find(r.UnitKeys[0])?.RegionCode != region.Code)
            {
                missing.Add(region.Name);
            }
            else
            {
                keys.Add(r.UnitKeys[0]);
            }
        }

        return missing.Count == 0
            ? new UnitResolution("市、县两级" + text, ResolutionKind.Group, keys, $"市、县两级“{text}”：{keys.Count} 个单位", [])
            : UnitResolution.Unresolved("市、县两级" + text, $"市、县两级“{text}”：{string.Join("、", missing)} 未找到对应单位", keys);
    }

    /// <summary>
    /// The alias to store when a person maps <paramref name="text"/> to <paramref name="unit"/>: relative to the
    /// unit's region when the text starts with that region's prefix (市/区/县 or the region's name).
    /// </summary>
    public static string RelativeAlias(UnitCatalog catalog, string text, Unit unit)
    {
        var name = UnitNameSplitter.Normalize(text);
        var region = catalog.Regions.Find(unit.RegionCode);
        if (region is null)
        {
            return name;
        }

        foreach (var prefix in new[] { region.Name, RegionTree.ShortName(region.Name) })
        {
            if (prefix is not null && name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        var levelPrefix = region.Level switch { RegionLevel.City => "市", RegionLevel.County => region.Name[^1..], _ => null };
        return levelPrefix is not null && name.Length > 1 && name.StartsWith(levelPrefix, StringComparison.Ordinal) ? name[1..] : name;
    }

    private static UnitResolution? PhraseGroup(UnitCatalog catalog, string text, string name, string context, Region? city, Region? county)
    {
        var regions = catalog.Regions;
        var bare = name.StartsWith('各') ? name[1..] : name;

        // 各县（区）政府 / 县（区）政府 / 各县（市、区）政府 / 各区（市、县）政府 / 各区县政府: each county government of the city.
        if (city is not null && bare.EndsWith("政府", StringComparison.Ordinal) && (name.StartsWith('各') || bare.Contains('（')))
        {
            var head = bare[..^2].Replace("人民", "", StringComparison.Ordinal);
            if (head.Length > 0 && head.All(c => c is '县' or '区' or '市' or '（' or '）' or '、') && (head.Contains('县') || head.Contains('区')))
            {
                var keys = regions.CountiesOf(city.Code).Select(r => UnitReference.GovernmentKey(r.Code)).Where(k => catalog.Find(k) is not null).ToList();
                return new UnitResolution(text, ResolutionKind.Group, keys, $"“{name}”：{city.Name}所辖 {keys.Count} 个县级政府", []);
            }
        }

        if (city is not null && bare is "功能区" or "功能区管委会" or "功能区管理委员会" or "开发区管委会" or "开发区（园区）管委会")
        {
            var keys = regions.ZonesOf(city.Code).Select(r => UnitReference.GovernmentKey(r.Code)).Where(k => catalog.Find(k) is not null).ToList();
            return new UnitResolution(text, ResolutionKind.Group, keys, $"“{name}”：{city.Name} {keys.Count} 个功能区管委会（功能区由管理员维护）", []);
        }

        if (city is not null && bare is "级政府" or "级人民政府")
        {
            // 各级政府: the city, its counties and its 乡镇 governments (街道办事处 are agencies, not governments).
            var keys = new[] { city }.Concat(regions.CountiesOf(city.Code))
                .Concat(regions.CountiesOf(city.Code).SelectMany(c => regions.ChildrenOf(c.Code)).Where(t => t.Level == RegionLevel.Town && !t.Name.EndsWith("街道", StringComparison.Ordinal)))
                .Select(r => UnitReference.GovernmentKey(r.Code)).Where(k => catalog.Find(k) is not null).ToList();
            return new UnitResolution(text, ResolutionKind.Group, keys, $"“{name}”：{city.Name}及所辖县、乡镇政府 {keys.Count} 个", []);
        }

        if (bare is "街道办事处" or "街道" or "乡镇政府" or "乡镇人民政府" or "乡镇" or "乡（镇）政府" or "乡镇（街道）")
        {
            var streets = bare.StartsWith("街道", StringComparison.Ordinal);
            var both = bare == "乡镇（街道）";
            var keys = Towns(regions, context)
                .Where(t => both || t.Name.EndsWith("街道", StringComparison.Ordinal) == streets)
                .Select(t => UnitReference.GovernmentKey(t.Code)).Where(k => catalog.Find(k) is not null).ToList();
            return new UnitResolution(text, ResolutionKind.Group, keys, $"“{name}”：辖区内 {keys.Count} 个{(both ? "乡镇（街道）" : streets ? "街道办事处" : "乡镇政府")}", []);
        }

        foreach (var (regionCode, relative) in LevelScopes(regions, name, context, city, county))
        {
            if (MemberPhrases.Contains(relative) || SomeMemberPhrases.Contains(relative))
            {
                var members = catalog.UnitsIn(regionCode).Where(u => u.IsCommitteeMember).Select(u => u.Key).ToList();
                var regionName = regions.Find(regionCode)?.Name ?? regionCode;
                return SomeMemberPhrases.Contains(relative)
                    ? UnitResolution.Unresolved(text, $"“{name}”只指部分成员单位，请从{regionName}食安委 {members.Count} 个成员单位中指定", members)
                    : new UnitResolution(text, ResolutionKind.Group, members, $"“{name}”：{regionName}食安委成员单位 {members.Count} 个", []);
            }
        }

        return null;
    }

    private static IEnumerable<Region> Towns(RegionTree regions, string context)
    {
        var stack = new Stack<Region>(regions.ChildrenOf(context));
        while (stack.Count > 0)
        {
            var r = stack.Pop();
            if (r.Level == RegionLevel.Town)
            {
                yield return r;
            }
            else if (r.Level is RegionLevel.County or RegionLevel.City)
            {
                foreach (var c in regions.ChildrenOf(r.Code))
                {
                    stack.Push(c);
                }
            }
        }
    }

    /// <summary>Only the scopes introduced by an explicit level prefix (市…, 区…, 县…, or a region's name).</summary>
    private static IEnumerable<(string Region, string Relative)> LevelScopes(RegionTree regions, string name, string context, Region? city, Region? county)
    {
        for (var r = regions.Find(context); r is not null; r = r.ParentCode is null ? null : regions.Find(r.ParentCode))
        {
            foreach (var prefix in new[] { r.Name, RegionTree.ShortName(r.Name) })
            {
                if (prefix is not null && name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return (r.Code, name[prefix.Length..]);
                }
            }
        }

        if (city is not null && name.Length > 1 && name[0] == '市')
        {
            yield return (city.Code, name[1..]);
        }

        if (county is not null && name.Length > 1 && name[0] is '区' or '县')
        {
            yield return (county.Code, name[1..]);
        }
    }

    private static IEnumerable<(string Region, string Relative)> Scopes(RegionTree regions, string name, string context, Region? city, Region? county)
    {
        foreach (var s in LevelScopes(regions, name, context, city, county))
        {
            yield return s;
        }

        for (var r = regions.Find(context); r is not null; r = r.ParentCode is null ? null : regions.Find(r.ParentCode))
        {
            yield return (r.Code, name);
        }
    }

    /// <summary>A region named in a unit cell stands for its government: "瑞安" → 瑞安市人民政府, "高新开发区" → its 管委会.</summary>
    private static Unit? RegionGovernment(UnitCatalog catalog, string name, Region city)
    {
        var bases = new List<string> { name };
        foreach (var s in GovernmentSuffixes)
        {
            if (name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length)
            {
                bases.Add(name[..^s.Length]);
            }
        }

        foreach (var region in catalog.Regions.ChildrenOf(city.Code))
        {
            var gov = catalog.Find(UnitReference.GovernmentKey(region.Code));
            if (gov is null)
            {
                continue;
            }

            var names = new List<string> { region.Name };
            if (RegionTree.ShortName(region.Name) is { } shortName)
            {
                names.Add(shortName);
            }

            names.AddRange(catalog.AliasesOf(gov.Key).Select(a => a.Alias));
            if (bases.Any(names.Contains))
            {
                return gov;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> Candidates(UnitCatalog catalog, string name, Region? city)
    {
        if (city is null)
        {
            return [];
        }

        var core = name.TrimStart('市', '区', '县', '各');
        if (core.Length < 2)
        {
            return [];
        }

        var prefix = RegionCode.Prefix(city.Code);
        return [.. catalog.Units
            .Where(u => u.RegionCode.StartsWith(prefix, StringComparison.Ordinal) && u.Kind is not UnitKind.Government)
            .Where(u => u.Name.Contains(core[..2], StringComparison.Ordinal))
            .Select(u => u.Key)
            .Take(10)];
    }
}
