namespace Shian.Kernel.Regions;

/// <summary>An in-memory view of the region tree for pure rules (resolver, roll-ups). Built from stored rows.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<string, Region> _byCode;
    private readonly Dictionary<string, List<Region>> _children;

    public RegionTree(IEnumerable<Region> regions)
    {
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _children = [];
        foreach (var r in _byCode.Values.Where(r => r.ParentCode is not null))
        {
            if (!_children.TryGetValue(r.ParentCode!, out var list))
            {
                _children[r.ParentCode!] = list = [];
            }

            list.Add(r);
        }

        foreach (var list in _children.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        }
    }

    public IEnumerable<Region> All => _byCode.Values;

    public Region? Find(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<Region> ChildrenOf(string code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The nearest enclosing region of the given level, or the region itself when it has that level.</summary>
    public Region? AncestorOrSelf(string code, RegionLevel level)
    {
        for (var r = Find(code); r is not null; r = r.ParentCode is null ? null : Find(r.ParentCode))
        {
            if (r.Level == level)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>County-level regions (counties, not zones) directly under a city.</summary>
    public IEnumerable<Region> CountiesOf(string cityCode) => ChildrenOf(cityCode).Where(r => r.Level == RegionLevel.County);

    public IEnumerable<Region> ZonesOf(string cityCode) => ChildrenOf(cityCode).Where(r => r.Level == RegionLevel.Zone);

    /// <summary>
    /// The name without its administrative suffix, as documents shorten it ("瑞安市" → "瑞安", "溪湖区" → "溪湖",
    /// "本溪满族自治县" → "本溪"). Null when nothing would be left.
    /// </summary>
    public static string? ShortName(string name)
    {
        string[] suffixes = ["满族自治县", "自治县", "街道", "市", "区", "县", "镇", "乡"];
        foreach (var s in suffixes)
        {
            if (name.EndsWith(s, StringComparison.Ordinal) && name.Length - s.Length >= 2)
            {
                return name[..^s.Length];
            }
        }

        return null;
    }
}
