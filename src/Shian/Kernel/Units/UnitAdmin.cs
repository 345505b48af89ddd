using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Kernel.Units;

/// <summary>
/// The unit catalogue kept by administrators: find units, correct a unit's name or 食安委 membership, add an alias, and
/// review the names people mapped while importing plans — point a wrong one at the right unit or delete it. Aliases
/// shipped with the catalogue or generated from the region tree are re-created at start-up, so they are read-only here.
/// Every change is audited (<see cref="Unit"/> and <see cref="UnitAlias"/> are IAudited).
/// </summary>
public sealed class UnitAdmin(ShianDb db)
{
    public const int MaxAlias = 60;

    public sealed record Row(Unit Unit, IReadOnlyList<UnitAlias> Aliases);

    /// <summary>Units whose name, short name or an alias contains <paramref name="q"/>, within a city or county prefix; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<Row>> SearchAsync(string? q, string? regionCode, bool mappedOnly, int take, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking();
        if (regionCode is not null && RegionCode.IsValid(regionCode))
        {
            var prefix = RegionCode.Prefix(regionCode);
            units = units.Where(u => u.RegionCode.StartsWith(prefix));
        }

        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var byAlias = db.UnitAliases.Where(a => a.Alias.Contains(text)).Select(a => a.UnitKey);
            units = units.Where(u => u.Name.Contains(text) || u.ShortName.Contains(text) || byAlias.Contains(u.Key));
        }

        if (mappedOnly)
        {
            var mapped = db.UnitAliases.Where(a => a.Origin == UnitAliasOrigin.Mapped).Select(a => a.UnitKey);
            units = units.Where(u => mapped.Contains(u.Key));
        }

        var found = await units.OrderBy(u => u.RegionCode).ThenBy(u => u.Name).Take(take).ToListAsync(ct);
        var keys = found.Select(u => u.Key).ToList();
        var aliases = (await db.UnitAliases.AsNoTracking().Where(a => keys.Contains(a.UnitKey)).ToListAsync(ct)).ToLookup(a => a.UnitKey);
        return [.. found.Select(u => new Row(u, [.. aliases[u.Key].OrderBy(a => a.Origin).ThenBy(a => a.Alias, StringComparer.Ordinal)]))];
    }

    /// <summary>Corrects a unit's names, 食安委 membership and note.</summary>
    public async Task<Unit> UpdateAsync(string key, string? name, string? shortName, bool committeeMember, string? note, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Key == key, ct) ?? throw ShianProblemException.NotFound("unit.not-found", "单位不存在");
        var errors = new Dictionary<string, string[]>();
        Text(errors, "name", "单位全称", name, 200);
        Text(errors, "shortName", "简称", shortName, 200);
        if (note?.Trim().Length > 500)
        {
            errors["note"] = ["备注不超过 500 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("unit.invalid", $"{unit.Name}：单位信息有误，未保存", errors);
        }

        unit.Name = name!.Trim();
        unit.ShortName = shortName!.Trim();
        unit.IsCommitteeMember = committeeMember;
        unit.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <summary>Adds another name for a unit (platform-wide), refused when the name already means another unit.</summary>
    public async Task<UnitAlias> AddAliasAsync(string key, string? alias, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Key == key, ct) ?? throw ShianProblemException.NotFound("unit.not-found", "单位不存在");
        var text = await CheckAliasAsync(unit, alias, null, ct);
        var row = new UnitAlias { UnitKey = unit.Key, Alias = text, Origin = UnitAliasOrigin.Mapped, Note = "系统管理员添加" };
        db.UnitAliases.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Points a person's mapping at another unit (the alias is replaced in one transaction).</summary>
    public async Task<UnitAlias> RepointAliasAsync(long id, string targetKey, CancellationToken ct)
    {
        var alias = await MappedAsync(id, ct);
        var target = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Key == targetKey, ct)
            ?? throw ShianProblemException.Invalid("unit.not-found", "请选择要指向的单位", new Dictionary<string, string[]> { ["target"] = ["没有这个单位"] });
        if (target.Key == alias.UnitKey)
        {
            return alias;
        }

        var text = await CheckAliasAsync(target, alias.Alias, alias.Id, ct);
        db.UnitAliases.Remove(alias);
        var row = new UnitAlias { UnitKey = target.Key, Alias = text, Origin = UnitAliasOrigin.Mapped, Note = alias.Note, ScopeRegionCode = alias.ScopeRegionCode };
        db.UnitAliases.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Deletes a person's mapping; the name is unresolved again in the next import.</summary>
    public async Task<UnitAlias> DeleteAliasAsync(long id, CancellationToken ct)
    {
        var alias = await MappedAsync(id, ct);
        db.UnitAliases.Remove(alias);
        await db.SaveChangesAsync(ct);
        return alias;
    }

    public async Task<IReadOnlyList<Unit>> UnitsOfAsync(string regionCode, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.RegionCode == regionCode).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);

    private async Task<UnitAlias> MappedAsync(long id, CancellationToken ct)
    {
        var alias = await db.UnitAliases.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw ShianProblemException.NotFound("unit.alias-not-found", "别名不存在");
        if (alias.Origin != UnitAliasOrigin.Mapped)
        {
            throw ShianProblemException.Conflict("unit.alias-catalogue", $"“{alias.Alias}”是单位目录自带的名称，每次启动会重新载入，不能在此修改；请修改 data/reference/units.csv。");
        }

        return alias;
    }

    private async Task<string> CheckAliasAsync(Unit unit, string? alias, long? except, CancellationToken ct)
    {
        var text = alias?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxAlias)
        {
            throw ShianProblemException.Invalid("unit.alias-invalid", $"{unit.Name}：别名应为 1–{MaxAlias} 字", new Dictionary<string, string[]> { ["alias"] = [$"别名应为 1–{MaxAlias} 字"] });
        }

        // The same name for two units of one region would make a document's name ambiguous.
        var clash = await (from a in db.UnitAliases
                           join u in db.Units on a.UnitKey equals u.Key
                           where a.Alias == text && u.RegionCode == unit.RegionCode && (except == null || a.Id != except)
                           select u.Name).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw ShianProblemException.Conflict("unit.alias-taken", $"“{text}”已是{clash}的别名，同一区划内一个名称只能指一个单位。");
        }

        return text;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors[field] = [$"{label}应为 1–{max} 字"];
        }
    }
}
