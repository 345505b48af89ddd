using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Scoping;

namespace Shian.Governance;

/// <summary>督办: issue a notice to a unit on a task, the unit replies before a working-day deadline.</summary>
public sealed class Supervision(ShianDb db, Tracking tracking, Notifier notifier, DistrictRecipients recipients, WorkingDayCalendarProvider calendar, TimeProvider clock)
{
    public const int DefaultReplyWorkingDays = 5;

    public sealed record IssueRequest(string UnitKey, string Reason, int? ReplyWorkingDays);

    public async Task<SupervisionNotice> IssueAsync(Guid taskId, IssueRequest request, CancellationToken ct)
    {
        // Only the plan's owners (who see the plan through the region filter) press units on its tasks.
        var task = await db.PlanTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw ShianProblemException.NotFound("governance.task-not-found", "任务不存在");
        var detail = (await tracking.TaskAsync(taskId, ct))!;
        var errors = new Dictionary<string, string[]>();
        var assignment = detail.Assignments.FirstOrDefault(a => a.UnitKey == request.UnitKey);
        if (assignment is null)
        {
            errors["unitKey"] = ["请选择承担此任务的单位"];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["请填写督办事项"];
        }

        var days = request.ReplyWorkingDays ?? DefaultReplyWorkingDays;
        if (days is < 1 or > 60)
        {
            errors["replyWorkingDays"] = ["回复期限应为 1–60 个工作日"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.supervision-invalid", "督办信息有误，未发出", errors);
        }

        var today = Shian.Kernel.Calendar.ChinaTime.Today(clock);
        var due = Rules.SupervisionClock.ReplyDue(calendar.Current, today, days);
        var notice = new SupervisionNotice
        {
            TaskId = taskId,
            PlanId = task.PlanId,
            UnitKey = assignment!.UnitKey,
            UnitName = assignment.UnitName,
            RegionCode = assignment.RegionCode,
            IssuerRegionCode = task.RegionCode,
            Reason = request.Reason.Trim(),
            IssuedBy = db.Request.UserName,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
            ReplyDue = due.Date,
            ReplyWorkingDays = days,
            ReplyDueProvisional = due.Provisional,
            Status = SupervisionStatus.Open,
        };
        db.SupervisionNotices.Add(notice);
        notifier.Notify(await recipients.ForAsync(assignment.RegionCode, ct), $"督办：{assignment.UnitName}", $"{notice.Reason}（请于 {due.Date:yyyy-MM-dd} 前回复）", $"/governance/tasks/{taskId}#supervision");
        await db.SaveChangesAsync(ct);
        return notice;
    }

    public async Task<SupervisionNotice> ReplyAsync(Guid noticeId, string reply, CancellationToken ct)
    {
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.Id == noticeId, ct)
            ?? throw ShianProblemException.NotFound("governance.supervision-not-found", "督办单不存在");
        if (string.IsNullOrWhiteSpace(reply))
        {
            throw ShianProblemException.Invalid("governance.supervision-reply-invalid", "请填写回复内容", new Dictionary<string, string[]> { ["reply"] = ["请填写回复内容"] });
        }

        if (!db.Request.Scope.AllowsCreateIn(notice.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只有被督办单位所在辖区可以回复。");
        }

        if (notice.Status == SupervisionStatus.Replied)
        {
            throw ShianProblemException.Conflict("governance.supervision-already-replied", "该督办单已回复。");
        }

        notice.Reply = reply.Trim();
        notice.RepliedBy = db.Request.UserName;
        notice.RepliedAtUtc = clock.GetUtcNow().UtcDateTime;
        notice.Status = SupervisionStatus.Replied;
        notifier.Notify(await recipients.ForAsync(notice.IssuerRegionCode, ct), $"督办已回复：{notice.UnitName}", notice.Reply, $"/governance/tasks/{notice.TaskId}#supervision");
        await db.SaveChangesAsync(ct);
        return notice;
    }
}
