using Shian.Data;
using Shian.Kernel.Attachments;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Emergencies;

/// <summary>/api/v1/emergencies: direct reports (信息直报), the incidents' command steps, the rates, and the reporting network.</summary>
internal static class EmergenciesApi
{
    public sealed record ReportRequest(string? Title, string? Description, IncidentSetting Setting, string? RegionCode, Guid? BusinessId, string? BusinessName, string? Place,
        DateTimeOffset? OnsetAt, DateTimeOffset? LearnedAt, int Harmed, int Hospitalised, int Deaths, string? Symptoms, string? SuspectedFood, string? ReporterUnit, string? ReporterPhone,
        Guid? ComplaintId = null);

    public sealed record GradeRequest(int Harmed, int Hospitalised, int Deaths, int? Provinces, int? Cities, int? Towns, bool SpecialPopulation,
        IncidentGrade? DeterminedGrade, string? DeterminedBy, string? Note);

    public sealed record UpwardRequest(Guid ReportId, string? Recipients, string? Content);

    public sealed record TaskRequest(ResponseDepartment Department, string? Text, DateTimeOffset? DueAt);

    public sealed record TaskDoneRequest(Guid TaskId, string? Note);

    public sealed record NoteRequest(string? Text, bool Decision);

    public sealed record EndRequest(string? Conclusion);

    public sealed record LinkRequest(IncidentLinkKind Kind, string? Reference);

    public sealed record PlaceRequest(AffectedPlaceKind Kind, string? RegionCode, string? Name, string? Address, Guid? BusinessId, int Cases, string? Note);

    public sealed record PointRequest(ReportingPointKind Kind, string? RegionCode, string? Name, Guid? BusinessId);

    public sealed record ReporterRequest(string? UserName, string? Phone);

