using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Traceability.Contracts;
using Shian.Traceability.Domain;

namespace Shian.Traceability;

/// <summary>A recall by its number, under the region filter: an incident links it without reading this module's tables.</summary>
internal sealed class RecallLookup(ShianDb db) : IRecallLookup
{
    public async Task<RecallSummary?> FindByNumberAsync(string number, CancellationToken ct)
    {
        var n = number.Trim().ToUpperInvariant();
        var r = await db.Recalls.AsNoTracking().Where(x => x.Number == n)
            .Select(x => new { x.Id, x.Number, x.ProductName, x.Lot, x.BusinessName, x.Level, x.Status }).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        var level = r.Level switch { RecallLevel.First => "一级", RecallLevel.Second => "二级", RecallLevel.Third => "三级", _ => "" };
        var state = r.Status switch
        {
            RecallStatus.Proposed => "待确定级别",
            RecallStatus.Pending => "待发布召回公告",
            RecallStatus.Underway => "召回中",
            RecallStatus.Completed => "已完成，待核查",
            RecallStatus.Closed => "已结束",
            _ => "不予召回",
        };
        return new RecallSummary(r.Id, r.Number, r.ProductName, r.Lot, r.BusinessName, level.Length > 0 ? $"{level}召回 · {state}" : state);
    }
}
