using Shian.Kernel.Regions;

namespace Shian.Kernel.Units;

/// <summary>
/// A read-only snapshot of the unit catalogue with the indexes the resolver needs. Built from stored rows
/// (or from the shipped reference data in tests); pure, no database.
/// </summary>
public sealed class UnitCatalog
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<(string Region, string Name), List<(Unit Unit, UnitAlias? Alias)>> _byRegionName = [];
    private readonly Dictionary<string, List<Unit>> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Region, string Phrase), UnitGroup> _groups = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UnitAlias>> _aliasesByUnit = new(StringComparer.Ordinal);

    public UnitCatalog(RegionTree regions, IEnumerable<Unit> units, IEnumerable<UnitAlias> aliases, IEnumerable<UnitGroup> groups, IEnumerable<UnitGroupMember> members)
    {
        Regions = regions;
        _units = units.ToDictionary(u => u.Key, StringComparer.Ordinal);
        foreach (var u in _units.Values)
        {
            Index(u.RegionCode, u.ShortName, u, null);
            Index(u.RegionCode, u.Name, u, null);
            if (!_byFullName.TryGetValue(u.Name, out var list))
            {
                _byFullName[u.Name] = list = [];
            }

            list.Add(u);
        }

        foreach (var a in aliases)
        {
            if (_units.TryGetValue(a.UnitKey, out var u))
            {
                Index(u.RegionCode, a.Alias, u, a);
                if (!_aliasesByUnit.TryGetValue(u.Key, out var list))
                {
                    _aliasesByUnit[u.Key] = list = [];
                }

                list.Add(a);
            }
        }

        foreach (var g in groups)
        {
            _groups[(g.RegionCode, g.Phrase)] = g;
        }

        foreach (var m in members)
        {
            if (!_members.TryGetValue(m.GroupKey, out var list))
            {
                _members[m.GroupKey] = list = [];
            }

            list.Add(m.UnitKey);
        }
    }

    public RegionTree Regions { get; }

    public IEnumerable<Unit> Units => _units.Values;

    public Unit? Find(string key) => _units.GetValueOrDefault(key);

    public IReadOnlyList<UnitAlias> AliasesOf(string unitKey) => _aliasesByUnit.TryGetValue(unitKey, out var list) ? list : [];

    /// <summary>Units of a region whose name, relative name or alias is <paramref name="name"/>.</summary>
    public IReadOnlyList<(Unit Unit, UnitAlias? Alias)> Lookup(string regionCode, string name) =>
        _byRegionName.TryGetValue((regionCode, name), out var list) ? list : [];

    public IReadOnlyList<Unit> LookupFullName(string name) => _byFullName.TryGetValue(name, out var list) ? list : [];

    public UnitGroup? FindGroup(string regionCode, string phrase) => _groups.GetValueOrDefault((regionCode, phrase));

    public IReadOnlyList<string> MembersOf(string groupKey) => _members.TryGetValue(groupKey, out var list) ? list : [];

    public IEnumerable<Unit> UnitsIn(string regionCode) => _units.Values.Where(u => u.RegionCode == regionCode);

    private void Index(string region, string name, Unit unit, UnitAlias? alias)
    {
        if (!_byRegionName.TryGetValue((region, name), out var list))
        {
            _byRegionName[(region, name)] = list = [];
        }

        if (!list.Any(x => x.Unit.Key == unit.Key))
        {
            list.Add((unit, alias));
        }
    }
}
