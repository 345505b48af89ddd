using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Governance;

/// <summary>
/// 约谈: proposed when an assessment is published (seed 000) or when an overdue 督办 is escalated, or recorded by hand;
/// the issuing office records it as held (date, who attended) or not held (why).
/// </summary>
public sealed class Interviews(ShianDb db, UnitCatalogService units, TimeProvider clock)
{
    public sealed record InterviewDecision(bool Held, DateOnly? HeldOn, string? Attendees, string? Notes);

    /// <summary>Records a 约谈 directly, e.g. as escalation of an overdue 督办 notice.</summary>
    public async Task<Interview> RecordAsync(Guid? supervisionNoticeId, string? regionCode, string? subjectKey, string reason, CancellationToken ct)
    {
        var catalog = await units.LoadAsync(ct);
        SupervisionNotice? notice = null;
        if (supervisionNoticeId is Guid nid)
        {
            notice = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nid, ct)
                ?? throw ShianProblemException.NotFound("governance.supervision-not-found", "督办单不存在");
        }

        var unit = catalog.Find(notice?.UnitKey ?? subjectKey ?? "");
        var errors = new Dictionary<string, string[]>();
        if (unit is null)
        {
            errors["subjectKey"] = ["请选择约谈对象"];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["请填写约谈事由"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.interview-invalid", "约谈信息有误，未保存", errors);
        }

        var issuer = notice?.IssuerRegionCode ?? regionCode ?? RegionCode.Parent(unit!.RegionCode) ?? unit!.RegionCode;
        AssessmentService.EnsureMayManage(db, issuer);
        AssessmentService.EnsureMayManage(db, unit!.RegionCode);
        if (!RegionCode.IsValid(issuer) || !RegionCode.IsWithin(unit.RegionCode, issuer))
        {
            throw ShianProblemException.Invalid("governance.interview-invalid", "约谈对象应在约谈机关的辖区内",
                new Dictionary<string, string[]> { ["regionCode"] = ["约谈对象应在约谈机关的辖区内"] });
        }
        var interview = new Interview
        {
            RegionCode = unit!.RegionCode, IssuerRegionCode = issuer, SubjectKey = unit.Key, SubjectName = unit.Name,
            Trigger = notice?.Status == SupervisionStatus.Overdue ? InterviewTrigger.SupervisionOverdue : InterviewTrigger.Manual, Reason = reason.Trim(),
            SupervisionNoticeId = notice?.Id, Status = InterviewStatus.Proposed, ProposedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync(ct);
        return interview;
    }

    public async Task<Interview> DecideAsync(Guid id, InterviewDecision decision, CancellationToken ct)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw ShianProblemException.NotFound("governance.interview-not-found", "约谈记录不存在");
        AssessmentService.EnsureMayManage(db, interview.IssuerRegionCode);
        if (interview.Status != InterviewStatus.Proposed)
        {
            throw ShianProblemException.Conflict("governance.interview-decided", "该约谈已处理。");
        }

        var errors = new Dictionary<string, string[]>();
        if (decision.Held)
        {
            if (decision.HeldOn is not DateOnly on || on > Shian.Kernel.Calendar.ChinaTime.Today(clock))
            {
                errors["heldOn"] = ["请填写约谈日期（不晚于今天）"];
            }

            if (string.IsNullOrWhiteSpace(decision.Attendees))
            {
                errors["attendees"] = ["请填写被约谈人（主要领导、分管领导）"];
            }
        }
        else if (string.IsNullOrWhiteSpace(decision.Notes))
        {
            errors["notes"] = ["不予约谈须说明理由"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.interview-invalid", "约谈信息有误，未保存", errors);
        }

        interview.Status = decision.Held ? InterviewStatus.Held : InterviewStatus.Dismissed;
        interview.HeldOn = decision.Held ? decision.HeldOn : null;
        interview.Attendees = decision.Attendees?.Trim();
        interview.Notes = decision.Notes?.Trim();
        interview.DecidedBy = db.Request.UserName;
        interview.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return interview;
    }

    public async Task<IReadOnlyList<Interview>> ListAsync(CancellationToken ct) =>
        await db.Interviews.AsNoTracking().OrderBy(i => i.Status).ThenByDescending(i => i.ProposedAtUtc).Take(500).ToListAsync(ct);
}
