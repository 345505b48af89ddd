using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Inspections.Domain;

namespace Shian.Inspections;

/// <summary>Inspections' measures: businesses inspected in the period (any visit, or a visit drawn at random, 双随机).</summary>
internal sealed class InspectionMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("inspections.businesses", "年内检查过的经营者", Records: "/inspections/coverage?region={region}"),
        new("inspections.random-businesses", "年内经随机抽取并检查的经营者", Records: "/inspections/draws"),
        new("inspections.records", "检查记录"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var records = db.InspectionRecords.AsNoTracking().Where(r => r.RegionCode.StartsWith(regionPrefix) && r.InspectedOn >= from && r.InspectedOn <= to);
        switch (measureKey)
        {
            case "inspections.records":
                return await MeasureCounts.ByRegionAsync(records, r => r.RegionCode, ct);
            case "inspections.businesses":
                return MeasureCounts.Tally((await records.Select(r => new { r.RegionCode, r.BusinessId }).Distinct().ToListAsync(ct)).Select(r => r.RegionCode));
            case "inspections.random-businesses":
                var random = from r in records
                             join v in db.PlannedVisits.AsNoTracking() on r.VisitId equals v.Id
                             where v.Purpose == VisitPurpose.RandomDraw
                             select new { r.RegionCode, r.BusinessId };
                return MeasureCounts.Tally((await random.Distinct().ToListAsync(ct)).Select(r => r.RegionCode));
            default:
                throw MeasureCounts.Unknown(measureKey);
        }
    }
}
