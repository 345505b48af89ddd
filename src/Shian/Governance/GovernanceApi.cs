using Shian.Kernel.Audit;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Import;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Governance;

/// <summary>/api/v1/plans: preview and import work plans, read them, and a unit's tasks.</summary>
internal static class GovernanceApi
{
    public const string Resource = "plans";

    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/plans").WithTags("Plans 工作方案").Regulated(Resource);

        // columns / headerRow / unitLabel / unitVerb: the user's reading of a layout the parser did not recognise (a 422
        // governance.plan-layout-unknown answer carries "sample", the rows as read, to mark them against).
        group.MapPost("/preview", async ([FromForm] int? year, [FromForm] string? regionCode, [FromForm] string? columns, [FromForm] int? headerRow, [FromForm] string? unitLabel, [FromForm] string? unitVerb, IFormFile file, PlanImport import, CancellationToken ct) =>
        {
            var preview = await import.PreviewAsync(await RequestOf(year, regionCode, null, file, ct) with { Hint = HintOf(columns, headerRow, unitLabel, unitVerb) }, ct);
            return TypedResults.Ok(new
            {
                contentHash = preview.ContentHash,
                duplicateOf = preview.DuplicateOf,
                plan = PlanCli.ToJson(preview.Plan, preview.Catalog),
            });
        }).DisableAntiforgery().Requires(GovernancePermissions.Import).WithSummary("解析工作方案并预览（不保存）");

        group.MapPost("/", async ([FromForm] int? year, [FromForm] string? regionCode, [FromForm] string? mappings, [FromForm] string? columns, [FromForm] int? headerRow, [FromForm] string? unitLabel, [FromForm] string? unitVerb, IFormFile file, PlanImport import, CancellationToken ct) =>
        {
            // mappings: JSON object of unresolved unit name → unit key, e.g. {"各相关部门":"fso:210500000000"}; several keys separated by "," for a group name.
            var plan = await import.SaveAsync(await RequestOf(year, regionCode, mappings, file, ct) with { Hint = HintOf(columns, headerRow, unitLabel, unitVerb) }, ct);
            return TypedResults.Created($"/api/v1/plans/{plan.Id}", new { plan.Id, plan.Title, plan.Year, plan.RegionCode });
        }).DisableAntiforgery().Requires(GovernancePermissions.Import).WithSummary("导入工作方案（一次事务保存）");

        group.MapGet("/", async (GovernanceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PlansAsync(ct))).Requires(GovernancePermissions.Read);

        group.MapGet("/{id:guid}", async (Guid id, GovernanceQueries queries, WorkingDayCalendarProvider calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var view = await queries.PlanAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.plan-not-found", "工作方案不存在");
            var today = ChinaTime.Today(clock);
            return TypedResults.Ok(new
            {
                view.Plan.Id, view.Plan.Title, view.Plan.Year, view.Plan.RegionCode, view.Plan.IssuerName, view.Plan.SourceFileName, view.Plan.ImportedAtUtc,
                sections = view.Sections.Select(s => new
                {
                    s.Number, s.Title,
                    tasks = view.Tasks.Where(t => t.Task.SectionId == s.Id).Select(t => new
                    {
                        t.Task.Id, t.Task.Number, t.Task.Title, t.Task.Text, t.Task.Recurring, t.Task.TimeText,
                        lead = t.Assignments.Where(a => a.Role == Domain.AssignmentRole.Lead).Select(a => new { a.UnitKey, a.UnitName, a.RegionCode }),
                        units = t.Assignments.Where(a => a.Role == Domain.AssignmentRole.Responsible).Select(a => new { a.UnitKey, a.UnitName, a.RegionCode }),
                        unresolved = t.Unresolved.Select(u => u.Text),
                        milestones = t.Milestones.Select(m => new
                        {
                            m.Date, m.Text, m.Rule,
                            workingDaysLeft = calendar.Current.WorkingDaysBetween(today, m.Date).Days,
                        }),
                        targets = t.Targets.Select(g => new { g.Id, g.Text, g.Comparator, g.Value, g.Unit, g.Period, g.Deadline, g.IndicatorKey, indicatorConfirmed = g.IndicatorConfirmedBy != null }),
                    }),
                }),
            });
        }).Requires(GovernancePermissions.Read);

        group.MapGet("/{id:guid}/timeline", async (Guid id, GovernanceQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var view = await queries.PlanAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.plan-not-found", "工作方案不存在");
            return TypedResults.Ok(GovernanceQueries.Timeline(view, ChinaTime.Today(clock)));
        }).Requires(GovernancePermissions.Read).WithSummary("时间节点按月统计（图表数据）");

