using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Rules;
using Shian.Kernel.Users;

namespace Shian.Inspections;

/// <summary>
/// The 执法检查人员名录 of a region for draws, plans and inspection records: enabled officers and inspectors holding a
/// 执法证号, granted the region or a region within it (or its county or street); for draws and plans with their declared conflicts.
/// </summary>
internal static class InspectorPool
{
    /// <summary>One person of the roster: user id, user name, display name and 执法证号.</summary>
    public sealed record Person(string Id, string Name, string DisplayName, string Certificate);

    public sealed record Member(string Id, string Name, Inspector Inspector);

    /// <summary>The roster alone, ordered by user id (an inspection record checks its inspectors against it).</summary>
    public static async Task<List<Person>> RosterAsync(ShianDb db, string regionCode, CancellationToken ct)
    {
        var prefix = Kernel.Regions.RegionCode.Prefix(regionCode);
        var enclosing = Kernel.Regions.RegionCode.Ancestors(regionCode)
            .Where(a => Kernel.Regions.RegionCode.LevelOf(a) is not (Kernel.Regions.RegionLevel.Province or Kernel.Regions.RegionLevel.City)).ToList();
        var roleIds = await db.Roles.Where(r => r.Name == ShianRoles.Officer || r.Name == ShianRoles.Inspector).Select(r => r.Id).ToListAsync(ct);
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join g in db.RegionGrants on u.Id equals g.UserId
                           where roleIds.Contains(ur.RoleId) && (g.RegionCode.StartsWith(prefix) || enclosing.Contains(g.RegionCode))
                                 && u.EnforcementCertificate != null
                           select new { u.Id, u.UserName, u.LockoutEnd, u.DisplayName, u.EnforcementCertificate }).Distinct().ToListAsync(ct);
        users.RemoveAll(u => u.LockoutEnd >= ShianUser.DisabledUntil); // disabled accounts (compared here: SQLite cannot compare offsets)
        return [.. users.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => new Person(u.Id, u.UserName ?? u.Id, u.DisplayName, u.EnforcementCertificate!))];
    }

    /// <summary>The roster with each person's declared conflicts, for draws and visit plans.</summary>
    public static async Task<List<Member>> LoadAsync(ShianDb db, string regionCode, CancellationToken ct)
    {
        var roster = await RosterAsync(db, regionCode, ct);
        var ids = roster.Select(p => p.Id).ToList();
        var conflicts = (await db.InspectorConflicts.AsNoTracking().Where(c => ids.Contains(c.InspectorId)).Select(c => new { c.InspectorId, c.BusinessId }).ToListAsync(ct))
            .GroupBy(c => c.InspectorId).ToDictionary(g => g.Key, g => g.Select(c => c.BusinessId).ToHashSet());
        return [.. roster.Select(p => new Member(p.Id, p.Name, new Inspector(Draws.UserGuid(p.Id), conflicts.GetValueOrDefault(p.Id) ?? [])))];
    }

    /// <summary>
    /// Per business: the last inspection on record (every record is a full-checklist inspection) and the inspectors of its
    /// latest planned visit (to avoid sending the same ones again, 第二十三条). <paramref name="withInspectors"/> false reads
    /// the dates only (a draw's preview counts the coverage-overdue and assigns no one).
    /// </summary>
    public static async Task<Dictionary<Guid, (DateOnly? Last, List<Guid> Inspectors)>> HistoryAsync(ShianDb db, IReadOnlyList<Guid> ids, CancellationToken ct, bool withInspectors = true)
    {
        var history = new Dictionary<Guid, (DateOnly? Last, List<Guid> Inspectors)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var last = await db.InspectionRecords.AsNoTracking().Where(r => chunk.Contains(r.BusinessId)).GroupBy(r => r.BusinessId)
                .Select(g => new { g.Key, Last = g.Max(r => r.InspectedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
            var visits = withInspectors
                ? await db.PlannedVisits.AsNoTracking().Where(v => chunk.Contains(v.BusinessId)).Select(v => new { v.BusinessId, v.InspectorIds, v.Id }).ToListAsync(ct)
                : [];
            var latest = visits.GroupBy(v => v.BusinessId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Id)!.InspectorIds);
            foreach (var id in chunk)
            {
                var hasLast = last.TryGetValue(id, out var d);
                if (hasLast || latest.ContainsKey(id))
                {
                    history[id] = (hasLast ? d : null, latest.TryGetValue(id, out var who) ? [.. who.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Draws.UserGuid)] : []);
                }
            }
        }

        return history;
    }
}
