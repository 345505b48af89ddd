using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Indicators.Contracts;

namespace Shian.Programmes;

/// <summary>Programmes' measures: the volunteer team as of a day (and those of it trained), and publicity activities held in a period.</summary>
internal sealed class ProgrammeMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("programmes.volunteers", "在册志愿者", Snapshot: true, Records: "/programmes?region={region}"),
        new("programmes.volunteers-trained", "已培训的在册志愿者", Snapshot: true, Records: "/programmes?region={region}"),
        new("programmes.publicity-events", "科普宣传活动", Records: "/programmes?region={region}#activities"),
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
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
