using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Inspections;

/// <summary>/api/v1/inspections: 双随机 draws (run, read, verify, publish), declared conflicts; the public lists.</summary>
internal static class InspectionsApi
{
    public sealed record ConflictRequest(string Reason);

    public sealed record HoldRequest(string? Reason);

    public sealed record ReplyPhoto(string? FileName, string? ContentBase64);

    public sealed record ReplyRequest(string? Text, IReadOnlyList<ReplyPhoto>? Photos);

    public sealed record ReviewRequest(bool Accept, bool Rectified, string? Note);

    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inspections/draws").WithTags("Inspections 监督检查").Regulated("draws");

        group.MapGet("/", async (ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.Draws.AsNoTracking().OrderByDescending(d => d.CreatedAtUtc).Take(200)
            .Select(d => new { d.Id, d.RegionCode, d.Title, d.Percent, d.PoolSize, d.Drawn, d.DrawnOn, d.PublishedAtUtc }).ToListAsync(ct))).Requires(InspectionsPermissions.Read).WithSummary("抽查记录");

        group.MapPost("/", async (Draws.DrawRequestBody body, Draws draws, CancellationToken ct) =>
        {
            var draw = await draws.RunAsync(body, ct);
            return TypedResults.Created($"/api/v1/inspections/draws/{draw.Id}", new { draw.Id, draw.PoolSize, draw.Drawn, draw.Seed, draw.PoolHash, draw.Algorithm });
        }).Requires(InspectionsPermissions.Draw).WithSummary("“双随机”抽取检查对象与执法人员");

        group.MapGet("/{id:guid}", async (Guid id, Draws draws, CancellationToken ct) =>
        {
            var (d, visits) = await draws.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查记录不存在");
            return TypedResults.Ok(new
            {
                d.Id, d.RegionCode, d.Title, d.Percent, d.FiltersJson, d.Seed, d.Algorithm, d.PoolHash, d.PoolSize, d.Drawn, d.InspectorPoolSize, d.DrawnOn, d.CreatedBy, d.PublishedAtUtc,
                visits = visits.Select(v => new { v.Id, v.BusinessId, v.BusinessName, v.RegionCode, inspectors = v.InspectorNames.Split('、'), v.CoverageOverdue, v.Status }),
            });
        }).Requires(InspectionsPermissions.Read).WithSummary("抽查结果（检查对象与执法人员）");

