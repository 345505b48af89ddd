using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Credit.Domain;
using Shian.Credit.Rules;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;

namespace Shian.Credit;

/// <summary>
/// 严重违法失信名单 (SAMR Order 44), step by step on a matter the ledger opened from a 较重行政处罚: the officer notifies the party
/// of the intended listing (陈述申辩, 听证) or records why not; after the party's period the head — not the proposer — lists or
/// does not; three years later the daily job removes it; after a year the party may apply for early removal (信用修复), which
/// the head decides within 20 working days. Each step adds a history line in the same transaction.
/// </summary>
public sealed class Listings(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, IPenaltyFacts penalties, DomainEvents events, IOptions<CreditOptions> options,
    Kernel.Inbox.Notifier notifier, Kernel.Inbox.DistrictRecipients recipients)
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The listing, if the caller may see it: a business account sees its own from the 告知 on (a suggestion is the office's internal proposal).</summary>
    private async Task<SeriousListing> LoadAsync(Guid id, CancellationToken ct)
    {
        var l = await db.Listings.FirstOrDefaultAsync(l => l.Id == id, ct);
        return l is null || (db.Request.Scope.Uscc is not null && l.Status == ListingStatus.Suggested)
            ? throw ShianProblemException.NotFound("credit.listing-not-found", "失信名单事项不存在或不在您的辖区") : l;
    }

    private void Step(SeriousListing l, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        l.UpdatedAtUtc = now;
        db.AddHistory(l.Id, l.RegionCode, now, text);
    }

    private static void EnsureStatus(SeriousListing l, string what, params ListingStatus[] statuses)
    {
        if (!statuses.Contains(l.Status))
        {
            throw ShianProblemException.Conflict("credit.wrong-status", $"这一事项当前不能{what}");
        }
    }

    public static string GroundText(ListingGround g) => g switch
    {
        ListingGround.Unlicensed => "未取得许可从事食品生产经营",
        ListingGround.NonFoodSubstance => "用非食品原料生产食品，添加食品添加剂以外的化学物质或者药品",
        ListingGround.DiseasedMeat => "经营病死、毒死或者死因不明的禽、畜、兽、水产动物肉类",
        ListingGround.Contaminants => "致病性微生物、农药兽药残留、生物毒素、重金属等污染物质超过食品安全标准限量",
        ListingGround.Additives => "超范围、超限量使用食品添加剂",
        ListingGround.Adulterated => "生产经营腐败变质、掺假掺杂、以假充真、以次充好的食品",
        ListingGround.UnregisteredSpecialFood => "生产经营未按规定注册的保健食品、特殊医学用途配方食品、婴幼儿配方乳粉",
        ListingGround.RefusedRecall => "拒不召回不符合食品安全标准的食品",
        _ => "其他食品安全严重违法行为",
    };

    /// <summary>告知拟列入: the ground, the facts (性质恶劣、情节严重、社会危害较大) and the day the notice was served.</summary>
    public async Task NoticeAsync(Guid id, ListingGround? ground, string? facts, DateOnly? servedOn, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (ground is not ListingGround g || !Enum.IsDefined(g))
        {
            errors["ground"] = ["请选择列入的违法情形"];
        }

        var text = CreditLedger.Fit(facts, 2001);
        if (text is null || text.Length > 2000)
        {
            errors["facts"] = ["请写明列入的事实和理由（性质恶劣、情节严重、社会危害较大的情形，不超过 2000 字）"];
        }

        if (servedOn is not DateOnly on || on < l.PenaltyDecidedOn || on > Today)
        {
            errors["servedOn"] = ["请填写告知书送达日期（处罚决定之后，不晚于今天）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("credit.notice-invalid", "列入告知有误，未保存", errors);
        }

        EnsureStatus(l, "告知", ListingStatus.Suggested);
        l.Ground = ground;
        l.Facts = text;
        l.ProposedBy = db.Request.UserName;
        l.NoticeServedOn = servedOn;
        l.StatementBy = ListingRules.StatementBy(calendar.Current, servedOn!.Value, options.Value.ListingStatementWorkingDays);
        l.Status = ListingStatus.Noticed;
        Step(l, $"送达列入严重违法失信名单告知书（{servedOn:yyyy-MM-dd}）：{GroundText(ground!.Value)}；当事人可于 {l.StatementBy:yyyy-MM-dd} 前陈述、申辩或要求听证");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>研判后不提出列入, with the reason (the penalty, though heavy, does not meet the listing test).</summary>
    public async Task DismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var text = CreditLedger.Fit(reason, 1000);
        if (text is null)
        {
            throw ShianProblemException.Invalid("credit.reason-required", "请写明不提出列入的理由", new Dictionary<string, string[]> { ["reason"] = ["理由"] });
        }

        EnsureStatus(l, "研判不列入", ListingStatus.Suggested);
        l.Status = ListingStatus.Dismissed;
        l.DecisionReason = text;
        Step(l, "研判后不提出列入：" + text);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The party's 陈述、申辩 and whether it asked for a hearing.</summary>
    public async Task StatementAsync(Guid id, string? statement, bool hearingRequested, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var text = CreditLedger.Fit(statement, 2001);
        if (text is null || text.Length > 2000)
        {
            throw ShianProblemException.Invalid("credit.statement-invalid", "请填写当事人的陈述、申辩（不超过 2000 字）", new Dictionary<string, string[]> { ["statement"] = ["陈述申辩"] });
        }

        EnsureStatus(l, "登记陈述申辩", ListingStatus.Noticed);
        var byParty = db.Request.Scope.Uscc is not null;
        if (byParty && (l.StatementBy is not DateOnly by || Today > by))
        {
            // The party's own account files within the period of the 告知 (《严重违法失信名单管理办法》第十二条); the office may still record a late one.
            throw ShianProblemException.Conflict("credit.statement-closed", $"陈述申辩的期限已于 {l.StatementBy:yyyy-MM-dd} 届满");
        }

        if (byParty && l.Statement is not null)
        {
            throw ShianProblemException.Conflict("credit.statement-filed", "已经提交过陈述申辩");
        }

        l.Statement = text;
        l.HearingRequested = hearingRequested;
        Step(l, $"当事人{(byParty ? "在线" : "")}陈述、申辩{(hearingRequested ? "并要求听证" : "")}：{text}");
        if (byParty)
        {
            notifier.Notify(await recipients.ForAsync(l.RegionCode, ct), $"当事人对列入严重违法失信名单提出陈述申辩：{l.Party}", text.Length > 80 ? text[..80] + "…" : text, $"/credit/listings/{l.Id}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The head's decision, after the party's period (or its statement): list — for 3 years from today, published at once on
    /// the list, the business's risk re-graded — or not.
    /// </summary>
    public async Task DecideAsync(Guid id, bool list, string? reason, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var text = CreditLedger.Fit(reason, 1000);
        if (!list && text is null)
        {
            throw ShianProblemException.Invalid("credit.reason-required", "决定不列入时请写明理由", new Dictionary<string, string[]> { ["reason"] = ["理由"] });
        }

        EnsureStatus(l, "作出决定", ListingStatus.Noticed);
        var today = Today;
        if (l.ProposedBy == db.Request.UserName)
        {
            throw ShianProblemException.Conflict("credit.proposer-cannot-decide", "提出列入的人员不能作出列入决定，请由负责人决定");
        }

        if (today <= l.StatementBy && l.Statement is null)
        {
            throw ShianProblemException.Conflict("credit.statement-period", $"当事人陈述、申辩的期限到 {l.StatementBy:yyyy-MM-dd}，期满或当事人陈述申辩后才能决定");
        }

        if (l.HearingRequested && list && text is null)
        {
            throw ShianProblemException.Invalid("credit.hearing-reason", "当事人要求听证的，请写明听证情况和决定理由", new Dictionary<string, string[]> { ["reason"] = ["听证情况和理由"] });
        }

        if (await penalties.FindAsync(l.CaseId, ct) is { Revoked: true })
        {
            throw ShianProblemException.Conflict("credit.penalty-revoked", "所依据的处罚决定已被撤销，不能列入");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        l.DecidedBy = db.Request.UserName;
        l.DecidedOn = today;
        l.DecisionReason = text;
        if (list)
        {
            l.Status = ListingStatus.Listed;
            l.ListedOn = today;
            l.ExpiresOn = ListingRules.ExpiresOn(today);
            db.CreditRecords.Add(new CreditRecord
            {
                RegionCode = l.RegionCode, BusinessId = l.BusinessId, Party = l.Party, Kind = CreditRecordKind.Listing, Good = false, OccurredOn = today,
                Summary = $"列入严重违法失信名单（{GroundText(l.Ground ?? ListingGround.Other)}，依据 {l.DecisionNumber}），至 {l.ExpiresOn:yyyy-MM-dd}",
                SourceId = l.Id, Heavy = true, RecordedBy = db.Request.UserName, RecordedAtUtc = now,
            });
            Step(l, $"决定列入严重违法失信名单，公示至 {l.ExpiresOn:yyyy-MM-dd}（列入满三年移出）" + (text is null ? "" : "：" + text));
            if (l.BusinessId is Guid bid)
            {
                events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
            }
        }
        else
        {
            l.Status = ListingStatus.NotListed;
            Step(l, "决定不列入：" + text);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records an application for early removal (信用修复): after at least a year on the list, the penalty carried out, the harm
    /// removed, no further 较重行政处罚 since the listing.
    /// </summary>
    public async Task ApplyRepairAsync(Guid id, string? application, bool harmRemoved, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var text = Repair.Application(application);
        var today = Today;
        if (!ListingRules.OnList(l, today) || Repair.Pending(l))
        {
            throw ShianProblemException.Conflict("credit.repair-state", ListingRules.OnList(l, today) ? "已有待决定的信用修复申请" : "只有名单中的当事人可以申请提前移出");
        }

        var refusals = new List<string>();
        if (today < ListingRules.RepairFrom(l.ListedOn!.Value))
        {
            refusals.Add($"列入满一年后才能申请提前移出（{ListingRules.RepairFrom(l.ListedOn.Value):yyyy-MM-dd} 起）");
        }

        if (await penalties.FindAsync(l.CaseId, ct) is not { Fulfilled: true })
        {
            refusals.Add("当事人尚未履行行政处罚决定");
        }

        if (!harmRemoved)
        {
            refusals.Add("当事人尚未主动消除危害后果和不良社会影响");
        }

        if (l.BusinessId is Guid bid && await db.CreditRecords.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AnyAsync(r => r.BusinessId == bid && r.Kind == CreditRecordKind.Penalty && r.Heavy && r.OccurredOn > l.ListedOn && r.RevokedOn == null, ct))
        {
            refusals.Add("列入后又受到较重行政处罚");
        }

        if (refusals.Count > 0)
        {
            throw ShianProblemException.Conflict("credit.repair-refused", "不符合提前移出的条件：" + string.Join("；", refusals));
        }

        Repair.Record(l, text, today, ListingRules.DecideBy(calendar.Current, today, options.Value.ListingRepairDecisionWorkingDays));
        Step(l, $"登记提前移出（信用修复）申请，应于 {l.RepairDecideBy:yyyy-MM-dd} 前决定：{text}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The head's decision on early removal: approved → removed and publication stopped today.</summary>
    public async Task DecideRepairAsync(Guid id, bool approve, string? opinion, CancellationToken ct)
    {
        var l = await LoadAsync(id, ct);
        var text = Repair.Opinion(approve, opinion);
        if (l.Status != ListingStatus.Listed || !Repair.Pending(l))
        {
            throw ShianProblemException.Conflict("credit.no-application", "没有待决定的信用修复申请");
        }

        var today = Today;
        var late = Repair.Decide(l, approve, text, today, db.Request.UserName);
        if (approve)
        {
            l.Status = ListingStatus.Removed;
            l.RemovalReason = RemovalReason.Repaired;
            l.RemovedOn = today;
            if (l.BusinessId is Guid bid)
            {
                events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
            }
        }

        Step(l, (approve ? "同意信用修复，提前移出严重违法失信名单并停止公示" : "不同意提前移出") + late + (text is null ? "" : "：" + text));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The daily run: listings past their 3 years removed, publications past their period ended (each with a history line).</summary>
    public async Task<(int Removed, int Ended)> ExpireAsync(DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = await db.Listings.Where(l => l.Status == ListingStatus.Listed && l.ExpiresOn < today).ToListAsync(ct);
        foreach (var l in removed)
        {
            l.Status = ListingStatus.Removed;
            l.RemovalReason = RemovalReason.Expired;
            l.RemovedOn = l.ExpiresOn!.Value.AddDays(1);
            l.UpdatedAtUtc = now;
            db.AddHistory(l.Id, l.RegionCode, now, "列入满三年，移出严重违法失信名单");
            if (l.BusinessId is Guid bid)
            {
                events.Raise(new Risk.Contracts.RiskEvidenceChanged(bid));
            }
        }

        var ended = await db.Publications.Where(p => p.Status == PublicationStatus.Published && p.ShowUntil < today).ToListAsync(ct);
        foreach (var p in ended)
        {
            p.Status = PublicationStatus.Ended;
            p.EndedOn = p.ShowUntil!.Value.AddDays(1);
            p.UpdatedAtUtc = now;
            db.AddHistory(p.Id, p.RegionCode, now, "公示期满，停止公示");
        }

        await db.SaveChangesAsync(ct);
        return (removed.Count, ended.Count);
    }
}
