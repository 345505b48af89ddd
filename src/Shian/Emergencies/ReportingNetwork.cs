using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Emergencies;

/// <summary>
/// The direct-reporting network (信息直报网络): a point for every street/town and for key sites (schools, hospital sentinels,
/// large canteens, markets, construction sites), each with named reporters — and its coverage: the streets of a region with
/// an active reporter (seed 000: every 乡镇/街道 by 2018).
/// </summary>
public sealed class ReportingNetwork(ShianDb db, People people, IBusinessDirectory directory, TimeProvider clock)
{
    public sealed record PointRow(ReportingPoint Point, IReadOnlyList<PointReporter> Reporters, string? BusinessName);

    public sealed record StreetCoverage(string Code, string Name, string CountyCode, int Points, int Reporters);

    public sealed record Coverage(IReadOnlyList<StreetCoverage> Streets, int Covered)
    {
        public double? Rate => Streets.Count == 0 ? null : (double)Covered / Streets.Count;
    }

    public async Task<IReadOnlyList<PointRow>> PointsAsync(string? within, CancellationToken ct)
    {
        var q = db.ReportingPoints.AsNoTracking();
        if (within is not null && RegionCode.IsValid(within))
        {
            var prefix = RegionCode.Prefix(within);
            q = q.Where(p => p.RegionCode.StartsWith(prefix));
        }

        var points = await q.OrderBy(p => p.RegionCode).ThenBy(p => p.Kind).ThenBy(p => p.Name).Take(2000).ToListAsync(ct);
        var ids = points.Select(p => p.Id).ToList();
        var reporters = (await db.PointReporters.AsNoTracking().Where(r => ids.Contains(r.PointId) && r.RemovedAtUtc == null).ToListAsync(ct)).ToLookup(r => r.PointId);
        var businessIds = points.Where(p => p.BusinessId is not null).Select(p => p.BusinessId!.Value).Distinct().ToList();
        var names = businessIds.Count == 0 ? new Dictionary<Guid, string>() : (await directory.IdentitiesAsync(businessIds, ct)).ToDictionary(b => b.Id, b => b.Name);
        return [.. points.Select(p => new PointRow(p, [.. reporters[p.Id]], p.BusinessId is { } b ? names.GetValueOrDefault(b) : null))];
    }

