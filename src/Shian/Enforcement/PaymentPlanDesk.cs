using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Enforcement.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;

namespace Shian.Enforcement;

/// <summary>
/// 延期、分期缴纳 (《行政处罚法》第六十六条第二款): the party, 确有经济困难, applies in writing before the payment date — from its own
/// account, or the case officers record the paper application —, the head (not a case officer) approves a schedule or refuses
/// within 10 working days; payments then follow the schedule, and 加处罚款 runs on each part from its own date
/// (<see cref="PaymentPlans"/>). The case's <see cref="EnforcementCase.PayBy"/> follows the next unpaid part, so lists,
/// reminders and the party's portal show the date that counts.
/// </summary>
public sealed class PaymentPlanDesk(ShianDb db, WorkingDayCalendarProvider calendar, TimeProvider clock, People people, Kernel.Inbox.Notifier notifier)
{
    private DateOnly Today => ChinaTime.Today(clock);

    public sealed record View(CasePaymentPlan Plan, IReadOnlyList<CaseInstalment> Lines);

    /// <summary>The case's requests, newest first, each with its schedule when approved.</summary>
    public async Task<IReadOnlyList<View>> OfCaseAsync(Guid caseId, CancellationToken ct)
    {
        var plans = await db.CasePaymentPlans.AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.RequestedOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var lines = await db.CaseInstalments.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.Seq).ToListAsync(ct);
        return [.. plans.Select(p => new View(p, [.. lines.Where(l => l.PlanId == p.Id)]))];
    }

    private async Task<EnforcementCase> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.Stage != CaseStage.Proposed, ct)
        ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");

    /// <summary>The case officers record the party's written application (received on <paramref name="receivedOn"/>).</summary>
    public async Task<Guid> RequestAsync(Guid caseId, PaymentPlanKind? kind, string? reason, DateOnly? receivedOn, CancellationToken ct)
    {
        var c = await LoadAsync(caseId, ct);
        return await AddAsync(c, kind, reason, receivedOn, byParty: false, ct);
    }

    /// <summary>The party applies from its own account (我的企业): only its own case, only before the payment date.</summary>
    public async Task<Guid> PartyRequestAsync(Guid caseId, PaymentPlanKind? kind, string? reason, CancellationToken ct)
    {
        var c = await LoadAsync(caseId, ct);
        if (db.Request.Scope.Uscc is not { } uscc || uscc != c.BusinessUscc || c.NoticeServedOn is null)
        {
            throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        }

        return await AddAsync(c, kind, reason, Today, byParty: true, ct);
    }

    private async Task<Guid> AddAsync(EnforcementCase c, PaymentPlanKind? kind, string? reason, DateOnly? receivedOn, bool byParty, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not PaymentPlanKind k || !Enum.IsDefined(k))
        {
            errors["kind"] = ["请选择延期缴纳或分期缴纳"];
        }

        var why = Input.Clean(reason);
        if (why is null || why.Length > 1000)
        {
            errors["reason"] = ["请写明经济困难的情况和希望的缴纳安排（不超过 1000 字）"];
        }

        var today = Today;
        if (receivedOn is not DateOnly on || on > today || (c.ServedOn is DateOnly served && on < served))
        {
            errors["receivedOn"] = ["请填写收到书面申请的日期（送达决定书之后，不晚于今天）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.plan-invalid", "延期（分期）缴纳申请有误，未保存", errors);
        }

        if (c.Stage != CaseStage.Executing || c.PayBy is null || c.PaidOn is not null || c.RevokedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.plan-not-applicable", "只有已送达、尚未缴纳罚没款的处罚决定可以申请延期或分期缴纳");
        }

        if (c.PaymentPlanId is not null || await db.CasePaymentPlans.AnyAsync(p => p.CaseId == c.Id && p.Status == PaymentPlanStatus.Pending, ct))
        {
            throw ShianProblemException.Conflict("enforcement.plan-exists", c.PaymentPlanId is null ? "已有一份申请待负责人批准" : "本案已批准延期（分期）缴纳，按批准的安排缴纳");
        }

        if (receivedOn > c.PayBy)
        {
            throw ShianProblemException.Conflict("enforcement.plan-too-late", $"延期或分期缴纳应在缴款期限（{c.PayBy:yyyy-MM-dd}）届满前申请；逾期的，每日按罚款数额的 3% 加处罚款");
        }

        if (!byParty)
        {
            Cases.EnsureOfficer(c, db.Request.UserName, "登记延期（分期）缴纳申请");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new CasePaymentPlan
        {
            CaseId = c.Id, RegionCode = c.RegionCode, Kind = kind!.Value, Reason = why!, RequestedOn = receivedOn!.Value, DecideBy = PaymentPlans.DecideBy(calendar.Current, receivedOn.Value),
            RequestedBy = db.Request.UserName, ByParty = byParty, Status = PaymentPlanStatus.Pending,
        };
        db.CasePaymentPlans.Add(plan);
        c.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, $"{(byParty ? "当事人在线" : "收到当事人书面")}申请{KindText(plan.Kind)}（{plan.RequestedOn:yyyy-MM-dd}）：{why}；负责人应于 {plan.DecideBy:yyyy-MM-dd} 前决定");
        if (byParty)
        {
            notifier.Notify(await people.IdsOfAsync(c.Officers.Split('、'), ct), $"当事人申请{KindText(plan.Kind)}：{c.Party}", why!, $"/enforcement/cases/{c.Id}#payment-plan");
        }

        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public static string KindText(PaymentPlanKind k) => k == PaymentPlanKind.Deferral ? "延期缴纳" : "分期缴纳";

    /// <summary>
    /// The head approves the pending request with its schedule (one later date for a deferral, 2–12 parts for instalments,
    /// adding up to what is owed) or refuses it with the reason. Approval moves the payment date to the first part's.
    /// </summary>
    public async Task DecideAsync(Guid caseId, bool approve, IReadOnlyList<PlanLine>? schedule, string? opinion, CancellationToken ct)
    {
        var c = await LoadAsync(caseId, ct);
        var plan = await db.CasePaymentPlans.FirstOrDefaultAsync(p => p.CaseId == caseId && p.Status == PaymentPlanStatus.Pending, ct)
            ?? throw ShianProblemException.Conflict("enforcement.plan-none", "本案没有待批准的延期（分期）缴纳申请");
        var note = Input.Clean(opinion);
        var today = Today;
        var lines = (schedule ?? []).ToList();
        var owed = c.Fine + c.Confiscated;
        var errors = new Dictionary<string, string[]>();
        if (note is { Length: > 300 })
        {
            errors["opinion"] = ["意见不超过 300 字"];
        }

        if (!approve && note is null)
        {
            errors["opinion"] = ["不予批准时请写明理由"];
        }

        if (approve)
        {
            foreach (var (field, message) in PaymentPlans.Check(plan.Kind == PaymentPlanKind.Deferral, lines, owed, today))
            {
                errors[field] = [message];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.plan-decision-invalid", approve ? "缴纳安排有误，未批准" : "请写明不予批准的理由", errors);
        }

        if (c.Stage != CaseStage.Executing || c.PaidOn is not null || c.RevokedOn is not null)
        {
            throw ShianProblemException.Conflict("enforcement.plan-not-applicable", "本案已缴纳、已结案或处罚决定已撤销，无需批准");
        }

        if (Cases.IsOfficer(c, db.Request.UserName))
        {
            throw ShianProblemException.Conflict("enforcement.officer-cannot-approve", "办案人员不能批准本案的延期（分期）缴纳，请由负责人办理");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        plan.Status = approve ? PaymentPlanStatus.Approved : PaymentPlanStatus.Refused;
        plan.DecidedOn = today;
        plan.DecidedBy = db.Request.UserName;
        plan.Opinion = note;
        c.UpdatedAtUtc = now;
        var late = today > plan.DecideBy ? $"（超过决定期限 {plan.DecideBy:yyyy-MM-dd}）" : "";
        if (approve)
        {
            var seq = 0;
            foreach (var l in lines)
            {
                db.CaseInstalments.Add(new CaseInstalment { PlanId = plan.Id, CaseId = c.Id, RegionCode = c.RegionCode, Seq = ++seq, DueOn = l.DueOn, Amount = l.Amount });
            }

            c.PaymentPlanId = plan.Id;
            c.PayBy = lines[0].DueOn;
            db.AddHistory(c.Id, c.RegionCode, now, $"负责人批准{KindText(plan.Kind)}{late}：{Schedule(lines)}{(note is null ? "" : "。" + note)}（《行政处罚法》第六十六条第二款）");
        }
        else
        {
            db.AddHistory(c.Id, c.RegionCode, now, $"负责人不予批准{KindText(plan.Kind)}{late}：{note}；仍应于 {c.PayBy:yyyy-MM-dd} 前缴纳");
        }

        notifier.Notify(await people.IdsOfAsync(c.Officers.Split('、'), ct), $"{KindText(plan.Kind)}{(approve ? "已批准" : "不予批准")}：{c.Party}",
            approve ? Schedule(lines) : note!, $"/enforcement/cases/{c.Id}#payment-plan");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A schedule in words: "2026-12-31 前缴纳 1000.00 元；2027-01-31 前缴纳 1000.00 元".</summary>
    public static string Schedule(IEnumerable<PlanLine> lines) => string.Join("；", lines.Select((l, i) => $"第 {i + 1} 期 {l.DueOn:yyyy-MM-dd} 前缴纳 {l.Amount:0.00} 元"));

    /// <summary>The first unpaid part of a plan and its surcharge if paid on <paramref name="on"/> (what the payment must be), or null when all are paid.</summary>
    public static (CaseInstalment Part, decimal Surcharge)? NextPart(IReadOnlyList<CaseInstalment> rows, decimal fine, DateOnly on) =>
        rows.OrderBy(l => l.Seq).FirstOrDefault(l => l.PaidOn is null) is not { } next ? null
            : (next, PaymentPlans.SurchargeOfPart(Lines(rows.Where(l => l.PaidOn is not null)), new PlanLine(next.DueOn, next.Amount), fine, on));

    public static IReadOnlyList<PlanLine> Lines(IEnumerable<CaseInstalment> rows) => [.. rows.OrderBy(r => r.Seq).Select(r => new PlanLine(r.DueOn, r.Amount, r.PaidOn))];
}
