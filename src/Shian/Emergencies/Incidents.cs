using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Emergencies;

/// <summary>
/// 信息直报 and 应急指挥: a direct report becomes an incident, graded on the local plan's criteria, with its upward reports on
/// their hour clocks; officers re-grade it as the numbers change, give tasks to departments, send each report, end the
/// response and send the final report. Every step is validated first, then written with its timeline line in one transaction.
/// </summary>
public sealed class Incidents(ShianDb db, IOptions<EmergenciesOptions> options, WorkingDayCalendarProvider calendar, TimeProvider clock,
    IBusinessDirectory directory, AttachmentWriter attachments, Notifier notifier, DistrictRecipients recipients,
    Sampling.Contracts.ISampleLookup samples, Traceability.Contracts.IRecallLookup recalls, Complaints.Contracts.IComplaintTips tips, Kernel.Events.DomainEvents events)
{
    public sealed record Photo(string FileName, byte[] Content);

    /// <summary>What a reporter says. Times are as the reporter states them (with their offset; the forms use Beijing time).</summary>
    public sealed record DirectReport(string? Title, string? Description, IncidentSetting Setting, string? RegionCode, Guid? BusinessId, string? BusinessName, string? Place,
        DateTimeOffset? OnsetAt, DateTimeOffset? LearnedAt, int Harmed, int Hospitalised, int Deaths, string? Symptoms, string? SuspectedFood, string? ReporterUnit,
        string? ReporterPhone, IReadOnlyList<Photo>? Photos = null, Guid? ComplaintId = null);

    public sealed record Receipt(Guid Id, IncidentGrade? Grade, bool ReportedLate, DateTime InitialReportDueUtc);

    /// <summary>New numbers (and, when a government has determined it, the grade and who determined it).</summary>
    public sealed record Regrade(int Harmed, int Hospitalised, int Deaths, int Provinces, int Cities, int Towns, bool SpecialPopulation,
        IncidentGrade? DeterminedGrade, string? DeterminedBy, string? Note);

    private EmergenciesOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool IsSpecialPopulation(IncidentSetting s) => s is IncidentSetting.School or IncidentSetting.Kindergarten or IncidentSetting.ElderlyHome;

    public async Task<Receipt> ReportAsync(DirectReport r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var now = Now;
        var title = r.Title?.Trim();
        var description = r.Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > 4000)
        {
            errors["description"] = ["请描述发生了什么（不超过 4000 字）：就餐时间、发病情况、处置情况"];
        }

        if (title is { Length: > 100 })
        {
            errors["title"] = ["标题不能超过 100 字"];
        }

        if (!Enum.IsDefined(r.Setting))
        {
            errors["setting"] = ["请选择发生场所"];
        }

        CheckNumbers(errors, r.Harmed, r.Hospitalised, r.Deaths);

        if (r.LearnedAt is not { } learned)
        {
            errors["learnedAt"] = ["请填写本单位获知的时间"];
        }
        else if (learned.UtcDateTime > now.AddMinutes(5))
        {
            errors["learnedAt"] = ["获知时间不能晚于现在"];
        }
        else if (learned.UtcDateTime < now.AddDays(-30))
        {
            errors["learnedAt"] = ["获知时间早于 30 天前：请按补报处理，在说明中写明原因"];
        }

        if (r.OnsetAt is { } onset && (onset.UtcDateTime > now.AddMinutes(5) || (r.LearnedAt is { } l && onset > l)))
        {
            errors["onsetAt"] = ["首例发病时间不能晚于获知时间或现在"];
        }

        foreach (var (field, value, max, label) in new[] { ("symptoms", r.Symptoms, 500, "主要症状"), ("suspectedFood", r.SuspectedFood, 200, "可疑食品"), ("place", r.Place, 300, "地点"),
                     ("businessName", r.BusinessName, 200, "涉事单位名称"), ("reporterUnit", r.ReporterUnit, 100, "报告单位"), ("reporterPhone", r.ReporterPhone, 24, "联系电话") })
        {
            if (value?.Trim().Length > max)
            {
                errors[field] = [$"{label}不能超过 {max} 字"];
            }
        }

        if ((r.Photos?.Count ?? 0) > Options.MaxPhotos)
        {
            errors["photos"] = [$"照片最多 {Options.MaxPhotos} 张"];
        }

        // Where: a business reports for one of its own sites; staff for a register business of their districts, or a street/county they cover.
        var scope = db.Request.Scope;
        BusinessIdentity? business = null;
        if (scope.Uscc is { } uscc && !scope.Unrestricted && scope.Prefixes.Count == 0)
        {
            var sites = await directory.WithUsccAsync(uscc, ct);
            business = r.BusinessId is { } b ? sites.FirstOrDefault(s => s.Id == b) : sites.Count == 1 ? sites[0] : null;
            if (business is null)
            {
                errors["businessId"] = ["请选择发生事件的本单位经营场所"];
            }
        }
        else if (r.BusinessId is { } bid)
        {
            business = (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault();
            if (business is null)
            {
                errors["businessId"] = ["所选经营者不存在或不在您的辖区；可只填写名称"];
            }
        }

        var region = business?.RegionCode ?? r.RegionCode?.Trim();
        if (region is null || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct))
        {
            errors["regionCode"] = ["请选择发生地所在的街道（乡镇）或区县"];
        }
        else if (business is null && !scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden("发生地不在您的辖区：请报告所在地的市场监管部门");
        }

        // Escalating a complaint or report (a public tip): it must be one of the caller's regions, and escalated once.
        Complaints.Contracts.ComplaintTip? tip = null;
        if (r.ComplaintId is { } complaintId)
        {
            tip = await tips.FindAsync(complaintId, ct);
            if (tip is null)
            {
                errors["complaintId"] = ["所转投诉举报不存在或不在您的辖区"];
            }
            else if (tip.IncidentId is not null || await db.Incidents.AnyAsync(i => i.ComplaintId == complaintId, ct))
            {
                throw ShianProblemException.Conflict("emergencies.tip-escalated", $"投诉举报 {tip.TrackingCode} 已转为事故处置");
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.report-invalid", "报告内容有误，请按提示修改", errors);
        }

        var learnedAt = r.LearnedAt!.Value.UtcDateTime;
        var limits = Options.Reporting;
        var setting = r.Setting;
        var incident = new Incident
        {
            RegionCode = region!,
            Title = string.IsNullOrEmpty(title) ? $"{business?.Name ?? r.BusinessName?.Trim() ?? r.Place?.Trim() ?? "不明地点"}疑似食源性疾病事件（{r.Harmed} 人）" : title,
            Description = description!,
            Setting = setting,
            Place = Clean(r.Place) ?? business?.Address,
            BusinessId = business?.Id,
            BusinessName = business?.Name ?? Clean(r.BusinessName),
            SuspectedFood = Clean(r.SuspectedFood),
            Symptoms = Clean(r.Symptoms),
            OnsetAtUtc = r.OnsetAt?.UtcDateTime,
            LearnedAtUtc = learnedAt,
            ReceivedAtUtc = now,
            ReportedLate = IncidentClock.UnitReportedLate(learnedAt, now, limits),
            Harmed = r.Harmed,
            Hospitalised = r.Hospitalised,
            Deaths = r.Deaths,
            SpecialPopulation = IsSpecialPopulation(setting),
            Status = IncidentStatus.Reported,
            ReportedBy = db.Request.UserName,
            ReporterUnit = Clean(r.ReporterUnit),
            ReporterPhone = Clean(r.ReporterPhone),
            ComplaintId = tip?.Id,
            ComplaintCode = tip?.TrackingCode,
            ReportingPointId = await db.PointReporters.AsNoTracking()
                .Where(p => p.UserName == db.Request.UserName && p.RemovedAtUtc == null && p.RegionCode == region)
                .Select(p => (Guid?)p.PointId).FirstOrDefaultAsync(ct),
        };
        var graded = IncidentGrading.Grade(incident.Facts, Options.Grading);
        incident.Grade = graded.Grade;
        incident.GradedAtUtc = now;
        db.Incidents.Add(incident);
        var initial = new UpwardReport
        {
            IncidentId = incident.Id, RegionCode = incident.RegionCode, Kind = UpwardReportKind.Initial, Sequence = 1,
            DueAtUtc = IncidentClock.InitialDue(now, incident.Grade, limits),
        };
        db.UpwardReports.Add(initial);
        Entry(incident, IncidentEntryKind.Report, $"接报：{incident.Harmed} 人发病、{incident.Hospitalised} 人住院、{incident.Deaths} 人死亡"
            + (incident.ReportedLate ? $"；获知后超过 {limits.UnitReportHours} 小时才报告（缓报）" : ""));
        Entry(incident, IncidentEntryKind.Grade, $"初步研判：{IncidentGrading.Label(incident.Grade)}（{graded.Reason}）");
        if (tip is not null)
        {
            Entry(incident, IncidentEntryKind.Link, $"由投诉举报 {tip.TrackingCode}（{Beijing(tip.ReceivedAtUtc):yyyy-MM-dd HH:mm} 接收）转为事故处置");
            events.Raise(new Contracts.IncidentOpenedFromComplaint(tip.Id, incident.Id, incident.Title, IncidentGrading.Label(incident.Grade), now));
        }

        var stored = new List<Attachment>();
        try
        {
            foreach (var p in r.Photos ?? [])
            {
                var a = await attachments.AddAsync(incident.RegionCode, null, p.FileName, p.Content, ct);
                stored.Add(a);
                db.IncidentPhotos.Add(new IncidentPhoto { IncidentId = incident.Id, AttachmentId = a.Id, RegionCode = incident.RegionCode });
            }

            notifier.Notify(await recipients.ForAsync(incident.RegionCode, ct), $"事故直报：{incident.Title}",
                $"{IncidentGrading.Label(incident.Grade)} · 首报时限 {Beijing(initial.DueAtUtc):MM-dd HH:mm}", $"/emergencies/{incident.Id}");
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await attachments.DiscardAsync(stored);
            throw;
        }

        return new Receipt(incident.Id, incident.Grade, incident.ReportedLate, initial.DueAtUtc);
    }

    /// <summary>New facts or a government's determination: the grade in force changes, and a raise brings the upward reports forward.</summary>
    public async Task RegradeAsync(Guid id, Regrade r, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        CheckNumbers(errors, r.Harmed, r.Hospitalised, r.Deaths);

        if (r.Provinces is < 1 or > 40 || r.Cities is < 1 or > 500 || r.Towns is < 1 or > 10_000)
        {
            errors["towns"] = ["涉及的省、市、乡镇数应至少为 1"];
        }

        if (r.DeterminedGrade is { } dg && !Enum.IsDefined(dg))
        {
            errors["determinedGrade"] = ["请选择认定的级别"];
        }

        var determinedBy = Clean(r.DeterminedBy);
        if (r.DeterminedGrade is not null && (determinedBy is null || determinedBy.Length > 200))
        {
            errors["determinedBy"] = ["认定级别请写明认定的人民政府或机构及文件（不超过 200 字）"];
        }

        if (r.Note?.Trim().Length > 500)
        {
            errors["note"] = ["说明不能超过 500 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.grade-invalid", "研判内容有误，请按提示修改", errors);
        }

        var now = Now;
        var before = incident.Grade;
        incident.Harmed = r.Harmed;
        incident.Hospitalised = r.Hospitalised;
        incident.Deaths = r.Deaths;
        incident.Provinces = r.Provinces;
        incident.Cities = r.Cities;
        incident.Towns = r.Towns;
        incident.SpecialPopulation = r.SpecialPopulation;
        var computed = IncidentGrading.Grade(incident.Facts, Options.Grading);
        incident.Grade = r.DeterminedGrade ?? computed.Grade;
        incident.GradeDeterminedBy = r.DeterminedGrade is null ? null : determinedBy;
        incident.GradedAtUtc = now;
        if (incident.Status == IncidentStatus.Reported)
        {
            incident.Status = IncidentStatus.Responding;
        }

        var reason = r.DeterminedGrade is null ? computed.Reason : $"{determinedBy}认定";
        Entry(incident, IncidentEntryKind.Grade, $"研判：{incident.Harmed} 人发病、{incident.Hospitalised} 人住院、{incident.Deaths} 人死亡 → {IncidentGrading.Label(incident.Grade)}（{reason}）"
            + (Clean(r.Note) is { } note ? $"；{note}" : ""));
        if (IncidentGrading.IsRaise(before, incident.Grade))
        {
            var limits = Options.Reporting;
            var reports = await db.UpwardReports.Where(x => x.IncidentId == id).ToListAsync(ct);
            if (reports.FirstOrDefault(x => x.Kind == UpwardReportKind.Initial && x.SubmittedAtUtc == null && !x.Cancelled) is { } pending)
            {
                pending.DueAtUtc = IncidentClock.InitialDueAfterRegrade(pending.DueAtUtc, now, incident.Grade, limits);
            }
            else
            {
                db.UpwardReports.Add(new UpwardReport
                {
                    IncidentId = id, RegionCode = incident.RegionCode, Kind = UpwardReportKind.Escalation,
                    Sequence = reports.Count(x => x.Kind == UpwardReportKind.Escalation) + 1, DueAtUtc = IncidentClock.EscalationDue(now, incident.Grade, limits),
                });
                Entry(incident, IncidentEntryKind.Upward, $"级别上调，须在 {IncidentClock.UpwardHours(incident.Grade, limits)} 小时内报告（核报）");
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends a pending upward report; the next 续报 falls due while the response lasts.</summary>
    public async Task SubmitReportAsync(Guid id, Guid reportId, string? recipientsText, string? content, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var to = Clean(recipientsText) ?? Options.DefaultRecipients;
        var text = Clean(content);
        if (text is null || text.Length > 4000 || to.Length > 200)
        {
            throw ShianProblemException.Invalid("emergencies.upward-invalid", "请填写报告内容（不超过 4000 字）与报送对象（不超过 200 字）",
                new Dictionary<string, string[]> { [text is null || text.Length > 4000 ? "content" : "recipients"] = [text is null ? "请填写报告内容" : "内容过长"] });
        }

        var report = await db.UpwardReports.FirstOrDefaultAsync(x => x.Id == reportId && x.IncidentId == id, ct)
                     ?? throw ShianProblemException.NotFound("emergencies.report-not-found", "该报告不存在");
        if (report.SubmittedAtUtc is not null || report.Cancelled)
        {
            throw ShianProblemException.Conflict("emergencies.report-done", "该报告已报送（或已无需报送）");
        }

        var now = Now;
        report.SubmittedAtUtc = now;
        report.SubmittedBy = db.Request.UserName;
        report.Recipients = to;
        report.Content = text;
        var late = now > report.DueAtUtc;
        Entry(incident, IncidentEntryKind.Upward, $"已报送{KindLabel(report.Kind)}{(report.Kind == UpwardReportKind.Progress ? $"（第 {report.Sequence} 次）" : "")}至{to}"
            + (late ? $"，超过时限 {Hours(now - report.DueAtUtc)}" : "，在时限内"));
        if (report.Kind != UpwardReportKind.Final && incident.Status is IncidentStatus.Reported or IncidentStatus.Responding
            && !await db.UpwardReports.AnyAsync(x => x.IncidentId == id && x.Kind == UpwardReportKind.Progress && x.SubmittedAtUtc == null && !x.Cancelled, ct))
        {
            var last = await db.UpwardReports.Where(x => x.IncidentId == id && x.Kind == UpwardReportKind.Progress).MaxAsync(x => (int?)x.Sequence, ct) ?? 0;
            db.UpwardReports.Add(new UpwardReport
            {
                IncidentId = id, RegionCode = incident.RegionCode, Kind = UpwardReportKind.Progress, Sequence = last + 1,
                DueAtUtc = IncidentClock.NextProgressDue(now, Options.Reporting),
            });
        }

        incident.UpdatedAtUtc = now;
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignTaskAsync(Guid id, ResponseDepartment department, string? text, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var t = Clean(text);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(department))
        {
            errors["department"] = ["请选择承办部门"];
        }

        if (t is null || t.Length > 500)
        {
            errors["taskText"] = ["请写明任务（不超过 500 字）"];
        }

        if (dueAt is { } d && d.UtcDateTime < Now.AddMinutes(-5))
        {
            errors["dueAt"] = ["完成时限不能早于现在"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.task-invalid", "任务内容有误，请按提示修改", errors);
        }

        var now = Now;
        db.IncidentTasks.Add(new IncidentTask
        {
            IncidentId = id, RegionCode = incident.RegionCode, Department = department, Text = t!, DueAtUtc = dueAt?.UtcDateTime,
            AssignedBy = db.Request.UserName, AssignedAtUtc = now,
        });
        if (incident.Status == IncidentStatus.Reported)
        {
            incident.Status = IncidentStatus.Responding;
        }

        Entry(incident, IncidentEntryKind.Task, $"部署{DepartmentLabel(department)}：{t}" + (dueAt is { } due ? $"（{Beijing(due.UtcDateTime):MM-dd HH:mm} 前）" : ""));
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteTaskAsync(Guid id, Guid taskId, string? note, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var n = Clean(note);
        if (n is null || n.Length > 1000)
        {
            throw ShianProblemException.Invalid("emergencies.task-note", "请写明完成情况（不超过 1000 字）", new Dictionary<string, string[]> { ["doneNote"] = ["请写明完成情况"] });
        }

        var task = await db.IncidentTasks.FirstOrDefaultAsync(x => x.Id == taskId && x.IncidentId == id, ct)
                   ?? throw ShianProblemException.NotFound("emergencies.task-not-found", "该任务不存在");
        if (task.DoneAtUtc is not null)
        {
            throw ShianProblemException.Conflict("emergencies.task-done", "该任务已完成");
        }

        task.DoneAtUtc = Now;
        task.DoneBy = db.Request.UserName;
        task.DoneNote = n;
        Entry(incident, IncidentEntryKind.Task, $"{DepartmentLabel(task.Department)}完成：{task.Text} — {n}");
        await db.SaveChangesAsync(ct);
    }

    public async Task NoteAsync(Guid id, string? text, bool decision, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var t = Clean(text);
        if (t is null || t.Length > 2000)
        {
            throw ShianProblemException.Invalid("emergencies.note", "请填写内容（不超过 2000 字）", new Dictionary<string, string[]> { ["noteText"] = ["请填写内容"] });
        }

        Entry(incident, decision ? IncidentEntryKind.Decision : IncidentEntryKind.Note, t);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends the response: pending 续报 are no longer due, the 终报 is (working days on the statutory calendar).</summary>
    public async Task EndResponseAsync(Guid id, string? conclusion, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var c = Clean(conclusion);
        if (c is null || c.Length > 2000)
        {
            throw ShianProblemException.Invalid("emergencies.conclusion", "请写明处置结果（不超过 2000 字）", new Dictionary<string, string[]> { ["conclusion"] = ["请写明处置结果"] });
        }

        var reports = await db.UpwardReports.Where(x => x.IncidentId == id).ToListAsync(ct);
        if (reports.Any(x => x.Kind is UpwardReportKind.Initial or UpwardReportKind.Escalation && x.SubmittedAtUtc == null && !x.Cancelled))
        {
            throw ShianProblemException.Conflict("emergencies.initial-pending", "首报（或核报）尚未报送，不能结束响应");
        }

        if (await db.IncidentTasks.AnyAsync(x => x.IncidentId == id && x.DoneAtUtc == null, ct))
        {
            throw ShianProblemException.Conflict("emergencies.tasks-open", "还有未完成的处置任务，不能结束响应");
        }

        var now = Now;
        foreach (var p in reports.Where(x => x.Kind == UpwardReportKind.Progress && x.SubmittedAtUtc == null && !x.Cancelled))
        {
            p.Cancelled = true;
        }

        var (due, provisional) = IncidentClock.FinalDue(calendar.Current, now, Options.Reporting);
        db.UpwardReports.Add(new UpwardReport { IncidentId = id, RegionCode = incident.RegionCode, Kind = UpwardReportKind.Final, Sequence = 1, DueAtUtc = due, DueProvisional = provisional });
        incident.Status = IncidentStatus.Closed;
        incident.EndedAtUtc = now;
        incident.Conclusion = c;
        Entry(incident, IncidentEntryKind.Status, $"应急响应结束：{c}；终报须在 {Beijing(due):yyyy-MM-dd} 前报送");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Not a food-safety incident after verification: pending reports are no longer due.</summary>
    public async Task DismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var c = Clean(reason);
        if (c is null || c.Length > 2000)
        {
            throw ShianProblemException.Invalid("emergencies.dismiss", "请写明排除的理由与依据（不超过 2000 字）", new Dictionary<string, string[]> { ["conclusion"] = ["请写明理由"] });
        }

        foreach (var p in await db.UpwardReports.Where(x => x.IncidentId == id && x.SubmittedAtUtc == null && !x.Cancelled).ToListAsync(ct))
        {
            p.Cancelled = true;
        }

        incident.Status = IncidentStatus.Dismissed;
        incident.EndedAtUtc = Now;
        incident.Conclusion = c;
        Entry(incident, IncidentEntryKind.Status, $"经核实排除食品安全事故：{c}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Links a sample (抽样单编号) or a recall (召回编号) of the caller's regions: the incident's samples of the suspected food
    /// and the recall of its lot. Found through the other module's contract; once per record.
    /// </summary>
    public async Task LinkAsync(Guid id, IncidentLinkKind kind, string? reference, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        var r = Clean(reference);
        if (!Enum.IsDefined(kind) || r is null || r.Length > 40)
        {
            throw ShianProblemException.Invalid("emergencies.link-invalid", "请选择关联类型并填写抽样单编号或召回编号",
                new Dictionary<string, string[]> { [Enum.IsDefined(kind) ? "reference" : "kind"] = ["请填写抽样单编号或召回编号（不超过 40 字）"] });
        }

        (Guid Id, string Code, string Summary)? found = kind == IncidentLinkKind.Sample
            ? await samples.FindByCodeAsync(r, ct) is { } sm ? (sm.Id, sm.Code, $"{sm.ProductName} · {sm.BusinessName} · {sm.SampledOn:yyyy-MM-dd} 抽样 · {sm.State}") : null
            : await recalls.FindByNumberAsync(r, ct) is { } rc ? (rc.Id, rc.Number, $"{rc.ProductName}{(rc.Lot is null ? "" : $"（批号 {rc.Lot}）")} · {rc.BusinessName} · {rc.State}") : null;
        if (found is not { } f)
        {
            throw ShianProblemException.Invalid("emergencies.link-not-found", kind == IncidentLinkKind.Sample ? "辖区内没有这个抽样单编号" : "辖区内没有这个召回编号",
                new Dictionary<string, string[]> { ["reference"] = [kind == IncidentLinkKind.Sample ? "辖区内没有这个抽样单编号" : "辖区内没有这个召回编号"] });
        }

        if (await db.IncidentLinks.AnyAsync(l => l.IncidentId == id && l.Kind == kind && l.TargetId == f.Id, ct))
        {
            throw ShianProblemException.Conflict("emergencies.link-exists", "已关联");
        }

        var summary = f.Summary.Length > 300 ? f.Summary[..300] : f.Summary;
        db.IncidentLinks.Add(new IncidentLink
        {
            IncidentId = id, RegionCode = incident.RegionCode, Kind = kind, TargetId = f.Id, Reference = f.Code, Summary = summary,
            LinkedBy = db.Request.UserName, LinkedAtUtc = Now,
        });
        Entry(incident, IncidentEntryKind.Link, $"关联{(kind == IncidentLinkKind.Sample ? "抽样" : "召回")} {f.Code}：{summary}");
        await db.SaveChangesAsync(ct);
    }

    public sealed record PlaceInput(AffectedPlaceKind Kind, string? RegionCode, string? Name, string? Address, Guid? BusinessId, int Cases, string? Note);

    /// <summary>
    /// A place the incident touches (where people fell ill or are treated, where the food came from or went), with its
    /// street and cases: the command's list and chart, and the towns the grade's spread counts. A register business of the
    /// caller's regions names it; a place elsewhere (a hospital in the next county) is named by hand with its region.
    /// </summary>
    public async Task<Guid> AddPlaceAsync(Guid id, PlaceInput p, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(p.Kind))
        {
            errors["placeKind"] = ["请选择场所类型"];
        }

        BusinessIdentity? business = null;
        if (p.BusinessId is { } bid && (business = (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault()) is null)
        {
            errors["businessId"] = ["所选经营者不存在或不在您的辖区；可只填写名称"];
        }

        var name = Clean(p.Name) ?? business?.Name;
        if (name is null || name.Length > 200)
        {
            errors["placeName"] = ["请填写场所名称（不超过 200 字）"];
        }

        var address = Clean(p.Address) ?? business?.Address;
        if (address is { Length: > 300 })
        {
            errors["address"] = ["地址不能超过 300 字"];
        }

        var region = Clean(p.RegionCode) ?? business?.RegionCode;
        if (region is null || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors["placeRegion"] = ["请选择场所所在的街道（乡镇）或区县"];
        }

        if (p.Cases is < 0 or > 1_000_000)
        {
            errors["cases"] = ["人数应为 0 至 1000000"];
        }

        var note = Clean(p.Note);
        if (note is { Length: > 500 })
        {
            errors["placeNote"] = ["说明不能超过 500 字"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.place-invalid", "涉及场所信息有误，请按提示修改", errors);
        }

        var place = new IncidentPlace
        {
            IncidentId = id, RegionCode = incident.RegionCode, PlaceRegionCode = region!, Kind = p.Kind, Name = name!, Address = address,
            BusinessId = business?.Id, Cases = p.Cases, Note = note, AddedBy = db.Request.UserName, AddedAtUtc = Now,
        };
        db.IncidentPlaces.Add(place);
        Entry(incident, IncidentEntryKind.Note, $"涉及场所（{SituationReport.Label(p.Kind)}）：{name}{(p.Cases > 0 ? $"，{p.Cases} 人" : "")}");
        await db.SaveChangesAsync(ct);
        return place.Id;
    }

    public async Task RemovePlaceAsync(Guid id, Guid placeId, CancellationToken ct)
    {
        var incident = await LoadOpenAsync(id, ct);
        var place = await db.IncidentPlaces.FirstOrDefaultAsync(x => x.Id == placeId && x.IncidentId == id, ct)
                    ?? throw ShianProblemException.NotFound("emergencies.place-not-found", "涉及场所不存在");
        db.IncidentPlaces.Remove(place);
        Entry(incident, IncidentEntryKind.Note, $"删除涉及场所：{place.Name}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The numbers of people: none negative, the hospitalised and the dead among the ill.</summary>
    private static void CheckNumbers(Dictionary<string, string[]> errors, int harmed, int hospitalised, int deaths)
    {
        if (harmed is < 0 or > 1_000_000)
        {
            errors["harmed"] = ["发病人数应为 0 至 1000000"];
        }

        if (hospitalised < 0 || hospitalised > Math.Max(0, harmed))
        {
            errors["hospitalised"] = ["住院人数应为 0 至发病人数"];
        }

        if (deaths < 0 || deaths > Math.Max(0, harmed))
        {
            errors["deaths"] = ["死亡人数应为 0 至发病人数"];
        }
    }

    private async Task<Incident> LoadOpenAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        if (incident.Status is IncidentStatus.Closed or IncidentStatus.Dismissed)
        {
            throw ShianProblemException.Conflict("emergencies.ended", "应急响应已结束（或已排除），不能再处置");
        }

        return incident;
    }

    internal static ShianProblemException NotFound() => ShianProblemException.NotFound("emergencies.not-found", "事故不存在或不在您的辖区");

    private void Entry(Incident incident, IncidentEntryKind kind, string text)
    {
        var now = Now;
        incident.UpdatedAtUtc = now;
        db.IncidentEntries.Add(new IncidentEntry { IncidentId = incident.Id, RegionCode = incident.RegionCode, AtUtc = now, Kind = kind, Author = db.Request.UserName, Text = text });
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A form's datetime-local value, which is Beijing wall-clock time, as an instant.</summary>
    public static DateTimeOffset? FromBeijing(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), ChinaTime.Zone.GetUtcOffset(l)) : null;

    public static DateTime Beijing(DateTime utc) => ChinaTime.FromUtc(utc);

    private static string Hours(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours} 小时 {t.Minutes} 分" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalMinutes))} 分钟";

    public static string KindLabel(UpwardReportKind k) => k switch
    {
        UpwardReportKind.Initial => "首报",
        UpwardReportKind.Progress => "续报",
        UpwardReportKind.Escalation => "核报（级别上调）",
        _ => "终报",
    };

    public static string DepartmentLabel(ResponseDepartment d) => d switch
    {
        ResponseDepartment.Cdc => "疾控机构",
        ResponseDepartment.MarketRegulation => "市场监管部门",
        ResponseDepartment.Health => "卫生健康部门",
        ResponseDepartment.Education => "教育部门",
        ResponseDepartment.PublicSecurity => "公安机关",
        ResponseDepartment.Publicity => "宣传部门",
        _ => "其他部门",
    };
}
