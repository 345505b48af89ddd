using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Indicators.Contracts;

namespace Shian.Emergencies;

/// <summary>Emergencies' measures: incidents received in the period (those found not to be incidents left out), those closed, the major ones, and the drills and training held.</summary>
internal sealed class EmergencyMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("emergencies.incidents", "报告的食品安全事故", Records: "/emergencies"),
        new("emergencies.closed", "已处置结束的事故", Records: "/emergencies?status=Closed"),
        new("emergencies.major", "Ⅰ级、Ⅱ级（特别重大、重大）事故", Records: "/emergencies"),
        new("emergencies.trainings", "应急培训", Records: "/emergencies/preparedness"),
        new("emergencies.drills", "应急演练", Records: "/emergencies/preparedness"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Kernel.Calendar.ChinaTime.StartUtc(from), Kernel.Calendar.ChinaTime.StartUtc(to.AddDays(1)));
        var incidents = db.Incidents.AsNoTracking().Where(i => i.RegionCode.StartsWith(regionPrefix) && i.ReceivedAtUtc >= start && i.ReceivedAtUtc < end && i.Status != IncidentStatus.Dismissed);
        return measureKey switch
        {
            "emergencies.incidents" => await MeasureCounts.ByRegionAsync(incidents, i => i.RegionCode, ct),
            "emergencies.closed" => await MeasureCounts.ByRegionAsync(incidents.Where(i => i.Status == IncidentStatus.Closed), i => i.RegionCode, ct),
            "emergencies.major" => await MeasureCounts.ByRegionAsync(incidents.Where(i => i.Grade == IncidentGrade.Especially || i.Grade == IncidentGrade.Major), i => i.RegionCode, ct),
            "emergencies.trainings" => await ActivitiesAsync(PreparednessKind.Training),
            "emergencies.drills" => await ActivitiesAsync(PreparednessKind.Drill),
            _ => throw MeasureCounts.Unknown(measureKey),
        };

        Task<IReadOnlyDictionary<string, decimal>> ActivitiesAsync(PreparednessKind kind) => MeasureCounts.ByRegionAsync(
            db.PreparednessActivities.AsNoTracking().Where(a => a.RegionCode.StartsWith(regionPrefix) && a.Kind == kind && a.HeldOn >= from && a.HeldOn <= to), a => a.RegionCode, ct);
    }
}
