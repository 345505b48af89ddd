using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Indicators.Contracts;

namespace Shian.Complaints;

/// <summary>
/// Complaints' measures: received in the period (a duplicate merged into another is not counted twice), answered
/// (a reply, or the 不予受理 notice), and answered by the local reply clock (seed 001: 5 working days).
/// </summary>
internal sealed class ComplaintMeasures(ShianDb db) : IMeasureSource
{
    private const string Stats = "/complaints/stats?region={region}&from={from}&to={to}";

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new("complaints.received", "收到的投诉举报", Records: Stats),
        new("complaints.replied", "已答复的投诉举报", Records: Stats),
        new("complaints.replied-on-time", "在本地时限内答复的投诉举报", Records: Stats),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(string measureKey, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var received = db.Complaints.AsNoTracking().Where(c => c.RegionCode.StartsWith(regionPrefix) && c.ReceivedOn >= from && c.ReceivedOn <= to && c.MergedIntoId == null);
        var replied = received.Where(c => c.RepliedOn != null || c.Status == ComplaintStatus.Refused);
        return measureKey switch
        {
            "complaints.received" => await MeasureCounts.ByRegionAsync(received, c => c.RegionCode, ct),
            "complaints.replied" => await MeasureCounts.ByRegionAsync(replied, c => c.RegionCode, ct),
            "complaints.replied-on-time" => await MeasureCounts.ByRegionAsync(
                replied.Where(c => c.Status == ComplaintStatus.Refused ? c.RefusedOn <= c.AcceptBy : c.LocalReplyBy == null || c.RepliedOn <= c.LocalReplyBy), c => c.RegionCode, ct),
            _ => throw MeasureCounts.Unknown(measureKey),
        };
    }
}
