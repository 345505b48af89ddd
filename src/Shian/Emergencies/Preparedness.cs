using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;

namespace Shian.Emergencies;

/// <summary>
/// 应急准备: each city's and county's emergency plan and operation manual kept as versions (a new version supersedes the
/// last; the document attached), drills and training recorded with participants and lessons, and where each office
/// stands in the cycle — a drill every 2 years, training every year, the plan evaluated every 3 (configurable).
/// </summary>
public sealed class Preparedness(ShianDb db, IOptions<EmergenciesOptions> options, AttachmentWriter attachments, TimeProvider clock)
{
    public sealed record PlanInput(string? RegionCode, PlanKind Kind, Guid? SupersedesId, string? Title, string? Version, string? DocumentNumber, DateOnly? ApprovedOn,
        string? FileName = null, byte[]? Document = null);

    public sealed record ActivityInput(string? RegionCode, PreparednessKind Kind, string? Title, DateOnly? HeldOn, string? Form, int Participants, string? Departments,
        string? Lessons, Guid? PlanLineageId);

    public sealed record OfficeStatus(string RegionCode, EmergencyPlan? Plan, EmergencyPlan? Manual, PreparednessStatus Status);

    private PreparednessCycle Cycle => options.Value.Preparedness;

    public async Task<EmergencyPlan> RecordPlanAsync(PlanInput p, CancellationToken ct)
    {
        EmergencyPlan? previous = null;
        if (p.SupersedesId is Guid sid)
        {
            previous = await db.EmergencyPlans.FirstOrDefaultAsync(x => x.Id == sid, ct) ?? throw ShianProblemException.NotFound("emergencies.plan-not-found", "要修订的预案不存在");
        }

        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.Today(clock);
        var region = previous?.RegionCode ?? await OfficeAsync(p.RegionCode, errors, ct);
        if (!Enum.IsDefined(p.Kind))
        {
            errors["kind"] = ["请选择预案或操作手册"];
        }

        var title = Clean(p.Title) ?? previous?.Title;
        if (title is null || title.Length > 200)
        {
            errors["title"] = ["请填写预案名称（不超过 200 字）"];
        }

        var version = Clean(p.Version);
        if (version is null || version.Length > 50)
        {
            errors["version"] = ["请填写版本（如“2026 年修订版”，不超过 50 字）"];
        }

        if (Clean(p.DocumentNumber)?.Length > 100)
        {
            errors["documentNumber"] = ["印发文号不能超过 100 字"];
        }

        if (p.ApprovedOn is not { } approved || approved > today || approved < new DateOnly(2000, 1, 1))
        {
            errors["approvedOn"] = ["请填写印发（批准）日期，不能晚于今天"];
        }
        else if (previous is not null && approved < previous.ApprovedOn)
        {
            errors["approvedOn"] = [$"新版本的印发日期不能早于上一版（{previous.ApprovedOn:yyyy-MM-dd}）"];
        }

        if (previous is not null && previous.SupersededOn is not null)
        {
            throw ShianProblemException.Conflict("emergencies.plan-superseded", "这一版已被修订，请在现行版本上修订");
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.plan-invalid", "预案信息有误，请按提示修改", errors);
        }

        Attachment? stored = null;
        try
        {
            if (p.Document is { Length: > 0 } doc)
            {
                stored = await attachments.AddAsync(region!, null, p.FileName ?? "预案", doc, ct);
            }

            var plan = new EmergencyPlan
            {
                RegionCode = region!, LineageId = previous?.LineageId ?? Guid.CreateVersion7(), Kind = previous?.Kind ?? p.Kind, Title = title!, Version = version!,
                DocumentNumber = Clean(p.DocumentNumber), ApprovedOn = p.ApprovedOn!.Value, ReviewDueOn = p.ApprovedOn!.Value.AddYears(Cycle.PlanReviewYears),
                AttachmentId = stored?.Id, FileName = stored is null ? null : Path.GetFileName(p.FileName), RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            if (previous is not null)
            {
                previous.SupersededOn = plan.ApprovedOn;
            }

            db.EmergencyPlans.Add(plan);
            await db.SaveChangesAsync(ct);
            return plan;
        }
        catch
        {
            if (stored is not null)
            {
                await attachments.DiscardAsync([stored]);
            }

            throw;
        }
    }

    public async Task<PreparednessActivity> RecordActivityAsync(ActivityInput a, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var region = await OfficeAsync(a.RegionCode, errors, ct);
        var today = ChinaTime.Today(clock);
        if (!Enum.IsDefined(a.Kind))
        {
            errors["kind"] = ["请选择演练或培训"];
        }

        var title = Clean(a.Title);
        if (title is null || title.Length > 200)
        {
            errors["title"] = ["请填写名称（不超过 200 字）"];
        }

        if (a.HeldOn is not { } held || held > today || held < today.AddYears(-10))
        {
            errors["heldOn"] = ["请填写举办日期，不能晚于今天"];
        }

        if (a.Participants is < 1 or > 100_000)
        {
            errors["participants"] = ["参加人数应为 1 至 100000"];
        }

        if (Clean(a.Form)?.Length > 50 || Clean(a.Departments)?.Length > 500 || Clean(a.Lessons)?.Length > 4000)
        {
            errors["lessons"] = ["形式不超过 50 字，参加单位不超过 500 字，评估与改进不超过 4000 字"];
        }

        if (a.Kind == PreparednessKind.Drill && Clean(a.Lessons) is null)
        {
            errors["lessons"] = ["演练须记录评估情况与改进措施（《突发事件应急预案管理办法》：演练组织单位应当组织演练评估）"];
        }

        if (a.PlanLineageId is Guid lineage && region is not null && !await db.EmergencyPlans.AnyAsync(p => p.LineageId == lineage, ct))
        {
            errors["planLineageId"] = ["所选预案不存在"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("emergencies.activity-invalid", "演练或培训记录有误，请按提示修改", errors);
        }

        var activity = new PreparednessActivity
        {
            RegionCode = region!, Kind = a.Kind, Title = title!, HeldOn = a.HeldOn!.Value, Form = Clean(a.Form), Participants = a.Participants, Departments = Clean(a.Departments),
            Lessons = Clean(a.Lessons), PlanLineageId = a.PlanLineageId, RecordedBy = db.Request.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PreparednessActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>Each office (city or county) of the caller's regions that has a plan or activity, or that the caller covers, with its cycle.</summary>
    public async Task<IReadOnlyList<OfficeStatus>> StatusAsync(IReadOnlyList<string> offices, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var plans = await db.EmergencyPlans.AsNoTracking().Where(p => p.SupersededOn == null).ToListAsync(ct);
        var last = await db.PreparednessActivities.AsNoTracking().GroupBy(a => new { a.RegionCode, a.Kind })
            .Select(g => new { g.Key.RegionCode, g.Key.Kind, Last = g.Max(a => a.HeldOn) }).ToListAsync(ct);
        var codes = offices.Concat(plans.Select(p => p.RegionCode)).Concat(last.Select(l => l.RegionCode)).Distinct().Order(StringComparer.Ordinal).ToList();
        return [.. codes.Select(code =>
        {
            var plan = plans.Where(p => p.RegionCode == code && p.Kind == PlanKind.Plan).MaxBy(p => p.ApprovedOn);
            var manual = plans.Where(p => p.RegionCode == code && p.Kind == PlanKind.Manual).MaxBy(p => p.ApprovedOn);
            var drill = last.FirstOrDefault(l => l.RegionCode == code && l.Kind == PreparednessKind.Drill)?.Last;
            var training = last.FirstOrDefault(l => l.RegionCode == code && l.Kind == PreparednessKind.Training)?.Last;
            return new OfficeStatus(code, plan, manual, PreparednessClock.Status(today, plan?.ApprovedOn, drill, training, Cycle));
        })];
    }

    public Task<List<EmergencyPlan>> PlansAsync(CancellationToken ct) =>
        db.EmergencyPlans.AsNoTracking().OrderBy(p => p.RegionCode).ThenBy(p => p.LineageId).ThenByDescending(p => p.ApprovedOn).ToListAsync(ct);

    public Task<List<PreparednessActivity>> ActivitiesAsync(int max, CancellationToken ct) =>
        db.PreparednessActivities.AsNoTracking().OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.RecordedAtUtc).Take(max).ToListAsync(ct);

    /// <summary>A plan's document, for whoever sees the plan.</summary>
    public async Task<Attachment?> DocumentAsync(Guid planId, CancellationToken ct) =>
        await db.EmergencyPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.AttachmentId).FirstOrDefaultAsync(ct) is Guid aid
            ? await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct)
            : null;

    private async Task<string?> OfficeAsync(string? regionCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var region = regionCode?.Trim();
        if (region is null || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(r => r.Code == region && (r.Level == RegionLevel.City || r.Level == RegionLevel.County), ct))
        {
            errors["regionCode"] = ["请选择市或区县（预案、演练按市、区县记录）"];
            return null;
        }

        if (!db.Request.Scope.AllowsCreateIn(region))
        {
            throw ShianProblemException.RegionForbidden("该地区不在您的辖区");
        }

        return region;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