        group.MapGet("/{id:guid}/export.xlsx", async (Guid id, GovernanceQueries queries, CancellationToken ct) =>
        {
            var (view, reports) = await ExportDataAsync(queries, id, ct);
            var bytes = Export.PlanExport.Xlsx(view.Plan.Title, Export.PlanExport.Rows(view, reports));
            return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{view.Plan.Title}-进展.xlsx");
        }).Requires(GovernancePermissions.Read).AuditedExport("工作方案进展表").WithSummary("导出任务进展表（.xlsx）");

        group.MapGet("/{id:guid}/report.docx", async (Guid id, GovernanceQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var (view, reports) = await ExportDataAsync(queries, id, ct);
            var bytes = Export.PlanExport.Docx(view.Plan.Title, ChinaTime.Today(clock), Export.PlanExport.Rows(view, reports), [.. view.Tasks.SelectMany(t => t.Assignments)]);
            return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{view.Plan.Title}-进展情况通报.docx");
        }).Requires(GovernancePermissions.Read).AuditedExport("进展情况通报").WithSummary("生成进展情况通报（.docx）");

        group.MapDelete("/{id:guid}", async (Guid id, ShianDb db, CancellationToken ct) =>
        {
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ShianProblemException.NotFound("governance.plan-not-found", "工作方案不存在");
            if (!db.Request.Scope.AllowsCreateIn(plan.RegionCode))
            {
                throw ShianProblemException.RegionForbidden("只有制定该方案的食安办可以撤销它。");
            }

            // Only a mistaken import is removed: once units have reported, been supervised or scored on it, the plan
            // is part of the record (reports, 督办 and 考核 must stay traceable) and is kept.
            var used = await db.ProgressReports.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(r => r.PlanId == id, ct)
                || await db.SupervisionNotices.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(n => n.PlanId == id, ct)
                || await db.AssessmentItems.IgnoreQueryFilters([RegionScope.FilterName]).AnyAsync(i => i.PlanId == id, ct)
                || await (from i in db.AssessmentItems.IgnoreQueryFilters([RegionScope.FilterName])
                          join t in db.Targets.IgnoreQueryFilters([RegionScope.FilterName]) on i.TargetId equals t.Id
                          join task in db.PlanTasks.IgnoreQueryFilters([RegionScope.FilterName]) on t.TaskId equals task.Id
                          where task.PlanId == id
                          select i.Id).AnyAsync(ct);
            if (used)
            {
                throw ShianProblemException.Conflict("governance.plan-in-use", "该工作方案已有进展报告、督办或考核记录，不能删除；这些记录须保留备查。");
            }

            var tasks = await db.PlanTasks.Where(t => t.PlanId == id).ToListAsync(ct);
            var taskIds = tasks.Select(t => t.Id).ToList();
            db.TaskAssignments.RemoveRange(await db.TaskAssignments.IgnoreQueryFilters([RegionScope.FilterName]).Where(a => a.PlanId == id).ToListAsync(ct));
            db.PlanTasks.RemoveRange(tasks);
            db.PlanSections.RemoveRange(await db.PlanSections.Where(s => s.PlanId == id).ToListAsync(ct));
            db.Plans.Remove(plan);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).Requires(GovernancePermissions.Delete).WithSummary("删除误导入的工作方案");

        group.MapPut("/targets/{id:guid}/indicator", async (Guid id, IndicatorLinkRequest r, TargetIndicators links, CancellationToken ct) =>
        {
            var t = await links.LinkAsync(id, r.IndicatorKey, ct);
            return TypedResults.Ok(new { t.Id, t.IndicatorKey, t.IndicatorConfirmedBy });
        }).Requires(GovernancePermissions.Import).WithSummary("确认、更改或取消目标对应的指标（indicatorKey 为空即不关联；仅制定方案的食安办）");

        var tasks = app.MapGroup("/api/v1/plans/tasks").WithTags("Plans 工作方案").Regulated("plan-tasks");
        tasks.MapGet("/{id:guid}", async (Guid id, Tracking tracking, CancellationToken ct) =>
        {
            var d = await tracking.TaskAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.task-not-found", "任务不存在");
            return TypedResults.Ok(new
            {
                d.Task.Id, d.Task.PlanId, planTitle = d.Plan.Title, d.Task.Number, d.Task.Title, d.Task.Text, d.Task.Recurring,
                assignments = d.Assignments.Select(a => new { a.Id, a.UnitKey, a.UnitName, a.Role, status = a.Status, statusLabel = Domain.WorkStatusLabels.Chinese(a.Status), a.Percent, a.LastReportedAtUtc }),
                milestones = d.Milestones.Select(m => new { m.Id, m.Date, m.Text }),
                targets = d.Targets.Select(g => new { g.Id, g.Text, g.Comparator, g.Value, g.Unit, g.Period, g.Deadline }),
                reports = d.Reports.Select(r => new
                {
                    r.Id, r.UnitKey, r.UnitName, r.Text, r.Percent, r.Completed, r.MilestoneId, r.ReportedBy, r.ReportedAtUtc,
                    measurements = d.Measurements.Where(m => m.ReportId == r.Id).Select(m => new
                    {
                        m.TargetId, m.Value,
                        result = d.Targets.FirstOrDefault(t => t.Id == m.TargetId) is { } g ? Rules.TargetJudgement.Judge(g.Comparator, g.Value, m.Value) : Rules.TargetResult.Unknown,
                    }),
                }),
            });
        }).Requires(GovernancePermissions.Read).WithSummary("任务详情与各单位进展");

        tasks.MapPost("/{id:guid}/reports", async (Guid id, Tracking.ReportRequest request, Tracking tracking, CancellationToken ct) =>
        {
            var report = await tracking.ReportAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/plans/tasks/{id}", new { report.Id, report.Percent, report.Completed });
        }).Requires(GovernancePermissions.Report).WithSummary("报送任务进展");

        tasks.MapPost("/{id:guid}/supervision", async (Guid id, Supervision.IssueRequest request, Supervision supervision, CancellationToken ct) =>
        {
            var notice = await supervision.IssueAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/supervision/{notice.Id}", new { notice.Id, notice.ReplyDue, notice.ReplyDueProvisional });
        }).Requires(GovernancePermissions.Supervise).WithSummary("督办：要求单位在期限内回复");

        var supervisionGroup = app.MapGroup("/api/v1/supervision").WithTags("Supervision 督办").Regulated("supervision");
        supervisionGroup.MapGet("/", async (ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.SupervisionNotices.AsNoTracking().OrderByDescending(n => n.IssuedAtUtc).Take(200)
                .Select(n => new { n.Id, n.TaskId, n.UnitKey, n.UnitName, n.Reason, n.IssuedBy, n.IssuedAtUtc, n.ReplyDue, n.Status, n.Reply, n.RepliedAtUtc })
                .ToListAsync(ct))).Requires(GovernancePermissions.Read).WithSummary("督办单（本辖区）");
        supervisionGroup.MapPost("/{id:guid}/reply", async (Guid id, ReplyRequest request, Supervision supervision, CancellationToken ct) =>
        {
            var notice = await supervision.ReplyAsync(id, request.Reply, ct);
            return TypedResults.Ok(new { notice.Id, notice.Status, notice.RepliedAtUtc });
        }).Requires(GovernancePermissions.Reply).WithSummary("回复督办");

        group.MapGet("/tasks/mine", async (GovernanceQueries queries, WorkingDayCalendarProvider calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            var tasks = await queries.MyTasksAsync(today, ct);
            return TypedResults.Ok(tasks.Select(t => new
            {
                t.Task.Id, t.Task.PlanId, t.PlanTitle, t.Task.Number, t.Task.Text, t.Task.Recurring,
                units = t.MyAssignments.Select(a => new { a.UnitKey, a.UnitName, a.Role }),
                nextMilestone = t.NextMilestone is { } m ? new { m.Date, m.Text, workingDaysLeft = calendar.Current.WorkingDaysBetween(today, m.Date).Days } : null,
            }));
        }).Requires(GovernancePermissions.Read).WithSummary("我辖区单位承担的任务");

        return app;
    }