    /// <summary>Streets/towns of the caller's regions (under <paramref name="within"/>) and their active reporters at street points.</summary>
    public async Task<Coverage> CoverageAsync(string? within, CancellationToken ct)
    {
        var scope = db.Request.Scope;
        var prefix = within is not null && RegionCode.IsValid(within) ? RegionCode.Prefix(within) : "";
        var towns = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town && r.Code.StartsWith(prefix)).OrderBy(r => r.Code).ToListAsync(ct))
            .Where(r => scope.Allows(r.Code)).ToList();
        var points = await db.ReportingPoints.AsNoTracking().Where(p => p.Active && p.Kind == ReportingPointKind.Street && p.RegionCode.StartsWith(prefix))
            .Select(p => new { p.Id, p.RegionCode }).ToListAsync(ct);
        var pointIds = points.Select(p => p.Id).ToList();
        var reporters = await db.PointReporters.AsNoTracking().Where(r => r.RemovedAtUtc == null && pointIds.Contains(r.PointId)).Select(r => r.PointId).ToListAsync(ct);
        var perPoint = reporters.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var streets = towns.Select(t =>
        {
            var mine = points.Where(p => p.RegionCode == t.Code).ToList();
            return new StreetCoverage(t.Code, t.Name, RegionCode.CountyOf(t.Code) ?? t.Code, mine.Count, mine.Sum(p => perPoint.GetValueOrDefault(p.Id)));
        }).ToList();
        return new Coverage(streets, streets.Count(s => s.Reporters > 0));
    }

    public async Task<Guid> AddPointAsync(ReportingPointKind kind, string? regionCode, string? name, Guid? businessId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var n = name?.Trim();
        if (!Enum.IsDefined(kind))
        {
            errors["kind"] = ["请选择直报点类型"];
        }

        BusinessIdentity? business = null;
        if (businessId is { } b)
        {
            business = (await directory.IdentitiesAsync([b], ct)).FirstOrDefault();
            if (business is null)
            {
                errors["businessId"] = ["所选单位不存在或不在您的辖区"];
            }
        }
        else if (kind != ReportingPointKind.Street && kind != ReportingPointKind.HospitalSentinel)
        {
            errors["businessId"] = ["学校、食堂、市场、工地直报点请关联登记的经营主体"];
        }

        var region = regionCode?.Trim();
        if (region is null && business is not null)
        {
            region = business.RegionCode;
        }

        if (region is null || !RegionCode.IsValid(region) || await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct) is not { } r2)
        {
            errors["regionCode"] = ["请选择直报点所在的街道（乡镇）"];
        }
        else if (r2.Level != RegionLevel.Town)
        {
            errors["regionCode"] = ["直报点应设在街道（乡镇）"];
        }
        else if (!db.Request.Scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden("该街道不在您的辖区");
        }

        n ??= business?.Name;
        if (string.IsNullOrEmpty(n) || n.Length > 100)
        {
            errors["name"] = ["请填写直报点名称（不超过 100 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.point-invalid", "直报点信息有误，请按提示修改", errors);
        }

        if (await db.ReportingPoints.AnyAsync(p => p.RegionCode == region && p.Name == n && p.Active, ct))
        {
            throw ShianProblemException.Conflict("emergencies.point-exists", "该街道已有同名直报点");
        }

        var point = new ReportingPoint { RegionCode = region!, Kind = kind, Name = n!, BusinessId = business?.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.ReportingPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return point.Id;
    }

    /// <summary>
    /// A named reporter: an enabled staff account whose jurisdiction covers the point's street, or an account of the point's
    /// own business (a school reporting for itself).
    /// </summary>
    public async Task AddReporterAsync(Guid pointId, string? userName, string? phone, CancellationToken ct)
    {
        var point = await db.ReportingPoints.FirstOrDefaultAsync(p => p.Id == pointId, ct)
                    ?? throw ShianProblemException.NotFound("emergencies.point-not-found", "直报点不存在或不在您的辖区");
        var name = userName?.Trim();
        var p = phone?.Trim();
        if (p is { Length: > 24 } || (p is { Length: > 0 } && !p.All(c => char.IsAsciiDigit(c) || c == '-')))
        {
            throw ShianProblemException.Invalid("emergencies.reporter-phone", "联系电话应为数字", new Dictionary<string, string[]> { ["phone"] = ["联系电话应为数字（可含连字符）"] });
        }

        var covering = await people.CoveringAsync(point.RegionCode, [ShianRoles.Officer, ShianRoles.Coordinator, ShianRoles.Inspector], ct);
        var person = covering.FirstOrDefault(x => x.UserName == name);
        string? display = person?.DisplayName;
        if (person is null && name is { Length: > 0 } && point.BusinessId is { } bid
            && (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault()?.Uscc is { } uscc
            && await db.Users.AsNoTracking().Where(u => u.UserName == name && u.BusinessUscc == uscc).Select(u => new { u.DisplayName, u.LockoutEnd }).FirstOrDefaultAsync(ct) is { } account
            && !(account.LockoutEnd >= ShianUser.DisabledUntil))
        {
            display = account.DisplayName.Length > 0 ? account.DisplayName : name;
        }

        if (display is null)
        {
            throw ShianProblemException.Invalid("emergencies.reporter", "信息员应为辖区覆盖该街道的工作人员账号，或该直报点单位的账号",
                new Dictionary<string, string[]> { ["userName"] = ["请选择信息员账号"] });
        }

        if (await db.PointReporters.AnyAsync(r => r.PointId == pointId && r.UserName == name && r.RemovedAtUtc == null, ct))
        {
            throw ShianProblemException.Conflict("emergencies.reporter-exists", "该账号已是本直报点的信息员");
        }

        db.PointReporters.Add(new PointReporter
        {
            PointId = pointId, RegionCode = point.RegionCode, UserName = name!, DisplayName = display.Length > 40 ? display[..40] : display,
            Phone = string.IsNullOrEmpty(p) ? null : p, AddedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveReporterAsync(Guid pointId, Guid reporterId, CancellationToken ct)
    {
        var r = await db.PointReporters.FirstOrDefaultAsync(x => x.Id == reporterId && x.PointId == pointId && x.RemovedAtUtc == null, ct)
                ?? throw ShianProblemException.NotFound("emergencies.reporter-not-found", "信息员不存在");
        r.RemovedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
