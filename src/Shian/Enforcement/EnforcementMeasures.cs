using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Indicators.Contracts;

namespace Shian.Enforcement;

/// <summary>Enforcement's measures: case clues found in the period and those decided (立案 or 不予立案); 协助调查函 received and answered; 警力支援 requested and met within the hours.</summary>
internal sealed class EnforcementMeasures(ShianDb db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("enforcement.clues", "收到的案件线索", Records: "/enforcement"),
        new("enforcement.clues-decided", "已决定立案或不予立案的线索", Records: "/enforcement"),
        new("enforcement.assistance-received", "收到的协助调查函", Records: "/enforcement/assistance?direction=Incoming"),
        new("enforcement.assistance-answered", "已回复的协助调查函", Records: "/enforcement/assistance?direction=Incoming&status=Answered"),
        new("enforcement.police-requests", "警力支援请求", Records: "/enforcement/assistance?direction=Outgoing"),
        new("enforcement.police-on-time", "24 小时内到场的警力支援", Records: "/enforcement/assistance?direction=Outgoing"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var clues = db.CaseClues.AsNoTracking().Where(c => c.RegionCode.StartsWith(regionPrefix) && c.FoundOn >= from && c.FoundOn <= to);
        return measureKey switch
        {
            "enforcement.clues" => await MeasureCounts.ByRegionAsync(clues, c => c.RegionCode, ct),
            "enforcement.clues-decided" => await MeasureCounts.ByRegionAsync(clues.Where(c => c.Status == ClueStatus.Opened || c.Status == ClueStatus.NotOpened || c.Status == ClueStatus.Summary), c => c.RegionCode, ct),
            "enforcement.assistance-received" => await MeasureCounts.ByRegionAsync(Assistance(AssistanceKind.Investigation, regionPrefix, from, to), a => a.RegionCode, ct),
            "enforcement.assistance-answered" => await MeasureCounts.ByRegionAsync(Assistance(AssistanceKind.Investigation, regionPrefix, from, to).Where(a => a.Status == AssistanceStatus.Answered), a => a.RegionCode, ct),
            "enforcement.police-requests" => await MeasureCounts.ByRegionAsync(Assistance(AssistanceKind.PoliceSupport, regionPrefix, from, to), a => a.RegionCode, ct),
            "enforcement.police-on-time" => await MeasureCounts.ByRegionAsync(
                Assistance(AssistanceKind.PoliceSupport, regionPrefix, from, to).Where(a => a.Status == AssistanceStatus.Answered && a.AnsweredAtUtc <= a.DueAtUtc), a => a.RegionCode, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }

    /// <summary>Requests of a kind made in the period (withdrawn ones do not count), per acting region.</summary>
    private IQueryable<CaseAssistance> Assistance(AssistanceKind kind, string regionPrefix, DateOnly from, DateOnly to) =>
        db.CaseAssistance.AsNoTracking().Where(a => a.Kind == kind && a.Status != AssistanceStatus.Withdrawn && a.RegionCode.StartsWith(regionPrefix)
            && a.RequestedOn >= from && a.RequestedOn <= to);
}