    public sealed record ReplyRequest(string Reply);

    private static async Task<(GovernanceQueries.PlanView View, IReadOnlyList<Domain.ProgressReport> Reports)> ExportDataAsync(GovernanceQueries queries, Guid id, CancellationToken ct)
    {
        var view = await queries.PlanAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.plan-not-found", "工作方案不存在");
        return (view, await queries.ReportsOfPlanAsync(id, ct));
    }

    private static Parsing.LayoutHint? HintOf(string? columns, int? headerRow, string? unitLabel, string? unitVerb) =>
        PlanLayoutHints.Read(columns?.Split(',', '，'), headerRow, unitLabel, unitVerb);

    private static async Task<PlanImport.Request> RequestOf(int? year, string? regionCode, string? mappingsJson, IFormFile file, CancellationToken ct)
    {
        if (file.Length > Parsing.PlanDocuments.MaxBytes)
        {
            throw new ShianProblemException(StatusCodes.Status413PayloadTooLarge, "governance.plan-too-large", "文件过大", "工作方案文件不能超过 20 MB。");
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        Dictionary<string, string>? mappings = null;
        if (!string.IsNullOrWhiteSpace(mappingsJson))
        {
            try
            {
                mappings = JsonSerializer.Deserialize<Dictionary<string, string>>(mappingsJson);
            }
            catch (JsonException)
            {
                throw ShianProblemException.Invalid("governance.mappings-invalid", "mappings 应为 JSON 对象：{\"单位名称\":\"单位编号\"}");
            }
        }

        return new PlanImport.Request(file.FileName, ms.ToArray(), year, string.IsNullOrWhiteSpace(regionCode) ? null : regionCode, mappings);
    }
}

/// <summary>The indicator a target is measured by (empty: none).</summary>
public sealed record IndicatorLinkRequest(string? IndicatorKey);
