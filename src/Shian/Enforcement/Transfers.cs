using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;

namespace Shian.Enforcement;

/// <summary>
/// 行刑衔接: a case officer reports a suspected crime with the grounds and the evidence; the head (not a case officer)
/// approves within 3 days; the officers send the file within 24 hours, copying the procuratorate; the police's acceptance,
/// decision and feedback are recorded against their clocks; on a refusal the office may ask the police for 复议 or the
/// procuratorate for 立案监督 and the case goes on administratively; on a criminal case the administrative case is closed.
/// Each step adds a line to the case's history in the same transaction.
/// </summary>
public sealed class Transfers(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock)
{
    private DateOnly Today => ChinaTime.Today(clock);

    private static readonly CaseStage[] Transferable = [CaseStage.Investigating, CaseStage.Review, CaseStage.Notified, CaseStage.Hearing, CaseStage.Deciding, CaseStage.Decided, CaseStage.Executing];

    public static readonly string[] PoliceDecisions = ["立案侦查", "不予立案", "退回补充调查"];

    public static readonly string[] FollowUps = ["提请公安机关复议", "建议人民检察院立案监督"];

    private async Task<(EnforcementCase Case, PoliceTransfer Transfer)> LoadAsync(Guid caseId, Guid transferId, CancellationToken ct)
    {
        var t = await db.PoliceTransfers.FirstOrDefaultAsync(x => x.Id == transferId && x.CaseId == caseId, ct)
            ?? throw ShianProblemException.NotFound("enforcement.transfer-not-found", "移送记录不存在或不在您的辖区");
        var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
        return (c, t);
    }

