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

    private (string Prefix, DateOnly On, List<(string Region, BusinessKind Kind, bool Large, int Count)> Groups, List<(Guid Id, string Region, BusinessKind Kind, bool Large, DutyKind Duty)> Meeting)? _loaded;

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

        // Every duty measure of a region reads the same rows: the operating businesses counted by street, kind and size in
        // the database (not loaded one by one), and the confirmed duty records with their business's kind; once per request.
        if (_loaded is not { } l || l.Prefix != regionPrefix || l.On != to)
        {
            var groups = (await operating.GroupBy(b => new { b.RegionCode, b.Kind, Large = b.FloorArea >= LargeCatererArea })
                    .Select(g => new { g.Key.RegionCode, g.Key.Kind, g.Key.Large, N = g.Count() }).ToListAsync(ct))
                .Select(g => (g.RegionCode, g.Kind, g.Large, g.N)).ToList();
            var duties = await db.Duties.AsNoTracking().Where(d => d.RegionCode.StartsWith(regionPrefix) && d.ConfirmedBy != null && d.DeclinedReason == null).ToListAsync(ct);
            var counted = duties.Where(d => DutyRules.Counts(d, to)).ToList();
            var ids = counted.Select(d => d.BusinessId).Distinct().ToList();
            var facts = new Dictionary<Guid, (string Region, BusinessKind Kind, bool Large)>();
            foreach (var chunk in ids.Chunk(1000))
            {
                foreach (var b in await operating.Where(b => chunk.Contains(b.Id)).Select(b => new { b.Id, b.RegionCode, b.Kind, b.FloorArea }).ToListAsync(ct))
                {
                    facts[b.Id] = (b.RegionCode, b.Kind, b.FloorArea >= LargeCatererArea);
                }
            }

            var meeting = counted.Where(d => facts.ContainsKey(d.BusinessId)).Select(d => (d.BusinessId, facts[d.BusinessId].Region, facts[d.BusinessId].Kind, facts[d.BusinessId].Large, d.Kind))
                .Distinct().ToList();
            _loaded = l = (regionPrefix, to, groups, meeting);
        }

        bool Applies(BusinessKind k, bool large) => subset switch
        {
            "schools" => k is BusinessKind.SchoolCanteen or BusinessKind.KindergartenCanteen,
            "large" => DutyRules.AppliesTo(kind, k) && large && k is not (BusinessKind.SchoolCanteen or BusinessKind.KindergartenCanteen),
            null => DutyRules.AppliesTo(kind, k),
            _ => throw MeasureCounts.Unknown(measureKey),
        };

        if (applicableOnly)
        {
            return MeasureCounts.Sum(l.Groups.Where(g => Applies(g.Kind, g.Large)), g => g.Region, g => g.Count);
        }

        return MeasureCounts.Tally(l.Meeting.Where(m => m.Duty == kind && Applies(m.Kind, m.Large)).DistinctBy(m => m.Id).Select(m => m.Region));
    }
}
