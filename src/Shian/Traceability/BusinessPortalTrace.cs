using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;

namespace Shian.Traceability;

/// <summary>
/// 我的企业: the business's trace capture (EPCIS documents sent in the last 30 days, events stored, documents refused, the
/// last one) and its recalls still open, with the clocks the recall rules set on the business (start and publish the notice
/// within 24/48/72 hours; complete within 10/20/30 working days). Only the records carrying its USCC.
/// </summary>
internal sealed class BusinessPortalTrace(ShianDb db, TimeProvider clock) : IBusinessPortalSection
{
    public sealed record Model(int Documents, int Events, int Refused, DateTime? LastCaptureUtc, IReadOnlyList<Recall> OpenRecalls);

    public int Order => 50;

    public async Task<BusinessPortalPart?> LoadAsync(BusinessPortalContext context, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var captures = await db.TraceCaptures.AsNoTracking().Where(c => c.BusinessUscc == context.Uscc && c.ReceivedAtUtc >= since)
            .Select(c => new { c.Status, c.Stored, c.ReceivedAtUtc }).ToListAsync(ct);
        var last = await db.TraceCaptures.AsNoTracking().Where(c => c.BusinessUscc == context.Uscc && c.Status == CaptureStatus.Succeeded)
            .OrderByDescending(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefaultAsync(ct);
        var recalls = await db.Recalls.AsNoTracking().Where(r => r.BusinessUscc == context.Uscc && (r.Status == RecallStatus.Pending || r.Status == RecallStatus.Underway))
            .OrderBy(r => r.CompleteDue).ToListAsync(ct);
        if (captures.Count == 0 && last is null && recalls.Count == 0)
        {
            return null;
        }

        var actions = new List<PortalAction>();
        foreach (var r in recalls)
        {
            if (r.Status == RecallStatus.Pending)
            {
                actions.Add(new PortalAction($"启动召回并发布召回公告：{r.ProductName}", "立即停止生产经营，通知相关经营者和消费者，按召回等级的时限启动召回并报告召回计划（《食品召回管理办法》）。",
                    r.StartDueAtUtc is DateTime due ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(due, ChinaTime.Zone)) : null, $"/trace/recalls/{r.Id}"));
            }
            else
            {
                actions.Add(new PortalAction($"完成召回并提交总结报告：{r.ProductName}", "报告召回进度（已召回、已处置数量），完成后提交召回总结报告。", r.CompleteDue, $"/trace/recalls/{r.Id}"));
            }
        }

        return new BusinessPortalPart("/Traceability/Pages/Shared/_PortalTrace.cshtml",
            new Model(captures.Count, captures.Where(c => c.Status == CaptureStatus.Succeeded).Sum(c => c.Stored), captures.Count(c => c.Status == CaptureStatus.Failed), last, recalls), actions);
    }
}
