using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Traceability.Contracts;

namespace Shian.Enforcement;

/// <summary>
/// 协查 and 通报 from a case: a 协助调查函 to another district (which answers in its own list within 15 working days or says in time
/// that it needs longer), a 协查 of an outside department and a 警力支援 request to the police (whose replies the case officers
/// record), and 违法信息向上下游通报 — each trading partner the traceability records show is reported to its district as a case
/// clue, whose 立案 decision comes back as the answer. Every step is validated first, then saved in one transaction with a line
/// in the case's history; the other side is told in its inbox. The acting district sees a request through the region filter;
/// the requesting case's officers read their case's requests by case (reviewed bypass: the caller may read the case).
/// </summary>
public sealed class AssistanceDesk(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, IOptions<AssistanceOptions> options, People people,
    Notifier notifier, DistrictRecipients recipients, ITradePartners partners, DomainEvents events, Kernel.Attachments.AttachmentWriter attachments,
    Kernel.Attachments.IAttachmentStore store) : IDomainEventHandler<CaseClueDecided>
{
    private AssistanceOptions Options => options.Value;

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>How far back the traceability records are read for a case's trading partners.</summary>
    public const int PartnerYears = 2;

    public sealed record Request(AssistanceKind? Kind, string? RegionCode, string? Addressee, string? Subject, string? Matters, DateTime? RequestedAtUtc);

    private static readonly CaseStage[] Open = [CaseStage.Investigating, CaseStage.Review, CaseStage.Notified, CaseStage.Hearing, CaseStage.Deciding, CaseStage.Decided, CaseStage.Executing];

    private async Task<EnforcementCase> CaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.Stage != CaseStage.Proposed, ct)
        ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");

    /// <summary>A request from one of the case's officers while the case is open.</summary>
    public async Task<Guid> RequestAsync(Guid caseId, Request r, CancellationToken ct)
    {
        var c = await CaseAsync(caseId, ct);
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is not (AssistanceKind.Investigation or AssistanceKind.Department or AssistanceKind.PoliceSupport))
        {
            errors["kind"] = ["请选择请求类型：协助调查（其他区县市场监管部门）、部门协查或警力支援（上下游通报请从交易记录中选择）"];
        }

        var subject = Input.Clean(r.Subject);
        if (subject is null || subject.Length > 200)
        {
            errors["subject"] = ["请填写协查对象（经营者、人员、产品或批次，不超过 200 字）"];
        }

        var matters = Input.Clean(r.Matters);
        if (matters is null || matters.Length > 2000)
        {
            errors["matters"] = ["请填写协查事项（不超过 2000 字）"];
        }

        string? target = null, addressee = null;
        if (r.Kind == AssistanceKind.Investigation)
        {
            var code = Input.Clean(r.RegionCode);
            var region = code is not null && RegionCode.IsValid(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) : null;
            var ownCounty = RegionCode.CountyOf(c.RegionCode) ?? c.RegionCode;
            if (region is null || region.Level is not (RegionLevel.County or RegionLevel.Zone))
            {
                errors["regionCode"] = ["请选择被请求协助的区县（12 位区县代码）"];
            }
            else if (region.Code == ownCounty)
            {
                errors["regionCode"] = ["本辖区的调查由本案办案人员进行，协助调查应请求其他区县"];
            }
            else
            {
                target = region.Code;
                addressee = $"{region.Name}市场监督管理局";
            }
        }
        else if (r.Kind is AssistanceKind.Department or AssistanceKind.PoliceSupport)
        {
            addressee = Input.Clean(r.Addressee);
            if (addressee is null || addressee.Length > 100)
            {
                errors["addressee"] = [r.Kind == AssistanceKind.PoliceSupport ? "请填写请求支援的公安机关（不超过 100 字）" : "请填写被请求协查的部门（不超过 100 字）"];
            }

            target = c.RegionCode;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var at = r.Kind == AssistanceKind.PoliceSupport ? (r.RequestedAtUtc is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : now) : now;
        if (r.Kind == AssistanceKind.PoliceSupport && (at > now.AddMinutes(5) || at < now.AddDays(-30)))
        {
            errors["requestedAtUtc"] = ["请求时间应在最近 30 日内，且不晚于现在"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.assistance-invalid", "协查请求有误，请按提示修改", errors);
        }

        if (!Open.Contains(c.Stage))
        {
            throw ShianProblemException.Conflict("enforcement.case-closed", "案件已结案或尚未立案，不能发出协查请求");
        }

        Cases.EnsureOfficer(c, db.Request.UserName, "发出协查请求");
        var on = ChinaTime.DateOfUtc(at);
        var a = new CaseAssistance
        {
            CaseId = c.Id, CaseRegionCode = c.RegionCode, CaseNumber = CaseNumberOf(c), RegionCode = target!, Kind = r.Kind!.Value, Addressee = addressee!, Subject = subject!,
            Matters = matters!, RequestedBy = db.Request.UserName, RequestedAtUtc = at, RequestedOn = on, Status = AssistanceStatus.Pending, UpdatedAtUtc = now,
            DueOn = r.Kind == AssistanceKind.PoliceSupport ? null : AssistanceClock.ReplyDue(calendar.Current, on, Options),
            DueAtUtc = r.Kind == AssistanceKind.PoliceSupport ? AssistanceClock.PoliceDue(at, Options) : null,
        };
        db.CaseAssistance.Add(a);
        var due = a.DueOn is DateOnly d ? $"，回复期限 {d:yyyy-MM-dd}" : $"，应于 {ChinaTime.FromUtc(a.DueAtUtc!.Value):yyyy-MM-dd HH:mm} 前到场";
        db.AddHistory(c.Id, c.RegionCode, now, $"【协查】向{a.Addressee}{KindText(a.Kind)}：{a.Subject}{due}");
        if (a.Kind == AssistanceKind.Investigation)
        {
            var from = await db.Regions.AsNoTracking().Where(x => x.Code == c.County).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? c.County;
            notifier.Notify(await recipients.ForAsync(a.RegionCode, ct), $"协助调查函：{a.Subject}", $"{from}市场监督管理局 {a.CaseNumber} 请求协助调查，请于 {a.DueOn:yyyy-MM-dd} 前回复。",
                $"/enforcement/assistance/{a.Id}");
        }

        c.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
        return a.Id;
    }

    /// <summary>The case's trading partners (suppliers and buyers of its party in the last two years), for a 上下游通报.</summary>
    public async Task<(TradePartners Found, IReadOnlySet<Guid> Notified)> PartnersAsync(Guid caseId, CancellationToken ct) =>
        await PartnersAsync(await CaseAsync(caseId, ct), ct);

    /// <summary>The same for a case the caller has already read.</summary>
    public async Task<(TradePartners Found, IReadOnlySet<Guid> Notified)> PartnersAsync(EnforcementCase c, CancellationToken ct)
    {
        var caseId = c.Id;
        if (c.BusinessId is not Guid business)
        {
            return (new TradePartners([], 0), new HashSet<Guid>());
        }

        var found = await partners.OfAsync(business, Today.AddYears(-PartnerYears), ct);
        var notified = await ForCase(caseId).Where(a => a.Kind == AssistanceKind.ChainNotice && a.SubjectBusinessId != null).Select(a => a.SubjectBusinessId!.Value).ToListAsync(ct);
        return (found, notified.ToHashSet());
    }

    /// <summary>
    /// 违法信息向上下游通报: each chosen partner (from <see cref="PartnersAsync"/>, once per case) is reported to its district as a
    /// case clue (the durable <see cref="CaseClueRaised"/>, source <see cref="CaseClueSource.ChainNotice"/>) with what the case found.
    /// </summary>
    public async Task<int> NotifyChainAsync(Guid caseId, IReadOnlyList<Guid>? partnerIds, string? facts, CancellationToken ct)
    {
        var c = await CaseAsync(caseId, ct);
        var errors = new Dictionary<string, string[]>();
        var text = Input.Clean(facts);
        if (text is null || text.Length > 1000)
        {
            errors["facts"] = ["请填写通报内容：违法事实、涉及的产品和批次、建议采取的措施（不超过 1000 字）"];
        }

        if (partnerIds is not { Count: > 0 })
        {
            errors["partnerIds"] = ["请至少选择一个上游或下游经营者"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.chain-notice-invalid", "通报有误，请按提示修改", errors);
        }

        if (!Open.Contains(c.Stage))
        {
            throw ShianProblemException.Conflict("enforcement.case-closed", "案件已结案或尚未立案，不能通报");
        }

        Cases.EnsureOfficer(c, db.Request.UserName, "通报上下游");
        var (found, notified) = await PartnersAsync(c, ct);
        var chosen = new List<TradePartner>();
        foreach (var id in partnerIds!.Distinct())
        {
            var p = found.Partners.FirstOrDefault(x => x.BusinessId == id)
                ?? throw ShianProblemException.Invalid("enforcement.chain-notice-invalid", "通报有误，请按提示修改", Input.Error("partnerIds", $"所选经营者（{id}）不在本案当事人的交易记录中"));
            if (notified.Contains(id))
            {
                throw ShianProblemException.Conflict("enforcement.chain-notice-repeated", $"已向{p.Name}所在地通报过，不能重复通报");
            }

            chosen.Add(p);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        var counties = chosen.Select(p => RegionCode.CountyOf(p.RegionCode) ?? p.RegionCode).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => counties.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var due = CaseClock.DecisionDue(calendar.Current, today);
        foreach (var p in chosen)
        {
            var county = RegionCode.CountyOf(p.RegionCode) ?? p.RegionCode;
            var side = p.Direction == TradeDirection.Supplier ? ChainSide.Supplier : ChainSide.Buyer;
            var a = new CaseAssistance
            {
                CaseId = c.Id, CaseRegionCode = c.RegionCode, CaseNumber = CaseNumberOf(c), RegionCode = p.RegionCode, Kind = AssistanceKind.ChainNotice,
                Addressee = $"{regions.GetValueOrDefault(county, county)}市场监督管理局", Subject = Input.Fit(p.Name, 200)!, SubjectBusinessId = p.BusinessId, Side = side,
                Matters = text!, RequestedBy = db.Request.UserName, RequestedAtUtc = now, RequestedOn = today, DueOn = due, Status = AssistanceStatus.Pending, UpdatedAtUtc = now,
            };
            db.CaseAssistance.Add(a);
            events.Raise(new CaseClueRaised(CaseClueSource.ChainNotice, a.Id, p.BusinessId, p.Name, p.RegionCode, today, due,
                Input.Fit($"{a.CaseNumber}（{c.Party}）{(side == ChainSide.Supplier ? "上游供货方" : "下游购货方")}通报：{text}", 2000)!));
            db.AddHistory(c.Id, c.RegionCode, now, $"【通报】向{a.Addressee}通报{(side == ChainSide.Supplier ? "上游" : "下游")}经营者 {p.Name}");
        }

        c.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
        return chosen.Count;
    }

    /// <summary>
    /// The acting office's answer: another district answers a 协助调查函 in its own list; the case officers record an outside
    /// department's reply or the hour the police arrived. A chain notice is answered by its clue's 立案 decision only.
    /// </summary>
    /// <param name="attachmentId">A document already uploaded (/api/v1/attachments) by the answering office, sent with the answer.</param>
    /// <param name="file">Or a document uploaded with the answer form.</param>
    public async Task AnswerAsync(Guid id, string? answer, DateTime? arrivedAtUtc, CancellationToken ct, Guid? attachmentId = null, (string FileName, byte[] Content)? file = null)
    {
        var a = await db.CaseAssistance.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw ShianProblemException.NotFound("enforcement.assistance-not-found", "协查请求不存在或不在您的辖区");
        var text = Input.Clean(answer);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (text is null || text.Length > 2000)
        {
            errors["answer"] = [a.Kind == AssistanceKind.PoliceSupport ? "请填写到场警力和处置情况（不超过 2000 字）" : "请填写协查结果（不超过 2000 字）"];
        }

        var at = now;
        if (a.Kind == AssistanceKind.PoliceSupport)
        {
            if (arrivedAtUtc is not DateTime arrived)
            {
                errors["arrivedAtUtc"] = ["请填写警力到场时间"];
            }
            else
            {
                at = DateTime.SpecifyKind(arrived, DateTimeKind.Utc);
                if (at < a.RequestedAtUtc || at > now.AddMinutes(5))
                {
                    errors["arrivedAtUtc"] = ["到场时间应在请求之后，且不晚于现在"];
                }
            }
        }

        if (attachmentId is Guid aid && !(await Kernel.Attachments.AttachmentLookup.UsableAsync(db, [aid], ct)).Contains(aid))
        {
            errors["attachmentId"] = ["所附文件不存在或不在您的辖区，请重新上传"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.assistance-answer-invalid", "回复有误，请按提示修改", errors);
        }

        if (a.Kind == AssistanceKind.ChainNotice)
        {
            throw ShianProblemException.Conflict("enforcement.chain-notice-answered-by-clue", "上下游通报由本辖区对该线索的立案或不予立案决定回复，请在案件线索中办理");
        }

        if (a.Status != AssistanceStatus.Pending)
        {
            throw ShianProblemException.Conflict("enforcement.assistance-closed", "该请求已办结或已撤回");
        }

        if (a.Kind is AssistanceKind.Department or AssistanceKind.PoliceSupport)
        {
            Cases.EnsureOfficer(await CaseAsync(a.CaseId, ct), db.Request.UserName, "登记回复");
        }

        // The document is kept in the answering office's region; the requesting case reads it through FileAsync.
        Kernel.Attachments.Attachment? sent = file is { } f ? await attachments.AddAsync(a.RegionCode, null, f.FileName, f.Content, ct)
            : attachmentId is Guid existing ? await db.Attachments.FirstAsync(x => x.Id == existing, ct) : null;
        if (sent is not null)
        {
            a.AnswerAttachmentId = sent.Id;
            a.AnswerFileName = sent.FileName;
            a.AnswerSha256 = sent.Sha256;
            await Kernel.Attachments.AttachmentLookup.AttachAsync(db, [sent.Id], now, ct);
        }

        a.Status = AssistanceStatus.Answered;
        a.Answer = text;
        a.AnsweredBy = db.Request.UserName;
        a.AnsweredAtUtc = at;
        a.AnsweredOn = ChinaTime.DateOfUtc(at);
        a.UpdatedAtUtc = now;
        var late = AssistanceClock.OnTime(a) == false ? "（逾期）" : "";
        db.AddHistory(a.CaseId, a.CaseRegionCode, now, a.Kind == AssistanceKind.PoliceSupport
            ? $"【协查】{a.Addressee}警力于 {ChinaTime.FromUtc(at):yyyy-MM-dd HH:mm} 到场{late}：{text}"
            : $"【协查】{a.Addressee}回复{late}：{text}" + (sent is null ? "" : $"（附件 {sent.FileName}，SHA-256 {sent.Sha256}）"));
        if (a.Kind == AssistanceKind.Investigation)
        {
            await TellCaseOfficersAsync(a, $"协查已回复：{a.Subject}", $"{a.Addressee}已回复{late}。", ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (file is not null && sent is not null)
            {
                await attachments.DiscardAsync([sent]);
            }

            throw;
        }
    }

    /// <summary>
    /// The document sent with an answer, for the answering office or the requesting case (whoever may read the request):
    /// the attachment belongs to the answering office's region, so it is read past the region filter once the request was.
    /// </summary>
    public async Task<(Stream Content, string ContentType, string FileName)> FileAsync(Guid id, CancellationToken ct)
    {
        var found = await FindAsync(id, ct) ?? throw ShianProblemException.NotFound("enforcement.assistance-not-found", "协查请求不存在或不在您的辖区");
        if (found.Item.AnswerAttachmentId is not Guid aid
            || await db.Attachments.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == aid, ct) is not { } file)
        {
            throw ShianProblemException.NotFound("enforcement.assistance-no-file", "该回复没有附件");
        }

        var stream = await store.OpenReadAsync(file.StorageKey, ct) ?? throw ShianProblemException.NotFound("attachment.content-missing", "附件文件已丢失，请联系管理员");
        return (stream, file.ContentType, file.FileName);
    }

    /// <summary>The acting district says, before the date runs out, that it needs longer (once, within the cap).</summary>
    public async Task ExtendAsync(Guid id, DateOnly? to, string? reason, CancellationToken ct)
    {
        var a = await db.CaseAssistance.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw ShianProblemException.NotFound("enforcement.assistance-not-found", "协查请求不存在或不在您的辖区");
        var why = Input.Clean(reason);
        var errors = new Dictionary<string, string[]>();
        if (to is null)
        {
            errors["to"] = ["请填写延期后的回复期限"];
        }

        if (why is null || why.Length > 300)
        {
            errors["reason"] = ["请填写延期理由（不超过 300 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.assistance-extend-invalid", "延期有误，请按提示修改", errors);
        }

        if (AssistanceClock.ExtensionRefusal(calendar.Current, a, Today, to!.Value, Options) is { } refusal)
        {
            throw ShianProblemException.Conflict("enforcement.assistance-extension-refused", refusal);
        }

        if (a.Kind == AssistanceKind.Department)
        {
            Cases.EnsureOfficer(await CaseAsync(a.CaseId, ct), db.Request.UserName, "登记延期");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        a.ExtendedFrom = a.DueOn;
        a.DueOn = to;
        a.ExtensionReason = why;
        a.UpdatedAtUtc = now;
        db.AddHistory(a.CaseId, a.CaseRegionCode, now, $"【协查】{a.Addressee}告知延期至 {to:yyyy-MM-dd}：{why}");
        if (a.Kind == AssistanceKind.Investigation)
        {
            await TellCaseOfficersAsync(a, $"协查延期：{a.Subject}", $"{a.Addressee}告知延期至 {to:yyyy-MM-dd}：{why}", ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A case officer withdraws a pending request the case no longer needs (the other district is told).</summary>
    public async Task WithdrawAsync(Guid caseId, Guid id, string? reason, CancellationToken ct)
    {
        var c = await CaseAsync(caseId, ct);
        var a = await ForCase(caseId).AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw ShianProblemException.NotFound("enforcement.assistance-not-found", "协查请求不存在或不在您的辖区");
        var why = Input.Clean(reason);
        if (why is null || why.Length > 300)
        {
            throw ShianProblemException.Invalid("enforcement.assistance-withdraw-invalid", "请填写撤回理由", Input.Error("reason", "请填写撤回理由（不超过 300 字）"));
        }

        if (a.Status != AssistanceStatus.Pending || a.Kind == AssistanceKind.ChainNotice)
        {
            throw ShianProblemException.Conflict("enforcement.assistance-closed", a.Kind == AssistanceKind.ChainNotice ? "上下游通报已成为对方辖区的案件线索，不能撤回" : "该请求已办结或已撤回");
        }

        Cases.EnsureOfficer(c, db.Request.UserName, "撤回协查请求");
        var now = clock.GetUtcNow().UtcDateTime;
        a.Status = AssistanceStatus.Withdrawn;
        a.Answer = "撤回：" + why;
        a.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, $"【协查】撤回向{a.Addressee}的请求：{why}");
        if (a.Kind == AssistanceKind.Investigation)
        {
            notifier.Notify(await recipients.ForAsync(a.RegionCode, ct), $"协助调查函已撤回：{a.Subject}", why, $"/enforcement/assistance/{a.Id}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A chain notice's clue was decided in the partner's district: that is the notice's answer.</summary>
    public async Task HandleAsync(CaseClueDecided e, CancellationToken ct)
    {
        if (e.Source != CaseClueSource.ChainNotice || e.SourceId is not Guid id
            || await db.CaseAssistance.FirstOrDefaultAsync(a => a.Id == id, ct) is not { Status: AssistanceStatus.Pending } a)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        a.Status = AssistanceStatus.Answered;
        a.Answer = e.Opened || e.Summary ? e.Describe() : "经核查，不予立案";
        a.AnsweredOn = e.DecidedOn;
        a.AnsweredAtUtc = now;
        a.ClueId = e.ClueId;
        a.UpdatedAtUtc = now;
        db.AddHistory(a.CaseId, a.CaseRegionCode, now, $"【通报】{a.Addressee}对 {a.Subject} {a.Answer}");
        await TellCaseOfficersAsync(a, $"通报已有结果：{a.Subject}", $"{a.Addressee}：{a.Answer}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The requests of a case the caller may read (every kind, wherever the acting office is).</summary>
    public async Task<IReadOnlyList<CaseAssistance>> OfCaseAsync(Guid caseId, CancellationToken ct)
    {
        _ = await CaseAsync(caseId, ct);
        return await ForCase(caseId).OrderBy(a => a.RequestedAtUtc).ToListAsync(ct);
    }

    /// <summary>One request: the acting district's, or one of the caller's cases'.</summary>
    public async Task<(CaseAssistance Item, bool Acting, bool Requesting)?> FindAsync(Guid id, CancellationToken ct)
    {
        var acting = await db.CaseAssistance.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var row = acting ?? await Unscoped().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var requesting = await db.Cases.AnyAsync(c => c.Id == row.CaseId, ct);
        return acting is null && !requesting ? null : (row, acting is not null && row.Kind is AssistanceKind.Investigation or AssistanceKind.ChainNotice, requesting);
    }

    public enum Direction
    {
        /// <summary>Requests this district must act on (协助调查函 and 上下游通报 received).</summary>
        Incoming,

        /// <summary>Requests the district's cases sent.</summary>
        Outgoing,
    }

    public sealed record Row(Guid Id, Guid CaseId, string CaseNumber, AssistanceKind Kind, string Addressee, string Subject, DateOnly RequestedOn, DateOnly? DueOn,
        DateTime? DueAtUtc, AssistanceStatus Status, DateOnly? AnsweredOn, bool? OnTime, bool Overdue, string RegionCode, string CaseRegionCode);

    public sealed record Page(int Total, int Overdue, IReadOnlyList<Row> Rows);

    public const int PageSize = 30;

    /// <summary>The district's requests, pending first by date due.</summary>
    public async Task<Page> ListAsync(Direction direction, AssistanceStatus? status, bool overdueOnly, int page, CancellationToken ct)
    {
        var q = direction == Direction.Incoming
            ? db.CaseAssistance.AsNoTracking().Where(a => a.Kind == AssistanceKind.Investigation || a.Kind == AssistanceKind.ChainNotice)
            : Outgoing();
        if (status is AssistanceStatus s)
        {
            q = q.Where(a => a.Status == s);
        }

        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;
        Expression<Func<CaseAssistance, bool>> late = a => a.Status == AssistanceStatus.Pending
            && ((a.DueOn != null && a.DueOn < today) || (a.DueAtUtc != null && a.DueAtUtc < now));
        var overdue = await q.CountAsync(late, ct);
        if (overdueOnly)
        {
            q = q.Where(late);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Status == AssistanceStatus.Pending ? 0 : 1).ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenByDescending(a => a.RequestedAtUtc)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page(total, overdue, [.. rows.Select(a => new Row(a.Id, a.CaseId, a.CaseNumber, a.Kind, a.Addressee, a.Subject, a.RequestedOn, a.DueOn, a.DueAtUtc, a.Status,
            a.AnsweredOn, AssistanceClock.OnTime(a), AssistanceClock.Overdue(a, today, now), a.RegionCode, a.CaseRegionCode))]);
    }

    public sealed record Rate(string County, int Received, int Answered, int OnTime, int Pending);

    /// <summary>
    /// 协办率 per county over a year (seed 001: 100 %): of the 协助调查函 the county received, how many it answered and how many
    /// in time; 警力支援 of its cases: how many requests the police met within the hours.
    /// </summary>
    public async Task<(IReadOnlyList<Rate> Assistance, IReadOnlyList<Rate> Police)> RatesAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.CaseAssistance.AsNoTracking()
            .Where(a => (a.Kind == AssistanceKind.Investigation || a.Kind == AssistanceKind.PoliceSupport) && a.Status != AssistanceStatus.Withdrawn && a.RequestedOn >= from && a.RequestedOn <= to)
            .ToListAsync(ct);
        static IReadOnlyList<Rate> Of(IEnumerable<CaseAssistance> xs) => [.. xs.GroupBy(a => RegionCode.CountyOf(a.RegionCode) ?? a.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Rate(g.Key, g.Count(), g.Count(a => a.Status == AssistanceStatus.Answered), g.Count(a => AssistanceClock.OnTime(a) == true), g.Count(a => a.Status == AssistanceStatus.Pending)))];
        return (Of(rows.Where(a => a.Kind == AssistanceKind.Investigation)), Of(rows.Where(a => a.Kind == AssistanceKind.PoliceSupport)));
    }

    public static string KindText(AssistanceKind k) => k switch
    {
        AssistanceKind.Investigation => "发出协助调查函",
        AssistanceKind.Department => "请求部门协查",
        AssistanceKind.PoliceSupport => "请求警力支援",
        _ => "通报",
    };

    internal static string CaseNumberOf(EnforcementCase c) => c.Number is int n ? EnforcementHistory.CaseNumber(c.Year, n) : "（未编号）";

    private async Task TellCaseOfficersAsync(CaseAssistance a, string title, string body, CancellationToken ct)
    {
        // The case is in another district for the acting office: its officers are read past the filter (names only, by case id).
        var officers = await db.Cases.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(c => c.Id == a.CaseId).Select(c => c.Officers).FirstOrDefaultAsync(ct);
        if (officers is not null)
        {
            notifier.Notify(await people.IdsOfAsync(officers.Split('、'), ct), title, body, $"/enforcement/cases/{a.CaseId}#assistance");
        }
    }

    /// <summary>The requests of one case, read past the region filter: only after the case itself was found through it.</summary>
    private IQueryable<CaseAssistance> ForCase(Guid caseId) => Unscoped().Where(a => a.CaseId == caseId);

    private IQueryable<CaseAssistance> Unscoped() => db.CaseAssistance.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking();

    /// <summary>The requests of cases in the caller's regions: the requesting case's region against the caller's granted prefixes.</summary>
    private IQueryable<CaseAssistance> Outgoing()
    {
        var scope = db.Request.Scope;
        var q = Unscoped();
        if (scope.Unrestricted)
        {
            return q;
        }

        var a = Expression.Parameter(typeof(CaseAssistance), "a");
        var region = Expression.Property(a, nameof(CaseAssistance.CaseRegionCode));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var p in scope.Prefixes)
        {
            body = Expression.OrElse(body, Expression.Call(region, startsWith, Expression.Constant(p)));
        }

        return q.Where(Expression.Lambda<Func<CaseAssistance, bool>>(body, a));
    }
}
