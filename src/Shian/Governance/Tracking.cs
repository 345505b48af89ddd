using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;

namespace Shian.Governance;

/// <summary>Progress reports of units on their tasks, and the status they give each assignment.</summary>
public sealed class Tracking(ShianDb db, TimeProvider clock)
{
    public sealed record ReportRequest(string UnitKey, string Text, int Percent, bool Completed, IReadOnlyDictionary<Guid, decimal>? Measurements, IReadOnlyList<Guid>? AttachmentIds, Guid? MilestoneId = null);

    /// <summary>A report's evidence file (usability finding 12: shown with the report).</summary>
    public sealed record Evidence(Guid ReportId, Guid AttachmentId, string FileName, string ContentType, string StorageKey);

    public sealed record TaskDetail(PlanTask Task, Plan Plan, IReadOnlyList<TaskAssignment> Assignments, IReadOnlyList<Milestone> Milestones,
        IReadOnlyList<Target> Targets, IReadOnlyList<ProgressReport> Reports, IReadOnlyList<TargetMeasurement> Measurements, IReadOnlyList<TaskAssignment> MyAssignments,
        IReadOnlyList<Evidence> Evidence);

    /// <summary>
    /// A task is visible to whoever sees its plan (region filter) or has an assignment on it. Read past the filter by
    /// name — reviewed: returns null (404) unless one of the two holds.
    /// </summary>
    public async Task<TaskDetail?> TaskAsync(Guid taskId, CancellationToken ct)
    {
        var mine = await db.TaskAssignments.AsNoTracking().Where(a => a.TaskId == taskId).ToListAsync(ct);
        var visibleTask = await db.PlanTasks.AsNoTracking().AnyAsync(t => t.Id == taskId, ct);
        if (mine.Count == 0 && !visibleTask)
        {
            return null;
        }

        var task = await db.PlanTasks.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var plan = await db.Plans.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().SingleAsync(p => p.Id == task.PlanId, ct);
        var all = await db.TaskAssignments.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.Role).ThenBy(a => a.Ordinal).ToListAsync(ct);
        var milestones = await db.Milestones.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(m => m.TaskId == taskId).OrderBy(m => m.Date).ToListAsync(ct);
        var targets = await db.Targets.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(m => m.TaskId == taskId).OrderBy(g => g.Ordinal).ToListAsync(ct);

        // The plan's owners and the lead units see every unit's reports; a responsible unit sees its own.
        var seesAll = visibleTask || mine.Any(a => a.Role == AssignmentRole.Lead);
        var reportsQuery = seesAll ? db.ProgressReports.IgnoreQueryFilters([RegionScope.FilterName]) : db.ProgressReports;
        var reports = await reportsQuery.AsNoTracking().Where(r => r.TaskId == taskId).OrderByDescending(r => r.ReportedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var measurements = await db.TargetMeasurements.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking().Where(m => reportIds.Contains(m.ReportId)).ToListAsync(ct);
        // The visible reports' evidence (the files of those reports only, read past the filter with them).
        var evidence = await (from e in db.ReportEvidence.AsNoTracking()
                              join a in db.Attachments.IgnoreQueryFilters([RegionScope.FilterName]).AsNoTracking() on e.AttachmentId equals a.Id
                              where reportIds.Contains(e.ReportId)
                              select new Evidence(e.ReportId, a.Id, a.FileName, a.ContentType, a.StorageKey)).ToListAsync(ct);
        return new TaskDetail(task, plan, all, milestones, targets, reports, measurements, mine, evidence);
    }

    public async Task<ProgressReport> ReportAsync(Guid taskId, ReportRequest request, CancellationToken ct)
    {
        var detail = await TaskAsync(taskId, ct) ?? throw ShianProblemException.NotFound("governance.task-not-found", "任务不存在");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["请填写进展情况"];
        }
        else if (request.Text.Length > 4000)
        {
            errors["text"] = ["进展情况不能超过 4000 字"];
        }

        if (request.Percent is < 0 or > 100)
        {
            errors["percent"] = ["完成比例应在 0 到 100 之间"];
        }
        else if (request.Completed && request.Percent is > 0 and < 100)
        {
            // A report that says both 10 % and 已完成 is contradictory: ask, rather than store 100 % (security finding 12).
            errors["percent"] = [$"完成比例 {request.Percent}% 与“已完成”矛盾：已完成的任务完成比例为 100%（可不填），未完成请取消“已完成”"];
        }

        foreach (var (targetId, value) in request.Measurements ?? new Dictionary<Guid, decimal>())
        {
            if (detail.Targets.All(t => t.Id != targetId))
            {
                errors[$"measurements[{targetId}]"] = ["该指标不属于此任务"];
            }
            else if (value < 0)
            {
                errors[$"measurements[{targetId}]"] = ["指标数值不能为负"];
            }
        }

        // Evidence is an attachment the caller may see (region filter), or one added to this unit of work (uploaded with the report).
        var attachmentIds = request.AttachmentIds ?? [];
        var found = await db.UsableAsync(attachmentIds, ct);
        foreach (var missing in attachmentIds.Except(found))
        {
            errors[$"attachmentIds[{missing}]"] = ["证明材料不存在或无权使用"];
        }

        if (request.MilestoneId is Guid milestoneId && detail.Milestones.All(m => m.Id != milestoneId))
        {
            errors["milestoneId"] = ["该时间节点不属于此任务"];
        }

        var assignment = detail.MyAssignments.FirstOrDefault(a => a.UnitKey == request.UnitKey);
        if (assignment is null)
        {
            errors["unitKey"] = ["请选择您辖区内承担此任务的单位"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.report-invalid", "进展报告有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(assignment!.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("您无权代该单位报送进展。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var completed = request.Completed || request.Percent == 100;
        var report = new ProgressReport
        {
            TaskId = taskId,
            PlanId = detail.Task.PlanId,
            UnitKey = assignment.UnitKey,
            UnitName = assignment.UnitName,
            RegionCode = assignment.RegionCode,
            Text = request.Text.Trim(),
            Percent = completed ? 100 : request.Percent,
            Completed = completed,
            MilestoneId = request.MilestoneId,
            ReportedBy = db.Request.UserName,
            ReportedAtUtc = now,
        };
        db.ProgressReports.Add(report);
        db.TargetMeasurements.AddRange((request.Measurements ?? new Dictionary<Guid, decimal>())
            .Select(m => new TargetMeasurement { ReportId = report.Id, TargetId = m.Key, RegionCode = assignment.RegionCode, Value = m.Value }));
        db.ReportEvidence.AddRange(found.Select(a => new ReportEvidence { ReportId = report.Id, AttachmentId = a }));
        await db.AttachAsync(found, now, ct);

        var tracked = await db.TaskAssignments.SingleAsync(a => a.Id == assignment.Id, ct);
        tracked.Percent = report.Percent;
        tracked.LastReportedAtUtc = now;
        var metBefore = await db.ProgressReports.Where(r => r.TaskId == taskId && r.UnitKey == assignment.UnitKey && r.MilestoneId != null).Select(r => r.MilestoneId).ToListAsync(ct);
        var open = WorkStatusRule.OpenMilestones(detail.Milestones, m => m.Id, metBefore.Append(report.MilestoneId));
        tracked.Status = WorkStatusRule.Evaluate([.. open.Select(m => m.Date)], detail.Task.Recurring, (report.Percent, report.Completed), Shian.Kernel.Calendar.ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return report;
    }
}
