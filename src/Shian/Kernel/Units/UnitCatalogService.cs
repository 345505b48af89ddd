using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Units;

/// <summary>Loads the stored catalogue into a <see cref="UnitCatalog"/> and keeps a person's mappings as aliases.</summary>
public sealed class UnitCatalogService(ShianDb db)
{
    public async Task<UnitCatalog> LoadAsync(CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var scope = db.Request.Scope;
        var aliases = (await db.UnitAliases.AsNoTracking().ToListAsync(ct))
            .Where(a => a.ScopeRegionCode is null || scope.Unrestricted || scope.Prefixes.Any(p => p.StartsWith(RegionCode.Prefix(a.ScopeRegionCode), StringComparison.Ordinal)))
            .ToList();
        var groups = await db.UnitGroups.AsNoTracking().ToListAsync(ct);
        var members = await db.UnitGroupMembers.AsNoTracking().ToListAsync(ct);
        return new UnitCatalog(new RegionTree(regions), units, aliases, groups, members);
    }

    /// <summary>
    /// A person resolved <paramref name="text"/> (unresolved in a document of <paramref name="contextRegion"/>) to
    /// <paramref name="unitKey"/>: keep it as an alias so the same name resolves by itself next time.
    /// </summary>
    public async Task<UnitAlias> MapAsync(string text, string contextRegion, string unitKey, CancellationToken ct)
    {
        var catalog = await LoadAsync(ct);
        var unit = catalog.Find(unitKey) ?? throw new KeyNotFoundException($"单位 {unitKey} 不存在");
        var alias = UnitNameResolver.RelativeAlias(catalog, text, unit);
        var existing = await db.UnitAliases.FirstOrDefaultAsync(a => a.UnitKey == unitKey && a.Alias == alias, ct);
        if (existing is not null)
        {
            return existing;
        }

        var row = new UnitAlias { UnitKey = unitKey, Alias = alias, Origin = UnitAliasOrigin.Mapped, Note = $"人工指定（{contextRegion} 文件中的“{text}”）" };
        db.UnitAliases.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
