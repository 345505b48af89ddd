using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>
/// The checklists in force (表格化检查): the built-in first versions and the versions administrators add (a bureau
/// replaces the summary items with its province's table). A business is inspected with its family's latest version in
/// force on the day; a record keeps the code of the version it was filled with.
/// </summary>
public sealed class ChecklistBook(ShianDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChecklistVersion>> VersionsAsync(CancellationToken ct) =>
        await db.ChecklistVersions.AsNoTracking().OrderBy(v => v.Family).ThenByDescending(v => v.Version).ToListAsync(ct);

    /// <summary>The checklist for a kind of business on a day: its family's latest version in force (the built-in one before any).</summary>
    public async Task<Checklist> ForAsync(BusinessKind kind, DateOnly on, CancellationToken ct)
    {
        var family = Checklists.FamilyOf(kind);
        var version = await db.ChecklistVersions.AsNoTracking().Where(v => v.Family == family && v.EffectiveFrom <= on)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return version?.ToChecklist() ?? Checklists.For(kind);
    }

    /// <summary>A version by its code (a record's, or the one a form was shown with); null when unknown.</summary>
    public async Task<Checklist?> ByCodeAsync(string code, CancellationToken ct) =>
        (await db.ChecklistVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Code == code, ct))?.ToChecklist() ?? Checklists.ByCode(code);

    /// <summary>Adds the next version of a family, checked whole first (names the line of each bad item).</summary>
    public async Task<ChecklistVersion> AddAsync(string? family, string? name, string? items, DateOnly? effectiveFrom, string? basis, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (family is null || !Checklists.Families.ContainsKey(family))
        {
            errors["family"] = [$"检查表类别应为 {string.Join("、", Checklists.Families.Values)} 之一"];
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors["name"] = ["请填写检查表名称（不超过 100 字）"];
        }

        var (parsed, problems) = ChecklistText.Parse(items);
        if (problems.Count > 0)
        {
            errors["items"] = [.. problems];
        }

        var today = Kernel.Calendar.ChinaTime.Today(clock);
        if (effectiveFrom is not DateOnly from || from < today)
        {
            errors["effectiveFrom"] = ["生效日期不能早于今天（已完成的检查按原检查表保存）"];
        }

        if (basis?.Trim().Length > 500)
        {
            errors["basis"] = ["依据不超过 500 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("inspections.checklist-invalid", "检查表有误，未保存", errors);
        }

        var last = await db.ChecklistVersions.Where(v => v.Family == family).MaxAsync(v => (int?)v.Version, ct) ?? 1;
        var version = new ChecklistVersion
        {
            Family = family!, Version = last + 1, Code = $"{family}-v{last + 1}", Name = name!.Trim(), ItemsJson = JsonSerializer.Serialize(parsed, JsonSerializerOptions.Web),
            EffectiveFrom = effectiveFrom!.Value, Basis = string.IsNullOrWhiteSpace(basis) ? null : basis.Trim(), CreatedBy = db.Request.UserName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ChecklistVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }
}

/// <summary>The built-in first versions exist from the start (reference data), so the page lists every family.</summary>
internal sealed class ChecklistSeeder(ShianDb db, TimeProvider clock) : Kernel.Reference.IReferenceDataSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var have = await db.ChecklistVersions.Select(v => v.Code).ToListAsync(ct);
        foreach (var c in Checklists.All.Where(c => !have.Contains(c.Code)))
        {
            db.ChecklistVersions.Add(new ChecklistVersion
            {
                Family = c.Code.Split('-')[0], Version = 1, Code = c.Code, Name = c.Name, ItemsJson = JsonSerializer.Serialize(c.Items, JsonSerializerOptions.Web),
                EffectiveFrom = new DateOnly(2022, 3, 15), Basis = "内置版本：按市场监管总局日常监督检查要点表的结构概括，非官方原文（《食品生产经营监督检查管理办法》2022年3月15日起施行）", CreatedBy = "system",
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