    public static IEndpointRouteBuilder MapEmergenciesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/emergencies").WithTags("Emergencies 应急").Regulated("incidents");
        g.MapPost("/reports", async (ReportRequest r, Incidents incidents, CancellationToken ct) =>
        {
            var receipt = await incidents.ReportAsync(new Incidents.DirectReport(r.Title, r.Description, r.Setting, r.RegionCode, r.BusinessId, r.BusinessName, r.Place, r.OnsetAt,
                r.LearnedAt, r.Harmed, r.Hospitalised, r.Deaths, r.Symptoms, r.SuspectedFood, r.ReporterUnit, r.ReporterPhone, null, r.ComplaintId), ct);
            return TypedResults.Created($"/api/v1/emergencies/incidents/{receipt.Id}", new
            {
                receipt.Id, receipt.Grade, GradeLabel = IncidentGrading.Label(receipt.Grade), receipt.ReportedLate, receipt.InitialReportDueUtc,
            });
        }).Requires(EmergenciesPermissions.Report).WithSummary("食品安全事故信息直报（单位为本单位经营场所，工作人员为本辖区；complaintId：由投诉举报转入）");
        g.MapGet("/incidents", async (IncidentStatus? status, bool? overdue, int? p, IncidentQueries queries, CancellationToken ct) =>
        {
            var page = await queries.ListAsync(status, overdue == true, p ?? 1, 50, ct);
            return TypedResults.Ok(new
            {
                page.Total, page.Open, page.Overdue,
                Items = page.Rows.Select(r => new
                {
                    r.Id, r.Title, r.RegionCode, r.Status, r.Grade, GradeLabel = IncidentGrading.Label(r.Grade), r.Setting, r.Harmed, r.Deaths, r.ReceivedAtUtc,
                    r.ReportedLate, r.NextKind, r.NextDueUtc, r.LateReports,
                }),
            });
        }).Requires(EmergenciesPermissions.Read).WithSummary("本辖区食品安全事故（未结束的按下一次报告时限排序）");
        g.MapGet("/incidents/{id:guid}", async (Guid id, IncidentQueries queries, CancellationToken ct) =>
        {
            var d = await queries.DetailAsync(id, ct) ?? throw Incidents.NotFound();
            var i = d.Incident;
            return TypedResults.Ok(new
            {
                i.Id, i.Title, i.Description, i.RegionCode, i.Setting, i.Place, i.BusinessId, i.BusinessName, i.SuspectedFood, i.Symptoms, i.OnsetAtUtc, i.LearnedAtUtc,
                i.ReceivedAtUtc, i.ReportedLate, i.Harmed, i.Hospitalised, i.Deaths, i.Provinces, i.Cities, i.Towns, i.SpecialPopulation, i.Grade,
                GradeLabel = IncidentGrading.Label(i.Grade), i.GradeDeterminedBy, i.Status, i.ReporterUnit, i.EndedAtUtc, i.Conclusion,
                Reports = d.Reports.Select(r => new { r.Id, r.Kind, r.Sequence, r.DueAtUtc, r.DueProvisional, r.SubmittedAtUtc, r.Recipients, r.Content, r.Cancelled }),
                Tasks = d.Tasks.Select(t => new { t.Id, t.Department, t.Text, t.DueAtUtc, t.AssignedAtUtc, t.DoneAtUtc, t.DoneNote }),
                Timeline = d.Entries.Select(e => new { e.AtUtc, e.Kind, e.Author, e.Text }),
                Photos = d.PhotoIds,
                Links = d.Links.Select(l => new { l.Kind, l.TargetId, l.Reference, l.Summary, l.LinkedAtUtc }),
                Places = d.Places.Select(p => new { p.Id, p.Kind, p.Name, p.Address, p.PlaceRegionCode, p.BusinessId, p.Cases, p.Note }),
                OnsetTowns = d.OnsetTowns, i.ComplaintId, i.ComplaintCode,
            });
        }).Requires(EmergenciesPermissions.Read).WithSummary("一起事故的指挥视图：报告时限、任务、时间线");
        g.MapPost("/incidents/{id:guid}/grade", async (Guid id, GradeRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.RegradeAsync(id, new Incidents.Regrade(r.Harmed, r.Hospitalised, r.Deaths, r.Provinces ?? 1, r.Cities ?? 1, r.Towns ?? 1, r.SpecialPopulation,
                r.DeterminedGrade, r.DeterminedBy, r.Note), ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("研判分级（按新的人数与范围重新分级，或记录政府认定的级别）");
        g.MapPost("/incidents/{id:guid}/upward", async (Guid id, UpwardRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.SubmitReportAsync(id, r.ReportId, r.Recipients, r.Content, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("报送首报、续报、核报或终报");
        g.MapPost("/incidents/{id:guid}/tasks", async (Guid id, TaskRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.AssignTaskAsync(id, r.Department, r.Text, r.DueAt, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("向部门部署处置任务");
        g.MapPost("/incidents/{id:guid}/tasks/done", async (Guid id, TaskDoneRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.CompleteTaskAsync(id, r.TaskId, r.Note, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("记录任务完成情况");
        g.MapPost("/incidents/{id:guid}/notes", async (Guid id, NoteRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.NoteAsync(id, r.Text, r.Decision, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("记录情况或决策");
        g.MapPost("/incidents/{id:guid}/links", async (Guid id, LinkRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.LinkAsync(id, r.Kind, r.Reference, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("关联抽样（抽样单编号）或召回（召回编号）");
        g.MapPost("/incidents/{id:guid}/places", async (Guid id, PlaceRequest r, Incidents incidents, CancellationToken ct) =>
        {
            var placeId = await incidents.AddPlaceAsync(id, new Incidents.PlaceInput(r.Kind, r.RegionCode, r.Name, r.Address, r.BusinessId, r.Cases, r.Note), ct);
            return TypedResults.Created($"/api/v1/emergencies/incidents/{id}", new { id = placeId });
        }).Requires(EmergenciesPermissions.Command).WithSummary("登记涉及场所（发病场所、救治医院、可疑食品来源与流向）");
        g.MapDelete("/incidents/{id:guid}/places/{placeId:guid}", async (Guid id, Guid placeId, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.RemovePlaceAsync(id, placeId, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("删除误登记的涉及场所");
        g.MapGet("/incidents/{id:guid}/situation-report", async (Guid id, IncidentQueries queries, Microsoft.Extensions.Options.IOptions<EmergenciesOptions> options,
            TimeProvider clock, CancellationToken ct) =>
        {
            var doc = await queries.SituationAsync(id, options.Value.Grading, ct) ?? throw Incidents.NotFound();
            return Results.File(doc.Docx(options.Value.ReportSender, Kernel.Calendar.ChinaTime.Today(clock)),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{doc.Title}.docx");
        }).Requires(EmergenciesPermissions.Read).WithSummary("事故情况报告（.docx，按下一次应报的报告起草）");
        g.MapPost("/incidents/{id:guid}/end", async (Guid id, EndRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.EndResponseAsync(id, r.Conclusion, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("结束应急响应（终报按工作日计时）");
        g.MapPost("/incidents/{id:guid}/dismiss", async (Guid id, EndRequest r, Incidents incidents, CancellationToken ct) =>
        {
            await incidents.DismissAsync(id, r.Conclusion, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Command).WithSummary("经核实排除食品安全事故");
        g.MapGet("/rates", async (DateOnly? from, DateOnly? to, IncidentQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var today = Kernel.Calendar.ChinaTime.Today(clock);
            var f = from ?? new DateOnly(today.Year, 1, 1);
            var t = to ?? today.AddDays(1);
            if (t <= f)
            {
                throw ShianProblemException.Invalid("emergencies.period", "结束日期应晚于开始日期", new Dictionary<string, string[]> { ["to"] = ["结束日期应晚于开始日期"] });
            }

            var rates = await queries.RatesAsync(f, t, ct);
            return TypedResults.Ok(rates.Select(r => new { r.RegionCode, r.Received, r.Ended, r.HandledRate, r.ReportsDue, r.ReportsOnTime, r.OnTimeRate, r.UnitLate }));
        }).Requires(EmergenciesPermissions.Read).WithSummary("应急处置率与按时报告率（按区县）");

        var n = app.MapGroup("/api/v1/emergencies/network").WithTags("Emergencies 应急").Regulated("reporting-points");
        n.MapGet("/coverage", async (string? within, ReportingNetwork network, CancellationToken ct) =>
        {
            var c = await network.CoverageAsync(within, ct);
            return TypedResults.Ok(new { Streets = c.Streets.Count, c.Covered, c.Rate, Items = c.Streets });
        }).Requires(EmergenciesPermissions.Read).WithSummary("信息直报覆盖：辖区内有在岗信息员的街道（乡镇）");
        n.MapGet("/points", async (string? within, ReportingNetwork network, CancellationToken ct) =>
        {
            var points = await network.PointsAsync(within, ct);
            return TypedResults.Ok(points.Select(p => new
            {
                p.Point.Id, p.Point.RegionCode, p.Point.Kind, p.Point.Name, p.Point.BusinessId, p.BusinessName, p.Point.Active,
                Reporters = p.Reporters.Select(r => new { r.Id, r.UserName, r.DisplayName, r.Phone }),
            }));
        }).Requires(EmergenciesPermissions.Read).WithSummary("直报点与信息员");
        n.MapPost("/points", async (PointRequest r, ReportingNetwork network, CancellationToken ct) =>
        {
            var id = await network.AddPointAsync(r.Kind, r.RegionCode, r.Name, r.BusinessId, ct);
            return TypedResults.Created($"/api/v1/emergencies/network/points/{id}", new { id });
        }).Requires(EmergenciesPermissions.Network).WithSummary("设立直报点（街道或重点监控部位）");
        n.MapPost("/points/{id:guid}/reporters", async (Guid id, ReporterRequest r, ReportingNetwork network, CancellationToken ct) =>
        {
            await network.AddReporterAsync(id, r.UserName, r.Phone, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Network).WithSummary("指定信息员");
        n.MapDelete("/points/{id:guid}/reporters/{reporterId:guid}", async (Guid id, Guid reporterId, ReportingNetwork network, CancellationToken ct) =>
        {
            await network.RemoveReporterAsync(id, reporterId, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Network).WithSummary("撤销信息员");
        return app;
    }
}

/// <summary>/api/v1/emergencies/plans and /preparedness-activities: 应急预案 versions, drills and training, and each office's cycle.</summary>
internal static class PreparednessApi
{
    public sealed record PlanRequest(string? RegionCode, PlanKind Kind, Guid? SupersedesId, string? Title, string? Version, string? DocumentNumber, DateOnly? ApprovedOn);

    public sealed record ActivityRequest(string? RegionCode, PreparednessKind Kind, string? Title, DateOnly? HeldOn, string? Form, int Participants, string? Departments,
        string? Lessons, Guid? PlanLineageId);

    public static IEndpointRouteBuilder MapPreparednessApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/emergencies/plans").WithTags("Emergencies 应急").Regulated("emergency-plans");
        plans.MapGet("/", async (Preparedness p, CancellationToken ct) => TypedResults.Ok(await p.PlansAsync(ct)))
            .Requires(EmergenciesPermissions.Read).WithSummary("本辖区应急预案与操作手册（各版本；已被修订的标明修订日期）");
        plans.MapPost("/", async (PlanRequest r, Preparedness p, CancellationToken ct) =>
        {
            var plan = await p.RecordPlanAsync(new Preparedness.PlanInput(r.RegionCode, r.Kind, r.SupersedesId, r.Title, r.Version, r.DocumentNumber, r.ApprovedOn), ct);
            return TypedResults.Created($"/api/v1/emergencies/plans/{plan.Id}", new { plan.Id, plan.LineageId, plan.ReviewDueOn });
        }).Requires(EmergenciesPermissions.Network).WithSummary("登记应急预案或操作手册的一个版本（supersedesId：修订哪一版）");
        plans.MapGet("/{id:guid}/document", async (Guid id, Preparedness p, IAttachmentStore store, CancellationToken ct) =>
            await p.DocumentAsync(id, ct) is { } a && await store.OpenReadAsync(a.StorageKey, ct) is { } stream
                ? Results.File(stream, a.ContentType, a.FileName)
                : Results.NotFound())
            .Requires(EmergenciesPermissions.Read).WithSummary("预案文本");

        var activities = app.MapGroup("/api/v1/emergencies/preparedness-activities").WithTags("Emergencies 应急").Regulated("preparedness-activities");
        activities.MapGet("/", async (Preparedness p, CancellationToken ct) => TypedResults.Ok(await p.ActivitiesAsync(200, ct)))
            .Requires(EmergenciesPermissions.Read).WithSummary("本辖区应急演练与培训");
        activities.MapPost("/", async (ActivityRequest r, Preparedness p, CancellationToken ct) =>
        {
            var a = await p.RecordActivityAsync(new Preparedness.ActivityInput(r.RegionCode, r.Kind, r.Title, r.HeldOn, r.Form, r.Participants, r.Departments, r.Lessons, r.PlanLineageId), ct);
            return TypedResults.Created($"/api/v1/emergencies/preparedness-activities/{a.Id}", new { a.Id });
        }).Requires(EmergenciesPermissions.Network).WithSummary("登记应急演练（须有评估）或培训");
        activities.MapGet("/status", async (Preparedness p, ShianDb db, CancellationToken ct) =>
            TypedResults.Ok((await p.StatusAsync([.. (await Web.OfficeRegions.OfficesAsync(db, ct, 50)).Select(o => o.Code)], ct))
                .Select(s => new { s.RegionCode, PlanId = s.Plan?.Id, PlanVersion = s.Plan?.Version, s.Status })))
            .Requires(EmergenciesPermissions.Read).WithSummary("各市、区县的预案评估、演练（每 2 年）、培训（每年）到期情况");
        return app;
    }
}

/// <summary>/api/v1/emergencies/zero-report-schedules: 零报告 schedules, the board of who reported, and the reporters' reports.</summary>
internal static class ZeroReportApi
{
    public sealed record ScheduleRequest(string? Title, string? RegionCode, ZeroReportFrequency Frequency, int DueHour, int DueOffsetDays, bool WorkingDaysOnly,
        bool IncludeKeySites, DateOnly? From, DateOnly? Until, string? Basis);

    public sealed record ZeroReportRequest(Guid PointId, DateOnly PeriodStart, string? Note);

    public static IEndpointRouteBuilder MapZeroReportApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/emergencies/zero-report-schedules").WithTags("Emergencies 应急").Regulated("zero-report-schedules");
        g.MapGet("/", async (ZeroReporting z, CancellationToken ct) => TypedResults.Ok((await z.SchedulesAsync(ct)).Select(s => new
            {
                s.Id, s.RegionCode, s.Title, s.Frequency, s.DueHour, s.DueOffsetDays, s.WorkingDaysOnly, s.IncludeKeySites, s.From, s.Until, s.Basis,
            })))
            .Requires(EmergenciesPermissions.Read).WithSummary("本辖区的零报告制度");
        g.MapPost("/", async (ScheduleRequest r, ZeroReporting z, CancellationToken ct) =>
        {
            var id = await z.AddScheduleAsync(new ZeroReporting.ScheduleInput(r.Title, r.RegionCode, r.Frequency, r.DueHour, r.DueOffsetDays, r.WorkingDaysOnly, r.IncludeKeySites,
                r.From, r.Until, r.Basis), ct);
            return TypedResults.Created($"/api/v1/emergencies/zero-report-schedules/{id}", new { id });
        }).Requires(EmergenciesPermissions.Network).WithSummary("设定零报告制度（按区县或市；每日/每周/每月，截止时刻与期限）");
        g.MapPost("/{id:guid}/end", async (Guid id, ZeroReporting z, CancellationToken ct) =>
        {
            await z.EndScheduleAsync(id, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Network).WithSummary("结束零报告制度（至今日）");
        g.MapGet("/{id:guid}/board", async (Guid id, ZeroReporting z, CancellationToken ct) =>
        {
            var b = await z.BoardAsync(id, ct);
            var (onTime, owed) = b.Timeliness;
            return TypedResults.Ok(new
            {
                Periods = b.Periods.Select(p => new { p.Start, p.End, p.DueUtc, p.Label }),
                OnTime = onTime, Owed = owed,
                Points = b.Rows.Select(r => new { r.Point.Id, r.Point.Name, r.Point.RegionCode, r.Point.Kind, r.Reporters, States = r.States }),
            });
        }).Requires(EmergenciesPermissions.Read).WithSummary("零报告报送情况：各直报点最近 6 个周期（按时/补报/有事件/缺报/待报）");
        g.MapGet("/mine", async (ZeroReporting z, CancellationToken ct) => TypedResults.Ok((await z.MineAsync(ct)).Select(o => new
            {
                ScheduleId = o.Schedule.Id, o.Schedule.Title, PointId = o.Point.Id, PointName = o.Point.Name, o.Period.Start, o.Period.End, o.Period.DueUtc, o.Period.Label, o.State,
            })))
            .Requires(EmergenciesPermissions.Report).WithSummary("本人作为信息员应报的零报告（本期及未报的周期）");
        g.MapPost("/{id:guid}/reports", async (Guid id, ZeroReportRequest r, ZeroReporting z, CancellationToken ct) =>
        {
            await z.SubmitAsync(id, r.PointId, r.PeriodStart, r.Note, ct);
            return TypedResults.NoContent();
        }).Requires(EmergenciesPermissions.Report).WithSummary("报送零报告（信息员为本直报点；管理直报网络的工作人员可代录电话报送）");
        return app;
    }
}
