using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.UnitTests.Kernel.Units;

/// <summary>The shipped catalogue, built from the embedded reference data as the seeder would store it.</summary>
internal static class ShippedCatalog
{
    public static readonly UnitCatalog Instance = Build();

    public static UnitCatalog Build(IEnumerable<UnitAlias>? extraAliases = null)
    {
        var tree = new RegionTree(RegionReference.LoadRegions());
        var c = UnitReference.Load(tree);
        return new UnitCatalog(tree, c.Units, c.Aliases.Concat(extraAliases ?? []), c.Groups, c.Members);
    }
}
