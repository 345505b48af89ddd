using Microsoft.EntityFrameworkCore;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Audit;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Events;
using Shian.Kernel.Privacy;
using Shian.Kernel.Regions;
using Shian.Risk.Contracts;

namespace Shian.Complaints;

/// <summary>
/// The officer's steps on a complaint or report, each checked against its state and the statutory clocks, each adding
/// a line to its history in the same transaction. The complainant's identity never leaves this module except through
/// <see cref="RevealAsync"/> (audited); the case clue sent to enforcement carries no identity.
/// </summary>
public sealed class Handling(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, DomainEvents events, PersonalData personal, SecurityAudit audit,
    Kernel.Inbox.Notifier notifier, Kernel.Users.People people)
    : IDomainEventHandler<Enforcement.Contracts.CaseClueDecided>, IDomainEventHandler<Emergencies.Contracts.IncidentOpenedFromComplaint>
{
    /// <summary>
    /// The emergencies module opened an incident from this tip: linked once and told in the history (publicly, without the
    /// incident's details — the complainant learns that the report went to the emergency response).
    /// </summary>
    public async Task HandleAsync(Emergencies.Contracts.IncidentOpenedFromComplaint e, CancellationToken ct)
    {
        if (await db.Complaints.FirstOrDefaultAsync(c => c.Id == e.ComplaintId, ct) is not { } c || c.IncidentId is not null)
        {
            return;
        }

        c.IncidentId = e.IncidentId;
        Step(c, "已转入食品安全事故应急处置", isPublic: true);
        Step(c, $"转为事故处置：{e.IncidentTitle}（{e.GradeLabel}）", isPublic: false, kind: ComplaintEntryKind.Note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The enforcement module decided the clue this complaint raised: recorded as if entered by hand (the reporter's notice
    /// clock starts), once — a repeated delivery, or a decision already entered by hand, changes nothing.
    /// </summary>
    public async Task HandleAsync(Enforcement.Contracts.CaseClueDecided e, CancellationToken ct)
    {
        if (e.Source != Enforcement.Contracts.CaseClueSource.Complaint || e.SourceId is not Guid id
            || await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c || c.ClueRaisedOn is null || c.CaseDecidedOn is not null)
        {
            return;
        }

        // An on-the-spot penalty settles the report like a case: the violation was found and punished.
        c.CaseOpened = e.Opened || e.Summary;
        c.CaseDecidedOn = e.DecidedOn;
        c.ReporterToldBy = c.Kind == ComplaintKind.Report && !c.Anonymous ? ComplaintClock.ReporterNoticeBy(calendar.Current, e.DecidedOn) : null;
        Step(c, (e.Summary ? "违法行为已由执法人员当场处罚" : e.Opened ? "已立案调查" : "决定不予立案") + $"（{e.DecidedOn:yyyy-MM-dd}）", isPublic: true);
        await db.SaveChangesAsync(ct);
    }

    private DateOnly Today => ChinaTime.Today(clock);

    private async Task<Complaint> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");

    private static void EnsureOpen(Complaint c)
    {
        if (c.Status is ComplaintStatus.Refused or ComplaintStatus.Closed or ComplaintStatus.Merged)
        {
            throw ShianProblemException.Conflict("complaints.closed", "该件已办结（或不予受理、已合并），不能再办理");
        }
    }

    private void Step(Complaint c, string text, bool isPublic = true, ComplaintEntryKind kind = ComplaintEntryKind.Step)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAtUtc = now;
        db.AddHistory(c, now, kind, text, isPublic, db.Request.UserName);
    }

    /// <summary>受理 a complaint (with or without both parties' consent to mediate), or start verifying a report.</summary>
    public async Task AcceptAsync(Guid id, bool mediationConsented, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c.Status != ComplaintStatus.Received)
        {
            throw ShianProblemException.Conflict("complaints.not-received", "只有待受理的件可以受理");
        }

        var today = Today;
        c.Status = ComplaintStatus.InProgress;
        c.AcceptedOn = today;
        c.Handler = db.Request.UserName;
        if (c.Kind == ComplaintKind.Complaint)
        {
            c.MediationConsented = mediationConsented;
            c.MediationEndsBy = mediationConsented ? ComplaintClock.MediationEndsBy(calendar.Current, today) : null;
            Step(c, mediationConsented ? $"已受理，双方同意调解（调解期限 {c.MediationEndsBy:yyyy-MM-dd}）" : "已受理");
        }
        else
        {
            Step(c, "已受理，正在核查");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>投诉 ↔ 举报, with the reason; the verification clock of a report counts from receipt.</summary>
    public async Task ChangeKindAsync(Guid id, ComplaintKind kind, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (!Enum.IsDefined(kind) || string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 300)
        {
            throw ShianProblemException.Invalid("complaints.kind", "请写明改变性质的理由",
                new Dictionary<string, string[]> { ["reason"] = ["请填写理由（不超过 300 字）"] });
        }

        EnsureOpen(c);
        if (c.Kind == kind)
        {
            return;
        }

        if (c.VerifiedOn is not null || c.Mediation is not null)
        {
            throw ShianProblemException.Conflict("complaints.kind-late", "已有调解或核查结果，不能再改变性质");
        }

        c.Kind = kind;
        if (kind == ComplaintKind.Report)
        {
            c.VerifyFrom = c.ReceivedOn;
            c.VerifyBy = ComplaintClock.VerifyBy(calendar.Current, c.ReceivedOn);
            c.MediationConsented = false;
            c.MediationEndsBy = null;
            await RespondentDesk.WithdrawWaitingAsync(db, notifier, people, c.Id, "该件改按举报办理", ct);
        }
        else
        {
            c.VerifyFrom = null;
            c.VerifyBy = null;
            c.VerifyExtended = false;
        }

        Step(c, $"改为{(kind == ComplaintKind.Report ? "举报" : "投诉")}：{reason.Trim()}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>不予受理 with a ground of 第十五条.</summary>
    public async Task RefuseAsync(Guid id, string? reasonCode, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        var reason = RefusalReasons.Find(reasonCode) ?? throw ShianProblemException.Invalid("complaints.refusal-reason", "请选择不予受理的理由",
            new Dictionary<string, string[]> { ["reason"] = ["请选择《投诉举报处理暂行办法》第十五条所列理由之一"] });
        if (c.Status != ComplaintStatus.Received || c.Kind != ComplaintKind.Complaint)
        {
            throw ShianProblemException.Conflict("complaints.not-refusable", "只有待受理的投诉可以不予受理（举报按核查结果办结）");
        }

        var today = Today;
        c.Status = ComplaintStatus.Refused;
        c.RefusedOn = today;
        c.ClosedOn = today;
        c.RefusalReason = RefusalReasons.Describe(reason);
        c.Handler ??= db.Request.UserName;
        Step(c, $"不予受理。{c.RefusalReason}{(string.IsNullOrWhiteSpace(note) ? "" : "。" + note.Trim())}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>检定、检验、检测、鉴定 time, not counted in the mediation period (第二十条第三款).</summary>
    public async Task PauseAsync(Guid id, int workingDays, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (workingDays is < 1 or > 120)
        {
            throw ShianProblemException.Invalid("complaints.pause-days", "不计入期限的工作日数应在 1 到 120 之间",
                new Dictionary<string, string[]> { ["workingDays"] = ["应为 1–120 的整数"] });
        }

        if (c.Status != ComplaintStatus.InProgress || c.MediationEndsBy is null || c.Mediation is not null)
        {
            throw ShianProblemException.Conflict("complaints.not-mediating", "只有调解中的投诉可以扣除检测鉴定时间");
        }

        c.PausedWorkingDays += workingDays;
        c.MediationEndsBy = ComplaintClock.MediationEndsBy(calendar.Current, c.AcceptedOn!.Value, c.PausedWorkingDays);
        Step(c, $"检测、鉴定等 {workingDays} 个工作日不计入调解期限（{reason?.Trim()}），调解期限顺延至 {c.MediationEndsBy:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The end of mediation: agreement (with the amount recovered), failure or withdrawal; both parties told within 7 working days.</summary>
    public async Task MediateAsync(Guid id, MediationOutcome outcome, decimal? amountRecovered, string? note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (!Enum.IsDefined(outcome) || amountRecovered is < 0 or > 100_000_000)
        {
            throw ShianProblemException.Invalid("complaints.mediation", "调解结果有误",
                new Dictionary<string, string[]> { ["amountRecovered"] = ["挽回经济损失应为 0 到 1 亿元"] });
        }

        if (c.Status != ComplaintStatus.InProgress || c.Kind != ComplaintKind.Complaint || c.Mediation is not null)
        {
            throw ShianProblemException.Conflict("complaints.not-mediating", "只有已受理、尚未有调解结果的投诉可以记录调解结果");
        }

        c.Mediation = outcome;
        c.AmountRecovered = outcome == MediationOutcome.Agreed ? amountRecovered : null;
        c.MediationEndedOn = Today;
        var text = outcome switch
        {
            MediationOutcome.Agreed => $"调解达成协议{(amountRecovered is > 0 ? $"，挽回经济损失 {amountRecovered:0.##} 元" : "")}",
            MediationOutcome.Failed => $"调解不成，终止调解（应于 {ComplaintClock.MediationNoticeBy(calendar.Current, Today):yyyy-MM-dd} 前告知双方）",
            _ => "投诉人撤回投诉",
        };
        Step(c, text);
        if (!string.IsNullOrWhiteSpace(note))
        {
            Step(c, note.Trim(), isPublic: false, ComplaintEntryKind.Note);
        }

        await RespondentDesk.WithdrawWaitingAsync(db, notifier, people, c.Id, "调解已结束", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A violation clue found while mediating a complaint: verified within 15 working days (第二十三条).</summary>
    public async Task FlagClueAsync(Guid id, string? what, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureOpen(c);
        if (c.Kind != ComplaintKind.Complaint || c.VerifyBy is not null)
        {
            throw ShianProblemException.Conflict("complaints.clue-exists", "该件已在核查中");
        }

        c.VerifyFrom = Today;
        c.VerifyBy = ComplaintClock.VerifyBy(calendar.Current, Today);
        Step(c, $"调解中发现违法线索，转入核查（期限 {c.VerifyBy:yyyy-MM-dd}）{(string.IsNullOrWhiteSpace(what) ? "" : "：" + what.Trim())}", isPublic: false);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>+15 working days for verification with the head's approval (处罚程序规定 第十八条).</summary>
    public async Task ExtendVerificationAsync(Guid id, string? approver, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (string.IsNullOrWhiteSpace(approver) || approver.Trim().Length > 60)
        {
            throw ShianProblemException.Invalid("complaints.extension", "延长核查期限须写明批准的负责人",
                new Dictionary<string, string[]> { ["approver"] = ["请填写批准延长的负责人"] });
        }

        EnsureOpen(c);
        if (c.VerifyBy is null || c.VerifiedOn is not null || c.VerifyExtended)
        {
            throw ShianProblemException.Conflict("complaints.not-extendable", "只有核查中、尚未延长过的件可以延长一次");
        }

        c.VerifyBy = ComplaintClock.VerifyBy(calendar.Current, c.VerifyFrom ?? c.ReceivedOn, extended: true);
        c.VerifyExtended = true;
        c.VerifyExtensionApprover = approver.Trim();
        Step(c, $"经 {c.VerifyExtensionApprover} 批准，核查期限延长 15 个工作日至 {c.VerifyBy:yyyy-MM-dd}", isPublic: false);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The result of verification. Substantiated with a registered business: the business's dynamic risk moves (event to
    /// Risk); with <paramref name="violationSuspected"/>, a case clue goes to enforcement (立案 due 15 working days from today).
    /// </summary>
    public async Task VerifyAsync(Guid id, bool substantiated, bool violationSuspected, string? findings, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (string.IsNullOrWhiteSpace(findings) || findings.Trim().Length > 1000)
        {
            throw ShianProblemException.Invalid("complaints.findings", "请填写核查情况",
                new Dictionary<string, string[]> { ["findings"] = ["请填写核查情况（不超过 1000 字）"] });
        }

        EnsureOpen(c);
        if (c.Status != ComplaintStatus.InProgress || c.VerifyBy is null || c.VerifiedOn is not null)
        {
            throw ShianProblemException.Conflict("complaints.not-verifying", "只有已受理、核查中的件可以记录核查结果");
        }

        if (violationSuspected && !substantiated)
        {
            throw ShianProblemException.Conflict("complaints.clue-needs-facts", "未查实的不能移送立案线索");
        }

        var today = Today;
        c.Substantiated = substantiated;
        c.VerifiedOn = today;
        Step(c, substantiated ? "经核查，反映问题属实" : "经核查，反映问题不属实", isPublic: true);
        Step(c, findings.Trim(), isPublic: false, ComplaintEntryKind.Note);
        if (substantiated && c.BusinessId is Guid businessId)
        {
            events.Raise(new RiskEvidenceChanged(businessId));
        }

        if (violationSuspected)
        {
            if (c.BusinessId is not Guid bid)
            {
                throw ShianProblemException.Conflict("complaints.clue-needs-business", "移送立案线索须先关联登记在册的经营者");
            }

            c.ClueRaisedOn = today;
            events.Raise(new CaseClueRaised(CaseClueSource.Complaint, c.Id, bid, c.BusinessName ?? "", c.RegionCode, today,
                CaseClock.DecisionDue(calendar.Current, today), $"{(c.Kind == ComplaintKind.Report ? "举报" : "投诉")}查实（{TrackingCodes.Display(c.TrackingCode)}）：{Truncate(findings.Trim(), 200)}"));
            Step(c, $"已移送案件线索（立案决定期限 {CaseClock.DecisionDue(calendar.Current, today):yyyy-MM-dd}）", isPublic: false);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>立案 / 不予立案 on the clue: a named reporter is told within 5 working days (第三十一条第二款).</summary>
    public async Task RecordCaseDecisionAsync(Guid id, bool opened, DateOnly decidedOn, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c.ClueRaisedOn is null)
        {
            throw ShianProblemException.Conflict("complaints.no-clue", "该件未移送案件线索");
        }

        if (decidedOn < c.ClueRaisedOn || decidedOn > Today)
        {
            throw ShianProblemException.Invalid("complaints.decided-on", "立案决定日期应在移送线索之后、今天之前",
                new Dictionary<string, string[]> { ["decidedOn"] = ["日期不在移送线索之后、今天之前"] });
        }

        c.CaseOpened = opened;
        c.CaseDecidedOn = decidedOn;
        c.ReporterToldBy = c.Kind == ComplaintKind.Report && !c.Anonymous ? ComplaintClock.ReporterNoticeBy(calendar.Current, decidedOn) : null;
        Step(c, (opened ? "已立案调查" : "决定不予立案") + $"（{decidedOn:yyyy-MM-dd}）", isPublic: true);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reply to the complainant or reporter (text and channel), shown when they track it.</summary>
    public async Task ReplyAsync(Guid id, string? text, string? channel, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            errors["reply"] = ["请填写答复内容（不超过 2000 字）"];
        }

        if (channel is not ("电话" or "短信" or "网上" or "书面"))
        {
            errors["replyChannel"] = ["请选择答复方式：电话、短信、网上或书面"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.reply", "答复有误，未保存", errors);
        }

        EnsureOpen(c);
        var today = Today;
        c.Reply = text!.Trim();
        c.ReplyChannel = channel;
        c.RepliedOn = today;
        if (c.ReporterToldBy is not null && c.ReporterToldOn is null)
        {
            c.ReporterToldOn = today;
        }

        Step(c, $"答复（{channel}）：{c.Reply}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 办结: a complaint once mediation ended, a report once verified; a named filer must have had a reply. The
    /// complaints merged into this one are closed with it, and their filers see the same outcome.
    /// </summary>
    public async Task CloseAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        EnsureOpen(c);
        var missing = new List<string>();
        if (c.Status != ComplaintStatus.InProgress)
        {
            missing.Add("尚未受理");
        }

        if (c.Kind == ComplaintKind.Complaint && c.MediationConsented && c.Mediation is null)
        {
            missing.Add("尚无调解结果");
        }

        if (c.VerifyBy is not null && c.VerifiedOn is null)
        {
            missing.Add("尚无核查结果");
        }

        if (!c.Anonymous && c.RepliedOn is null && c.Channel != ComplaintChannel.Whistleblower)
        {
            missing.Add("尚未答复投诉举报人");
        }

        if (missing.Count > 0)
        {
            throw ShianProblemException.Conflict("complaints.not-closable", "不能办结：" + string.Join("；", missing));
        }

        var today = Today;
        c.Status = ComplaintStatus.Closed;
        c.ClosedOn = today;
        Step(c, "已办结");
        await RespondentDesk.WithdrawWaitingAsync(db, notifier, people, c.Id, "投诉已办结", ct);
        foreach (var m in await db.Complaints.Where(m => m.MergedIntoId == c.Id && m.ClosedOn == null).ToListAsync(ct))
        {
            m.ClosedOn = today;
            m.Reply ??= c.Reply;
            m.RepliedOn ??= c.RepliedOn;
            Step(m, $"与 {TrackingCodes.Display(c.TrackingCode)} 一并办结{(c.Reply is null ? "" : "：" + c.Reply)}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges a duplicate into another open complaint about the same business; the duplicate's filer follows the other's outcome.</summary>
    public async Task MergeAsync(Guid id, Guid intoId, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (id == intoId)
        {
            throw ShianProblemException.Conflict("complaints.merge-self", "不能合并到自身");
        }

        var into = await LoadAsync(intoId, ct);
        EnsureOpen(c);
        EnsureOpen(into);
        if (into.MergedIntoId is not null)
        {
            throw ShianProblemException.Conflict("complaints.merge-chain", "目标件本身已被合并");
        }

        c.Status = ComplaintStatus.Merged;
        c.MergedIntoId = into.Id;
        Step(c, $"与 {TrackingCodes.Display(into.TrackingCode)} 反映同一问题，合并办理，办理结果将一并告知");
        Step(into, $"合并了重复件 {TrackingCodes.Display(c.TrackingCode)}", isPublic: false);
        await RespondentDesk.WithdrawWaitingAsync(db, notifier, people, c.Id, "投诉已与另一件合并办理", ct);
        foreach (var m in await db.Complaints.Where(m => m.MergedIntoId == c.Id).ToListAsync(ct))
        {
            m.MergedIntoId = into.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Transfers to the department with jurisdiction (第十三条, 第十二条) — another county, or a town office.</summary>
    public async Task TransferAsync(Guid id, string? regionCode, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        var errors = new Dictionary<string, string[]>();
        if (regionCode is null || !RegionCode.IsValid(regionCode) || !await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            errors["regionCode"] = ["请选择有管辖权的区县或街道"];
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 300)
        {
            errors["reason"] = ["请填写移送理由（不超过 300 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.transfer", "移送有误，未保存", errors);
        }

        EnsureOpen(c);
        if (c.RegionCode == regionCode)
        {
            throw ShianProblemException.Conflict("complaints.transfer-same", "已在该辖区办理");
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.Name).FirstAsync(ct);
        // The history and photos follow the complaint (the receiving district sees them, the sender no longer does).
        foreach (var e in await db.ComplaintEntries.Where(e => e.ComplaintId == c.Id).ToListAsync(ct))
        {
            e.RegionCode = regionCode!;
        }

        c.RegionCode = regionCode!;
        c.Handler = null;
        await RespondentDesk.WithdrawWaitingAsync(db, notifier, people, c.Id, "投诉已移送其他部门办理", ct);
        foreach (var r in await db.RespondentRequests.Where(r => r.ComplaintId == c.Id).ToListAsync(ct))
        {
            r.RegionCode = regionCode!;
        }

        Step(c, $"移送 {name} 办理：{reason!.Trim()}");

        foreach (var p in await db.ComplaintPhotos.Where(p => p.ComplaintId == c.Id).ToListAsync(ct))
        {
            p.RegionCode = regionCode!;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>An internal note, or a question to the filer (answered through tracking; a whistleblower with the follow-up key).</summary>
    public async Task NoteAsync(Guid id, string? text, bool question, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            throw ShianProblemException.Invalid("complaints.note", "请填写内容（不超过 2000 字）",
                new Dictionary<string, string[]> { ["text"] = ["请填写内容（不超过 2000 字）"] });
        }

        if (question)
        {
            EnsureOpen(c);
        }

        Step(c, text.Trim(), isPublic: question, question ? ComplaintEntryKind.Question : ComplaintEntryKind.Note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The filer's name and phone in clear, for the handling officer; every reveal is a security event in the audit chain.</summary>
    public async Task<(string? Name, string? Phone)> RevealAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("complaints.not-found", "投诉举报不存在或不在您的辖区");
        if (c.Anonymous)
        {
            return (null, null);
        }

        await audit.RecordAsync(new SecurityEvent(SecurityActions.ReadPersonal, nameof(Complaint), c.Id.ToString(), c.RegionCode,
            SecurityAudit.Details(new { fields = "name,phone", code = c.TrackingCode })), ct);
        return (personal.Reveal(c.NameSealed), personal.Reveal(c.PhoneSealed));
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
