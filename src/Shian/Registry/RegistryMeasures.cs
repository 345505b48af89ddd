using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>
/// The register's measures for indicators: operating businesses, and per 主体责任 item the applicable businesses and
/// those meeting it (the same rule as the register's 主体责任 rates, <see cref="DutyRules"/>), as at the period's last
/// day. 明厨亮灶 also for school and kindergarten canteens (seeds 001, 003) and caterers of 1000 ㎡ or more (seed 001).
/// </summary>
internal sealed class RegistryMeasures(ShianDb db) : IMeasureSource
{
    /// <summary>Seed 001: 规模以上餐饮单位（建筑面积1000㎡以上）.</summary>
    public const decimal LargeCatererArea = 1000m;

    private static readonly IReadOnlyList<MeasureInfo> All =
    [
        new("registry.operating", "在营经营者", Snapshot: true, Records: "/registry?region={region}"),
        .. Enum.GetValues<DutyKind>().SelectMany(k => new MeasureInfo[]
        {
            new($"registry.duty.{k}", $"{DutyRules.Names[k]}：达标", Snapshot: true, Records: "/registry/duties?region={region}"),
            new($"registry.duty.{k}.applicable", $"{DutyRules.Names[k]}：适用经营者", Snapshot: true),
        }),
        new("registry.duty.OpenKitchen.schools", "学校、幼儿园食堂明厨亮灶：达标", Snapshot: true),
        new("registry.duty.OpenKitchen.schools.applicable", "在营学校、幼儿园食堂", Snapshot: true),
        new("registry.duty.OpenKitchen.large", "1000㎡以上餐饮单位明厨亮灶：达标", Snapshot: true),
        new("registry.duty.OpenKitchen.large.applicable", "在营 1000㎡以上餐饮单位", Snapshot: true),
    ];

    private (string Prefix, DateOnly On, List<(Guid Id, string Region, BusinessKind Kind, decimal? Area)> Businesses, List<Duty> Duties)? _loaded;

    public IReadOnlyList<MeasureInfo> Measures => All;

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var operating = db.Businesses.AsNoTracking().Where(b => b.Status == BusinessStatus.Operating && b.RegionCode.StartsWith(regionPrefix));
        if (measureKey == "registry.operating")
        {
            return await MeasureCounts.ByRegionAsync(operating, b => b.RegionCode, ct);
        }

        if (!measureKey.StartsWith("registry.duty.", StringComparison.Ordinal))
        {
            throw MeasureCounts.Unknown(measureKey);
        }

        var parts = measureKey["registry.duty.".Length..].Split('.');
        if (!Enum.TryParse<DutyKind>(parts[0], out var kind))
        {
            throw MeasureCounts.Unknown(measureKey);
        }

        var applicableOnly = parts[^1] == "applicable";
        var subset = parts.Length > 1 && parts[1] != "applicable" ? parts[1] : null;

        // Every duty measure of a region reads the same rows: load them once per request.
        if (_loaded is not { } l || l.Prefix != regionPrefix || l.On != to)
        {
            var businesses = (await operating.Select(b => new { b.Id, b.RegionCode, b.Kind, b.FloorArea }).ToListAsync(ct))
                .Select(b => (b.Id, b.RegionCode, b.Kind, b.FloorArea)).ToList();
            var duties = await db.Duties.AsNoTracking().Where(d => d.RegionCode.StartsWith(regionPrefix) && d.ConfirmedBy != null && d.DeclinedReason == null).ToListAsync(ct);
            _loaded = l = (regionPrefix, to, businesses, duties);
        }

        bool Applies((Guid Id, string Region, BusinessKind Kind, decimal? Area) b) => subset switch
        {
            "schools" => b.Kind is BusinessKind.SchoolCanteen or BusinessKind.KindergartenCanteen,
            "large" => DutyRules.AppliesTo(kind, b.Kind) && b.Area >= LargeCatererArea && b.Kind is not (BusinessKind.SchoolCanteen or BusinessKind.KindergartenCanteen),
            null => DutyRules.AppliesTo(kind, b.Kind),
            _ => throw MeasureCounts.Unknown(measureKey),
        };

        var applicable = l.Businesses.Where(Applies).ToList();
        if (applicableOnly)
        {
            return MeasureCounts.Tally(applicable.Select(b => b.Region));
        }

        var meeting = l.Duties.Where(d => d.Kind == kind && DutyRules.Counts(d, to)).Select(d => d.BusinessId).ToHashSet();
        return MeasureCounts.Tally(applicable.Where(b => meeting.Contains(b.Id)).Select(b => b.Region));
    }
}