        group.MapGet("/{id:guid}/verify", async (Guid id, Draws draws, CancellationToken ct) =>
            TypedResults.Ok(await draws.VerifyAsync(id, false, ct) ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查记录不存在")))
            .Requires(InspectionsPermissions.Read).WithSummary("最近一次核验的结果（pending 为 true 时重新核验正在排队或进行）");

        group.MapPost("/{id:guid}/verify", async (Guid id, Draws draws, Quartz.ISchedulerFactory schedulers, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/inspections/draws/{id}/verify",
                await draws.RequestVerificationAsync(id, schedulers, ct) ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查记录不存在")))
            .Requires(InspectionsPermissions.Read).WithSummary("重新核验：按记录的种子和冻结名录重新抽取并核对（排队执行，结果见 GET）");

        group.MapPost("/{id:guid}/publish", async (Guid id, Draws draws, CancellationToken ct) =>
        {
            var d = await draws.PublishAsync(id, ct);
            return TypedResults.Ok(new { d.Id, d.PublishedAtUtc });
        }).Requires(InspectionsPermissions.Draw).WithSummary("公开抽查结果（一公开）");

        app.MapPost("/api/v1/inspections/businesses/{id:guid}/conflicts", async (Guid id, ConflictRequest request, ShianDb db, IBusinessDirectory directory, TimeProvider clock, CancellationToken ct) =>
        {
            var business = (await directory.FindAsync([id], ct)).SingleOrDefault() ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                throw ShianProblemException.Invalid("inspections.conflict-invalid", "请说明回避事由（如亲属关系、利害关系）", new Dictionary<string, string[]> { ["reason"] = ["请说明回避事由"] });
            }

            var userId = db.Request.UserId!;
            if (!await db.InspectorConflicts.AnyAsync(c => c.InspectorId == userId && c.BusinessId == id, ct))
            {
                db.InspectorConflicts.Add(new InspectorConflict { InspectorId = userId, BusinessId = id, RegionCode = business.RegionCode, Reason = request.Reason.Trim(), DeclaredAtUtc = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
            }

            return TypedResults.NoContent();
        }).WithTags("Inspections 监督检查").Regulated("draws").Requires(InspectionsPermissions.Inspect).WithSummary("申报本人与该经营者的利害关系（抽查时回避）");

        var records = app.MapGroup("/api/v1/inspections/businesses/{id:guid}").WithTags("Inspections 监督检查").Regulated("inspection-records");
        records.MapGet("/checklist", async (Guid id, IBusinessDirectory directory, ChecklistBook checklists, TimeProvider clock, CancellationToken ct) =>
        {
            var business = (await directory.FindAsync([id], ct)).SingleOrDefault() ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            return TypedResults.Ok(await checklists.ForAsync(business.Kind, Kernel.Calendar.ChinaTime.Today(clock), ct));
        }).Requires(InspectionsPermissions.Inspect).WithSummary("该经营者适用的检查表（重点项标注）");
        records.MapGet("/records", async (Guid id, ShianDb db, IBusinessDirectory directory, CancellationToken ct) =>
            (await directory.FindAsync([id], ct)).Count == 0 ? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在") :
            TypedResults.Ok(await db.InspectionRecords.AsNoTracking().Where(r => r.BusinessId == id).OrderByDescending(r => r.InspectedOn)
                .Select(r => new
                {
                    r.Id, r.InspectedOn, r.Result, r.Findings, r.Inspectors, r.SafetyItems, r.RectifyBy, r.CaseClue, r.CaseDecisionDue, r.PublishBy, r.PublishedAtUtc,
                    r.FollowsUpRecordId, r.RectificationCheckedOn, r.Rectified,
                }).ToListAsync(ct)))
            .Requires(InspectionsPermissions.ReadRecords).WithSummary("该经营者的检查记录（含整改复查结论）");
        records.MapGet("/visits", async (Guid id, ShianDb db, IBusinessDirectory directory, CancellationToken ct) =>
            (await directory.FindAsync([id], ct)).Count == 0 ? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在") :
            TypedResults.Ok(await db.PlannedVisits.AsNoTracking().Where(v => v.BusinessId == id).OrderByDescending(v => v.Id)
                .Select(v => new { v.Id, v.Purpose, v.DrawId, v.PlanId, v.FollowsRecordId, v.DueFrom, v.DueBy, v.FullChecklistDue, inspectors = v.InspectorNames, v.Status, v.InspectedOn }).Take(100).ToListAsync(ct)))
            .Requires(InspectionsPermissions.Inspect).WithSummary("该经营者的检查任务（抽查、计划、专项、整改复查；不向经营者本人提供）");
        records.MapPost("/records", async (Guid id, Checks.CheckRequest request, Checks checks, CancellationToken ct) =>
        {
            var (record, created) = await checks.RecordAsync(request with { BusinessId = id }, ct);
            var body = new { record.Id, record.Result, resultLabel = Rules.Checklists.Label(record.Result), record.SafetyItems, record.RectifyBy, record.CaseClue, record.CaseDecisionDue, record.PublishBy };
            return created ? Results.Created($"/api/v1/inspections/businesses/{id}/records", body) : Results.Ok(body);
        }).Requires(InspectionsPermissions.Inspect).WithSummary("提交检查表（同一 submissionId 只保存一次）");

        var publication = app.MapGroup("/api/v1/inspections/publication").WithTags("Inspections 监督检查").Regulated("inspection-publication");
        publication.MapGet("/queue", async (ResultPublication service, CancellationToken ct) => TypedResults.Ok((await service.QueueAsync(200, ct))
                .Select(r => new { r.Id, r.BusinessId, r.BusinessName, r.RegionCode, r.InspectedOn, r.Result, resultLabel = Rules.Checklists.Label(r.Result), r.PublishTarget, r.PublishBy, r.HeldReason })))
            .Requires(InspectionsPermissions.Review).WithSummary("待审核公开的检查结果（按公开目标日期排序，最多 200 条）");
        publication.MapPost("/{id:guid}", async (Guid id, ResultPublication service, CancellationToken ct) =>
                TypedResults.Ok(new { published = await service.PublishAsync([id], ct) }))
            .Requires(InspectionsPermissions.Review).WithSummary("审核后公开一条检查结果（已公开的不重复公开）");
        publication.MapPost("/{id:guid}/hold", async (Guid id, HoldRequest body, ResultPublication service, CancellationToken ct) =>
            {
                await service.HoldAsync(id, body.Reason, ct);
                return TypedResults.NoContent();
            })
            .Requires(InspectionsPermissions.Review).WithSummary("暂缓公开（须写明理由，例如记录有误待更正）");
        publication.MapGet("/delay", async (DateOnly? from, DateOnly? to, ResultPublication service, TimeProvider clock, CancellationToken ct) =>
            {
                var today = Kernel.Calendar.ChinaTime.Today(clock);
                var (f, t) = (from ?? today.AddDays(-90), to ?? today);
                if (t < f || t.DayNumber - f.DayNumber > 731)
                {
                    throw ShianProblemException.Invalid("inspections.delay-range", "统计区间有误", new Dictionary<string, string[]> { ["from"] = ["起止日期须先后有序，且不超过两年"] });
                }

                var (s, districts) = await service.DelayByDistrictAsync(f, t, null, ct);
                return TypedResults.Ok(new
                {
                    from = f, to = t, s.Total, s.Published, s.MedianDays, s.P90Days, s.WithinTarget, s.WithinTargetPercent, s.WithinLaw, s.WithinLawPercent, s.Waiting, s.WaitingPastTarget, s.WaitingPastLaw,
                    districts = districts.Select(d => new
                    {
                        regionCode = d.County, d.Summary.Total, d.Summary.Published, d.Summary.MedianDays, d.Summary.P90Days, d.Summary.WithinTargetPercent, d.Summary.WithinLawPercent,
                        d.Summary.Waiting, d.Summary.WaitingPastTarget, d.Summary.WaitingPastLaw,
                    }),
                });
            })
            .Requires(InspectionsPermissions.Review).WithSummary("检查结果公开时效：自检查至公开的天数（中位数、第 90 百分位）、目标内与法定期限内公开的比例");

        var replies = app.MapGroup("/api/v1/inspections/records/{id:guid}/replies").WithTags("Inspections 监督检查").Regulated("inspection-replies");
        replies.MapGet("/", async (Guid id, ShianDb db, ResultReplies service, CancellationToken ct) =>
                !await db.InspectionRecords.AnyAsync(r => r.Id == id, ct) ? throw ShianProblemException.NotFound("inspections.record-not-found", "检查记录不存在")
                : TypedResults.Ok((await service.OfRecordAsync(id, ct)).Select(x => new { x.Id, x.Text, x.Status, x.SubmittedAtUtc, x.ReviewedAtUtc, x.ReviewNote, photos = (x.PhotoIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries) })))
            .Requires(InspectionsPermissions.ReadRecords).WithSummary("经营者对该检查结果的整改回复与答复，及审核结论");
        replies.MapPost("/", async (Guid id, ReplyRequest body, ResultReplies service, CancellationToken ct) =>
            {
                var photos = new List<ResultReplies.Photo>();
                foreach (var (p, i) in (body.Photos ?? []).Select((p, i) => (p, i)))
                {
                    try
                    {
                        photos.Add(new ResultReplies.Photo(p.FileName ?? $"photo{i + 1}.jpg", Convert.FromBase64String(p.ContentBase64 ?? "")));
                    }
                    catch (FormatException)
                    {
                        throw ShianProblemException.Invalid("inspections.reply-invalid", "回复有误，未提交", new Dictionary<string, string[]> { [$"photos[{i}].contentBase64"] = ["照片内容须为 Base64 编码"] });
                    }
                }

                var reply = await service.SubmitAsync(id, body.Text, photos, ct);
                return TypedResults.Created($"/api/v1/inspections/records/{id}/replies", new { reply.Id, reply.Status });
            })
            .Requires(InspectionsPermissions.Reply).WithSummary("经营者提交整改回复或对检查结果的答复（可附照片，Base64）");
        app.MapPost("/api/v1/inspections/replies/{id:guid}/review", async (Guid id, ReviewRequest body, ResultReplies service, CancellationToken ct) =>
            {
                var reply = await service.ReviewAsync(id, body.Accept, body.Rectified, body.Note, ct);
                return TypedResults.Ok(new { reply.Id, reply.Status, reply.ReviewNote });
            })
            .WithTags("Inspections 监督检查").Regulated("inspection-reply-reviews").Requires(InspectionsPermissions.Review)
            .WithSummary("审核经营者的回复：认可（可确认整改完成，免于现场复查）或不予认可（须写明理由）");

        var plans = app.MapGroup("/api/v1/inspections/plans").WithTags("Inspections 监督检查").Regulated("inspection-plans");
        plans.MapGet("/", async (int? year, ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.InspectionPlans.AsNoTracking()
            .Where(p => year == null || p.Year == year).OrderByDescending(p => p.CreatedAtUtc).Take(200)
            .Select(p => new { p.Id, p.RegionCode, p.Kind, p.Campaign, p.Title, p.Year, p.StartsOn, p.EndsOn, p.Businesses, p.Visits, p.FullChecklistVisits }).ToListAsync(ct)))
            .Requires(InspectionsPermissions.Read).WithSummary("检查计划（风险分级计划与专项检查）");
        plans.MapPost("/risk", async (VisitPlans.RiskPlanRequest body, VisitPlans service, CancellationToken ct) =>
        {
            var plan = await service.CreateRiskPlanAsync(body, ct);
            return TypedResults.Created($"/api/v1/inspections/plans/{plan.Id}", new { plan.Id, plan.Businesses, plan.Visits, plan.FullChecklistVisits, plan.StartsOn, plan.EndsOn });
        }).Requires(InspectionsPermissions.Plan).Regulated("inspection-risk-plans").WithSummary("按风险等级频次生成年度检查计划（全年均衡、两年全项目检查兜底）");
        plans.MapPost("/campaigns", async (VisitPlans.CampaignRequest body, VisitPlans service, CancellationToken ct) =>
        {
            var plan = await service.CreateCampaignAsync(body, ct);
            return TypedResults.Created($"/api/v1/inspections/plans/{plan.Id}", new { plan.Id, plan.Businesses, plan.Visits, plan.StartsOn, plan.EndsOn });
        }).Requires(InspectionsPermissions.Plan).WithSummary("专项检查（专项整治、飞行检查、节令、开学季）：按类型、场所、区域、等级选定对象并排期");
        plans.MapGet("/{id:guid}", async (Guid id, PlanReport reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.ForAsync(id, ct) ?? throw ShianProblemException.NotFound("inspections.plan-not-found", "检查计划不存在")))
            .Requires(InspectionsPermissions.Read).WithSummary("检查计划：各期检查数与完成数、执法人员负荷");
        plans.MapGet("/{id:guid}/visits", async (Guid id, DateOnly? from, string? status, ShianDb db, CancellationToken ct) =>
        {
            if (!await db.InspectionPlans.AnyAsync(p => p.Id == id, ct))
            {
                throw ShianProblemException.NotFound("inspections.plan-not-found", "检查计划不存在");
            }

            var q = db.PlannedVisits.AsNoTracking().Where(v => v.PlanId == id);
            q = from is DateOnly f ? q.Where(v => v.DueFrom == f) : q;
            q = status == "done" ? q.Where(v => v.Status == VisitStatus.Done) : status == "planned" ? q.Where(v => v.Status == VisitStatus.Planned) : q;
            return TypedResults.Ok(await q.OrderBy(v => v.DueFrom).ThenBy(v => v.BusinessName).Take(500)
                .Select(v => new { v.Id, v.BusinessId, v.BusinessName, v.RegionCode, v.DueFrom, v.DueBy, v.FullChecklistDue, inspectors = v.InspectorNames, v.Status, v.InspectedOn }).ToListAsync(ct));
        }).Requires(InspectionsPermissions.Read).WithSummary("检查计划的检查任务（可按期、状态筛选，最多 500 条）");

        app.MapGet("/api/v1/inspections/coverage", async (string? regionCode, int? year, Coverage coverage, ShianDb db, Microsoft.Extensions.Options.IOptions<ShianOptions> shian, TimeProvider clock, CancellationToken ct) =>
        {
            var region = regionCode ?? db.Request.Scope.HomeRegion(shian.Value.HomeRegion);
            if (!Kernel.Regions.RegionCode.IsValid(region) || !db.Request.Scope.Allows(region))
            {
                throw ShianProblemException.NotFound("inspections.region-not-found", "区划不存在或不在您的辖区内");
            }

            var y = year ?? Kernel.Calendar.ChinaTime.Today(clock).Year;
            var rows = await coverage.ForAsync(region, y, ct);
            return TypedResults.Ok(new { regionCode = region, year = y, target = Coverage.YearTarget, rows = rows.Select(r => new { r.RegionCode, r.Name, r.Businesses, r.InspectedInYear, r.YearShare, r.InspectedInFiveYears, r.FiveYearShare }) });
        }).WithTags("Inspections 监督检查").Regulated("inspection-coverage").Requires(InspectionsPermissions.Read).WithSummary("各下级区划的检查覆盖率（当年 / 5 年）");

        var lookup = app.MapGroup("/api/v1/public/businesses").WithTags("Public 公开").AllowAnonymous().RegionNeutral("经营者公开信息与已公开的检查结果（名称、地址、许可证、检查结论）");
        lookup.MapGet("/", async (string? q, IPublicRegister register, ShianDb db, CancellationToken ct) =>
        {
            var found = await register.SearchAsync(q ?? "", 50, ct);
            var ids = found.Select(b => b.Id).ToList();
            var results = await InspectionsPublic.ResultsAsync(db, ids, ct);
            return TypedResults.Ok(found.Select(b => new { b.Id, b.Name, kind = RegistryLabels.Kinds[b.Kind], b.Address, b.LicenceNumber, b.LicenceValidTo, inspections = results.GetValueOrDefault(b.Id) ?? [] }));
        }).RequireRateLimiting(Web.PublicLimits.PublicSearch).WithSummary("按名称或许可证编号查询经营者及检查结果");

        var open = app.MapGroup("/api/v1/public/draws").WithTags("Public 公开").AllowAnonymous().RegionNeutral("“双随机”抽查结果经公开后面向社会；只返回已公开的抽查");
        open.MapGet("/{drawId:guid}", async (Guid drawId, ShianDb db, CancellationToken ct) =>
        {
            var (d, businesses) = await InspectionsPublic.PublishedDrawAsync(db, drawId, ct)
                ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查结果不存在或尚未公开");
            return TypedResults.Ok(new
            {
                d.Title, d.DrawnOn, d.Percent, d.PoolSize, d.Drawn, d.Seed, d.Algorithm, d.PoolHash, d.PublishedAtUtc,
                businesses = businesses.Select(b => new { b.BusinessName, b.RegionCode }),
            });
        }).WithSummary("已公开的抽查名单");
        open.MapGet("/{drawId:guid}/verify", async (Guid drawId, Draws draws, CancellationToken ct) =>
            TypedResults.Ok(await draws.VerifyAsync(drawId, true, ct) ?? throw ShianProblemException.NotFound("inspections.draw-not-found", "抽查结果不存在或尚未公开")))
            .WithSummary("任何人可按公开的种子与名录哈希复核抽取结果");

        return app;
    }
}