    private void Step(EnforcementCase c, PoliceTransfer t, string text)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        c.UpdatedAtUtc = now;
        t.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, "【行刑衔接】" + text);
    }

    private void EnsureOfficer(EnforcementCase c) => Cases.EnsureOfficer(c, db.Request.UserName);

    private static void EnsureStatus(PoliceTransfer t, string what, params TransferStatus[] statuses)
    {
        if (!statuses.Contains(t.Status))
        {
            throw ShianProblemException.Conflict("enforcement.transfer-wrong-status", $"移送当前不能{what}");
        }
    }

    /// <summary>The officer's report of a suspected crime (one open transfer per case).</summary>
    public async Task<Guid> ReportAsync(Guid caseId, string? grounds, string? evidence, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.Stage != CaseStage.Proposed, ct)
            ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        var errors = new Dictionary<string, string[]>();
        var g = Input.Clean(grounds);
        var e = Input.Clean(evidence);
        if (g is null || g.Length > 2000)
        {
            errors["grounds"] = ["请写明涉嫌犯罪的事实和理由（如：足以造成严重食物中毒事故，不超过 2000 字）"];
        }

        if (e is null || e.Length > 2000)
        {
            errors["evidence"] = ["请列明移送的证据材料和涉案物品（不超过 2000 字）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.transfer-invalid", "移送报告有误，未保存", errors);
        }

        if (!Transferable.Contains(c.Stage))
        {
            throw ShianProblemException.Conflict("enforcement.wrong-stage", "案件当前阶段不能移送");
        }

        EnsureOfficer(c);
        if (await db.PoliceTransfers.AnyAsync(t => t.CaseId == caseId && t.Status != TransferStatus.Refused && t.Status != TransferStatus.NotOpened, ct))
        {
            throw ShianProblemException.Conflict("enforcement.transfer-open", "本案已有办理中的移送");
        }

        var today = Today;
        var t = new PoliceTransfer
        {
            CaseId = caseId, RegionCode = c.RegionCode, Status = TransferStatus.Proposed, Grounds = g!, Evidence = e!, ReportedBy = db.Request.UserName, ReportedOn = today,
            ApproveBy = TransferDeadlines.ApproveBy(calendar.Current, today),
        };
        db.PoliceTransfers.Add(t);
        Step(c, t, $"报告涉嫌犯罪，提请移送公安机关；负责人应于 {t.ApproveBy:yyyy-MM-dd} 前作出是否批准的决定");
        await db.SaveChangesAsync(ct);
        return t.Id;
    }

    /// <summary>The head's decision (never a case officer): approved, the file goes within 24 hours.</summary>
    public async Task DecideAsync(Guid caseId, Guid transferId, bool approve, string? opinion, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        var text = Input.Clean(opinion);
        if (text is { Length: > 1000 } || !approve && text is null)
        {
            throw ShianProblemException.Invalid("enforcement.opinion-invalid", "请填写审批意见（不批准时写明理由，不超过 1000 字）", Input.Error("opinion", "审批意见"));
        }

        EnsureStatus(t, "审批", TransferStatus.Proposed);
        if (Cases.IsOfficer(c, db.Request.UserName))
        {
            throw ShianProblemException.Conflict("enforcement.officer-cannot-approve", "办案人员不能审批本案的移送，请由负责人办理");
        }

        var today = Today;
        t.DecidedBy = db.Request.UserName;
        t.DecidedOn = today;
        t.Opinion = text;
        var late = today > t.ApproveBy ? $"（超过审批期限 {t.ApproveBy:yyyy-MM-dd}）" : "";
        if (approve)
        {
            t.Status = TransferStatus.Approved;
            t.TransferBy = TransferDeadlines.TransferBy(today);
            Step(c, t, $"负责人批准移送{late}，应于 24 小时内（{t.TransferBy:yyyy-MM-dd} 前）移送公安机关并抄送人民检察院" + (text is null ? "" : "：" + text));
        }
        else
        {
            t.Status = TransferStatus.Refused;
            Step(c, t, $"负责人不批准移送{late}：{text}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The file handed to the police (and copied to the procuratorate).</summary>
    public async Task SendAsync(Guid caseId, Guid transferId, DateOnly? sentOn, string? police, bool copiedToProcuratorate, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        var errors = new Dictionary<string, string[]>();
        var agency = Input.Clean(police);
        if (sentOn is not DateOnly on || on < t.DecidedOn || on > Today)
        {
            errors["sentOn"] = ["请填写移送日期（批准之后，不晚于今天）"];
        }

        if (agency is null || agency.Length > 200)
        {
            errors["police"] = ["请填写接受移送的公安机关"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.transfer-send-invalid", "移送信息有误，未保存", errors);
        }

        EnsureStatus(t, "登记移送", TransferStatus.Approved);
        EnsureOfficer(c);
        t.TransferredOn = sentOn;
        t.PoliceAgency = agency;
        t.CopiedToProcuratorate = copiedToProcuratorate;
        t.AcceptBy = TransferDeadlines.AcceptBy(sentOn!.Value);
        t.Status = TransferStatus.Transferred;
        var late = sentOn > t.TransferBy ? $"（超过 24 小时移送期限 {t.TransferBy:yyyy-MM-dd}）" : "";
        Step(c, t, $"{sentOn:yyyy-MM-dd} 移送{agency}{late}{(copiedToProcuratorate ? "，抄送人民检察院" : "（未抄送人民检察院）")}；公安机关应于 {t.AcceptBy:yyyy-MM-dd} 前审查受理");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The police accepted the transfer: their decision is due in 10 days.</summary>
    public async Task AcceptedAsync(Guid caseId, Guid transferId, DateOnly? acceptedOn, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        if (acceptedOn is not DateOnly on || on < t.TransferredOn || on > Today)
        {
            throw ShianProblemException.Invalid("enforcement.accepted-invalid", "请填写公安机关受理日期（移送之后，不晚于今天）", Input.Error("acceptedOn", "受理日期"));
        }

        EnsureStatus(t, "登记受理", TransferStatus.Transferred);
        EnsureOfficer(c);
        t.AcceptedOn = on;
        t.PoliceDecisionDue = TransferDeadlines.PoliceDecisionDue(on);
        t.Status = TransferStatus.Accepted;
        Step(c, t, $"公安机关 {on:yyyy-MM-dd} 受理{(on > t.AcceptBy ? $"（超过审查期限 {t.AcceptBy:yyyy-MM-dd}）" : "")}，应于 {t.PoliceDecisionDue:yyyy-MM-dd} 前作出是否立案的决定");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The police's decision and the day it reached the office (due within 3 days of the decision).</summary>
    public async Task PoliceDecisionAsync(Guid caseId, Guid transferId, string? decision, DateOnly? decidedOn, DateOnly? feedbackOn, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        var errors = new Dictionary<string, string[]>();
        if (decision is null || !PoliceDecisions.Contains(decision))
        {
            errors["decision"] = [$"请选择公安机关的决定：{string.Join("、", PoliceDecisions)}"];
        }

        if (decidedOn is not DateOnly d || d < t.TransferredOn || d > Today)
        {
            errors["decidedOn"] = ["请填写公安机关作出决定的日期（移送之后，不晚于今天）"];
        }

        if (feedbackOn is not DateOnly f || f < decidedOn || f > Today)
        {
            errors["feedbackOn"] = ["请填写收到书面通知的日期（决定之后，不晚于今天）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.police-decision-invalid", "公安机关的决定有误，未保存", errors);
        }

        EnsureStatus(t, "登记公安机关的决定", TransferStatus.Transferred, TransferStatus.Accepted);
        EnsureOfficer(c);
        t.PoliceDecision = decision;
        t.PoliceDecidedOn = decidedOn;
        t.FeedbackOn = feedbackOn;
        t.AcceptedOn ??= decidedOn;
        t.Status = decision == "立案侦查" ? TransferStatus.Opened : TransferStatus.NotOpened;
        var lateDecision = t.PoliceDecisionDue is DateOnly due && decidedOn > due ? $"（超过立案审查期限 {due:yyyy-MM-dd}）" : "";
        var lateFeedback = feedbackOn > TransferDeadlines.FeedbackBy(decidedOn!.Value) ? "（书面通知超过 3 日）" : "";
        Step(c, t, $"公安机关 {decidedOn:yyyy-MM-dd} 决定{decision}{lateDecision}，{feedbackOn:yyyy-MM-dd} 收到通知{lateFeedback}" +
            (t.Status == TransferStatus.NotOpened ? "；行政案件继续办理，可在 3 个工作日内提请复议或建议检察院立案监督" : "；行政案件可以终结"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After a refusal: 复议 asked of the police, or 立案监督 of the procuratorate.</summary>
    public async Task FollowUpAsync(Guid caseId, Guid transferId, string? followUp, DateOnly? on, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        if (followUp is null || !FollowUps.Contains(followUp) || on is not DateOnly d || d < t.FeedbackOn || d > Today)
        {
            throw ShianProblemException.Invalid("enforcement.follow-up-invalid", $"请选择{string.Join("或", FollowUps)}，并填写日期（收到通知之后，不晚于今天）", Input.Error("followUp", "复议或立案监督"));
        }

        EnsureStatus(t, "提请复议或立案监督", TransferStatus.NotOpened);
        EnsureOfficer(c);
        if (t.FollowUp is not null)
        {
            throw ShianProblemException.Conflict("enforcement.follow-up-done", $"已于 {t.FollowUpOn:yyyy-MM-dd} {t.FollowUp}");
        }

        t.FollowUp = followUp;
        t.FollowUpOn = on;
        var late = on > calendar.Current.AddWorkingDays(t.FeedbackOn!.Value, 3).Date && followUp == FollowUps[0] ? "（超过 3 个工作日）" : "";
        Step(c, t, $"{on:yyyy-MM-dd} {followUp}{late}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The police opened a criminal case: the administrative case is closed (移送司法机关), unless a penalty is being carried out.</summary>
    public async Task CloseCaseAsync(Guid caseId, Guid transferId, CancellationToken ct)
    {
        var (c, t) = await LoadAsync(caseId, transferId, ct);
        EnsureStatus(t, "终结行政案件", TransferStatus.Opened);
        EnsureOfficer(c);
        if (c.Stage is CaseStage.Closed or CaseStage.Executing or CaseStage.Decided)
        {
            throw ShianProblemException.Conflict("enforcement.wrong-stage", "已作出处罚决定的案件按决定执行后结案（行政罚款折抵刑事罚金，《行政处罚法》第三十五条）");
        }

        c.Stage = CaseStage.Closed;
        c.ClosedOn = Today;
        Step(c, t, $"公安机关已立案侦查，行政案件终结（移送司法机关处理）");
        await db.SaveChangesAsync(ct);
    }

    public Task<List<PoliceTransfer>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        db.PoliceTransfers.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.ReportedOn).ThenBy(t => t.Id).ToListAsync(ct);
}
