using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;

namespace Shian.Credit;

/// <summary>
/// 行政处罚信息公示 (SAMR Order 45): an officer publishes the 信息摘要 (a natural person's name masked) within 20 working days
/// of the decision; the period then runs (3 months or 3 years) and ends by itself; an early stop (信用修复, 第十四条) is
/// recorded on the party's application after a year and decided by the head.
/// </summary>
public sealed class Publications(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, IPenaltyFacts penalties, IOptions<CreditOptions> options)
{
    private DateOnly Today => ChinaTime.Today(clock);

    private async Task<PenaltyPublication> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ShianProblemException.NotFound("credit.publication-not-found", "处罚信息公示不存在或不在您的辖区");

    private void Step(PenaltyPublication p, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        p.UpdatedAtUtc = now;
        db.AddHistory(p.Id, p.RegionCode, now, text);
    }

    /// <summary>The party's name as the public sees it: a natural person's masked.</summary>
    public static string PublicParty(PenaltyPublication p) => p.PartyIsPerson ? PublicationRules.Mask(p.Party) : p.Party;

    /// <summary>Publishes a pending decision (checked: not withdrawn, not published twice); the period starts today.</summary>
    public async Task PublishAsync(Guid id, CancellationToken ct)
    {
        var p = await LoadAsync(id, ct);
        if (p.Status != PublicationStatus.Pending)
        {
            throw ShianProblemException.Conflict("credit.not-pending", p.Status == PublicationStatus.Withdrawn ? "处罚决定已被撤销或变更，不能公示" : "这条处罚信息已经公示过");
        }

        var today = Today;
        p.Status = PublicationStatus.Published;
        p.PublishedOn = today;
        p.PublishedBy = db.Request.UserName;
        p.ShowUntil = PublicationRules.ShowUntil(today, p.PeriodMonths);
        var late = today > p.PublishBy ? $"（超过公示期限 {p.PublishBy:yyyy-MM-dd}）" : "";
        Step(p, $"公示处罚信息{late}，公示至 {p.ShowUntil:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records the party's application to stop publication early (《市场监督管理行政处罚信息公示规定》第十四条; 信用修复管理办法
    /// 第六条: food penalties after a year of publication): only for a 3-year publication without a heavy measure, when the penalty
    /// has been carried out, the harm removed, no penalty under the same article followed and the party is not on the list.
    /// </summary>
    public async Task ApplyRepairAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct)
    {
        var p = await LoadAsync(id, ct);
        var text = Repair.Application(application);
        if (p.Status != PublicationStatus.Published || Repair.Pending(p))
        {
            throw ShianProblemException.Conflict("credit.repair-state", p.Status != PublicationStatus.Published ? "只有公示中的处罚信息可以申请提前停止公示" : "已有待决定的信用修复申请");
        }

        var today = Today;
        var refusals = new List<string>();
        if (p.PeriodMonths != 36)
        {
            refusals.Add("公示期为三个月的处罚信息期满自动停止公示，不适用提前停止");
        }

        if (p.BarsEarlyStop)
        {
            refusals.Add("受到责令停产停业、吊销许可证件、限制从业等处罚的，不得提前停止公示（第十四条）");
        }

        if (today < PublicationRules.RepairFrom(p.PublishedOn!.Value))
        {
            refusals.Add($"食品领域的处罚信息公示满一年后才能申请（{PublicationRules.RepairFrom(p.PublishedOn.Value):yyyy-MM-dd} 起）");
        }

        if (await penalties.FindAsync(p.CaseId, ct) is not { Fulfilled: true })
        {
            refusals.Add("当事人尚未履行行政处罚决定");
        }

        if (!harmRemoved)
        {
            refusals.Add("当事人尚未主动消除危害后果和不良社会影响");
        }

        if (p.BusinessId is Guid bid)
        {
            if (await db.CreditRecords.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AnyAsync(r => r.BusinessId == bid && r.Kind == CreditRecordKind.Penalty && r.Article == p.Article && r.OccurredOn > p.DecidedOn && r.RevokedOn == null, ct))
            {
                refusals.Add("公示期内又因同一类违法行为受到行政处罚");
            }

            if (await db.Listings.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AnyAsync(l => l.BusinessId == bid && l.Status == ListingStatus.Listed && l.ExpiresOn >= today, ct))
            {
                refusals.Add("当事人在严重违法失信名单中");
            }
        }

        if (refusals.Count > 0)
        {
            throw ShianProblemException.Conflict("credit.repair-refused", "不符合提前停止公示的条件：" + string.Join("；", refusals));
        }

        Repair.Record(p, text, today, calendar.Current.AddWorkingDays(today, options.Value.PublicationRepairDecisionWorkingDays).Date);
        Step(p, $"登记提前停止公示（信用修复）申请，应于 {p.RepairDecideBy:yyyy-MM-dd} 前决定：{text}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The head's decision on an early stop: approved → publication stops today.</summary>
    public async Task DecideRepairAsync(Guid id, bool approve, string? opinion, CancellationToken ct)
    {
        var p = await LoadAsync(id, ct);
        var text = Repair.Opinion(approve, opinion);
        if (p.Status != PublicationStatus.Published || !Repair.Pending(p))
        {
            throw ShianProblemException.Conflict("credit.no-application", "没有待决定的信用修复申请");
        }

        var today = Today;
        var late = Repair.Decide(p, approve, text, today, db.Request.UserName);
        if (approve)
        {
            p.Status = PublicationStatus.StoppedEarly;
            p.EndedOn = today;
        }

        Step(p, (approve ? "同意信用修复，停止公示" : "不同意提前停止公示") + late + (text is null ? "" : "：" + text));
        await db.SaveChangesAsync(ct);
    }
}
