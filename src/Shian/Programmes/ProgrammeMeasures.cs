using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;

namespace Shian.Programmes;

/// <summary>Programmes' measures: the volunteer team as of a day (and those of it trained), and publicity activities held in a period.</summary>
internal sealed class ProgrammeMeasures(ShianDb db) : IMeasureSource
{
    /// <summary>Enabled officer and inspector accounts, each counted once in its first granted region (as their hours are).</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> RegulatorsAsync(string regionPrefix, CancellationToken ct)
    {
        var users = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ProgrammeRecords.RegulatorRoles.Contains(r.Name!)
                           select new { u.Id, u.LockoutEnd }).Distinct().ToListAsync(ct);
        // Disabled accounts (locked without end) are not in post; compared here, SQLite cannot compare offsets.
        var inPost = users.Where(u => u.LockoutEnd is null || u.LockoutEnd < Kernel.Users.ShianUser.DisabledUntil).Select(u => u.Id).ToList();
        var grants = await db.RegionGrants.AsNoTracking().Where(g => inPost.Contains(g.UserId)).ToListAsync(ct);
        return MeasureCounts.Tally(grants.GroupBy(g => g.UserId).Select(g => g.Select(x => x.RegionCode).Order(StringComparer.Ordinal).First())
            .Where(c => c.StartsWith(regionPrefix, StringComparison.Ordinal)));
    }

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("programmes.volunteers", "在册志愿者", Snapshot: true, Records: "/programmes?region={region}"),
        new("programmes.volunteers-trained", "已培训的在册志愿者", Snapshot: true, Records: "/programmes?region={region}"),
        new("programmes.publicity-events", "科普宣传活动", Records: "/programmes?region={region}#activities"),
        new("programmes.regulator-training-hours", "监管人员参训学时合计", Records: "/programmes?region={region}#training"),
        new("programmes.regulators", "监管人员（监管人员、检查员账号）", Snapshot: true, Records: "/programmes?region={region}#training"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A snapshot is the team on the period's last day: registered by then and not yet left.
        var team = db.Volunteers.AsNoTracking().Where(v => v.RegionCode.StartsWith(regionPrefix) && v.RegisteredOn <= to && (v.LeftOn == null || v.LeftOn > to));
        return measureKey switch
        {
            "programmes.volunteers" => await MeasureCounts.ByRegionAsync(team, v => v.RegionCode, ct),
            "programmes.volunteers-trained" => await MeasureCounts.ByRegionAsync(team.Where(v => v.TrainedOn != null && v.TrainedOn <= to), v => v.RegionCode, ct),
            "programmes.publicity-events" => await MeasureCounts.ByRegionAsync(
                db.PublicityActivities.AsNoTracking().Where(a => a.RegionCode.StartsWith(regionPrefix) && a.HeldOn >= from && a.HeldOn <= to), a => a.RegionCode, ct),
            "programmes.regulator-training-hours" => MeasureCounts.Sum(
                await db.TrainingAttendances.AsNoTracking().Where(a => a.RegionCode.StartsWith(regionPrefix) && a.HeldOn >= from && a.HeldOn <= to)
                    .Select(a => new { a.RegionCode, a.Hours }).ToListAsync(ct), a => a.RegionCode, a => a.Hours),
            "programmes.regulators" => await RegulatorsAsync(regionPrefix, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
