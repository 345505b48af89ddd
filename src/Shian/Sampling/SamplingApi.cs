using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>/api/v1/standards (the limit library, public reference data), /api/v1/sampling (plans, samples, results, dispositions, rapid tests, announcements, statistics), the public announcements.</summary>
internal static class SamplingApi
{
    public sealed record JudgeItem(string? Analyte, decimal? Value, string? Unit, decimal? Lod, int? Decimals, decimal? Density, int? SignificantDigits = null, IReadOnlyList<decimal?>? Values = null);

    public sealed record JudgeRequest(string? CategoryCode, DateOnly? SampledOn, IReadOnlyList<JudgeItem>? Items);

    /// <param name="ConcludedOn">检验报告日期 (default today): the lab reports within 2 (non-conforming) or 7 working days of it.</param>
    public sealed record ResultsRequest(IReadOnlyList<Samples.ResultItem>? Items, DateOnly? ConcludedOn = null);

    public sealed record RegionBody(string RegionCode);

    public sealed record RateBody(decimal? PerThousand);

    public static IEndpointRouteBuilder MapSamplingApi(this IEndpointRouteBuilder app)
    {
        var std = app.MapGroup("/api/v1/standards").WithTags("Standards 标准库").RegionNeutral("食品类别、检测项目与限量是公开的参考数据");
        std.MapGet("/categories", async (Standards standards, CancellationToken ct) =>
            TypedResults.Ok((await standards.LibraryAsync(ct)).Categories.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new { c.Code, c.ParentCode, c.Name, c.Note })))
            .Requires(KernelPermissions.Reference).WithSummary("食品类别树（GB 2763 附录A 式）");
        std.MapGet("/analytes", async (Standards standards, CancellationToken ct) =>
            TypedResults.Ok((await standards.LibraryAsync(ct)).Analytes.Values.OrderBy(a => a.Group).ThenBy(a => a.Code, StringComparer.Ordinal).Select(a => new { a.Code, a.Name, a.Group, a.Note })))
            .Requires(KernelPermissions.Reference).WithSummary("检测项目");
        std.MapGet("/limits", async (string? category, string? analyte, DateOnly? on, Standards standards, ShianDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var library = await standards.LibraryAsync(ct);
            if (category is not null && !library.Categories.ContainsKey(category))
            {
                throw ShianProblemException.NotFound("standards.category-not-found", $"食品类别 {category} 不存在");
            }

            var rows = await db.Limits.AsNoTracking().Where(l => analyte == null || l.AnalyteCode == analyte).ToListAsync(ct);
            if (category is null)
            {
                return Results.Ok(rows.OrderBy(l => l.CategoryCode, StringComparer.Ordinal).ThenBy(l => l.AnalyteCode, StringComparer.Ordinal).Select(l => LimitView(l, library, null)));
            }

            // What applies to this category on the date: per analyte the most specific row in force (inherited rows marked).
            var date = on ?? ChinaTime.Today(clock);
            var byId = rows.ToDictionary(l => l.Id);
            var applies = byId.Values.Select(l => l.AnalyteCode).Distinct().Select(a => library.Book.Resolve(category, a, date)).OfType<ResolvedLimit>()
                .Select(r => LimitView(byId[r.Rule.Id], library, r)).OrderBy(x => x.Analyte, StringComparer.Ordinal);
            return Results.Ok(applies);
        }).Requires(KernelPermissions.Reference).WithSummary("限量：全部，或某类别在某日适用的限量（含继承自上级类别的）");
        std.MapPost("/judge", async (JudgeRequest r, Standards standards, TimeProvider clock, CancellationToken ct) =>
        {
            var library = await standards.LibraryAsync(ct);
            var errors = new Dictionary<string, string[]>();
            if (r.CategoryCode is null || !library.Categories.ContainsKey(r.CategoryCode))
            {
                errors["categoryCode"] = ["请选择标准库中的食品类别"];
            }

            var on = r.SampledOn ?? ChinaTime.Today(clock);
            var verdicts = new List<object>();
            var items = r.Items ?? [];
            for (var i = 0; i < items.Count && errors.Count == 0; i++)
            {
                var item = items[i];
                if (item.Analyte is null || !library.Analytes.ContainsKey(item.Analyte))
                {
                    errors[$"items[{i}].analyte"] = [$"第 {i + 1} 项：检测项目“{item.Analyte}”不在标准库中"];
                    continue;
                }

                var limit = library.Book.Resolve(r.CategoryCode!, item.Analyte, on);
                try
                {
                    var j = Judgement.Judge(new ItemResult(item.Value, item.Unit ?? "", item.Lod, item.Decimals, item.Density, item.SignificantDigits, item.Values), limit);
                    verdicts.Add(new { item.Analyte, verdict = j.Verdict, label = Judgement.Label(j.Verdict), j.RoundedValue, j.ComparedValue, j.Explanation, limit = limit is null ? null : Samples.LimitText(limit.Rule), standard = limit?.Rule.StandardEdition });
                }
                catch (JudgementRefused e)
                {
                    errors[$"items[{i}].{e.Field}"] = [$"第 {i + 1} 项：{e.Message}"];
                }
            }

            if (errors.Count > 0)
            {
                throw ShianProblemException.Invalid("standards.judge-invalid", "判定条件有误", errors);
            }

            return TypedResults.Ok(new { r.CategoryCode, sampledOn = on, items = verdicts });
        }).AllowAnonymous().WithSummary("按抽样日有效的限量判定检测结果（试算，不保存）");

        var admin = app.MapGroup("/api/v1/admin/standards").WithTags("Standards 标准库").AdminOnly("限量库是全平台的判定依据，仅系统管理员维护");
        admin.MapPost("/limits", async (IFormFile file, LimitImport import, CancellationToken ct) =>
        {
            if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw ShianProblemException.Invalid("standards.import-invalid", "请上传 .xlsx 文件");
            }

            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            ms.Position = 0;
            return TypedResults.Ok(new { imported = await import.ImportAsync(ms, ct) });
        }).DisableAntiforgery().WithSummary("从 .xlsx 导入限量（逐行校验，全部正确才导入）");
        admin.MapGet("/limits-template.xlsx", () =>
        {
            var ms = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(ms, new[] { LimitImport.Columns.ToDictionary(c => c, c => (object?)(c switch
            {
                "食品类别代码" => "VEG.LEAFY", "检测项目代码" => "PB", "限量值" => "0.3", "单位" => "mg/kg", "不得检出" => "否", "标准号" => "GB 2762", "版本" => "2022", "实施日期" => "2023-06-30",
                _ => null,
            })) });
            ms.Position = 0;
            return TypedResults.File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "限量导入模板.xlsx");
        }).WithSummary("限量导入模板（.xlsx）");

        var plans = app.MapGroup("/api/v1/sampling/plans").WithTags("Sampling 抽检监测").Regulated("sampling-plans");
        plans.MapGet("/", async (ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.SamplingPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAtUtc).Take(200)
            .Select(p => new { p.Id, p.RegionCode, p.Year, p.Title, p.Population, p.PopulationSource }).ToListAsync(ct))).Requires(SamplingPermissions.Read).WithSummary("抽检计划");
        plans.MapPost("/", async (SamplingPlans.PlanRequest body, SamplingPlans service, CancellationToken ct) =>
        {
            var plan = await service.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/sampling/plans/{plan.Id}", new { plan.Id, plan.Population, plan.PopulationSource });
        }).Requires(SamplingPermissions.Plan).WithSummary("制定抽检计划：份/千人指标按人口分配到各县区");
        plans.MapGet("/{id:guid}", async (Guid id, ShianDb db, SamplingPlans service, CancellationToken ct) =>
        {
            var plan = await db.SamplingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ShianProblemException.NotFound("sampling.plan-not-found", "抽检计划不存在");
            var progress = await service.ProgressAsync(plan, ct);
            return TypedResults.Ok(new
            {
                plan.Id, plan.RegionCode, plan.Year, plan.Title, plan.Population, plan.PopulationSource,
                quotas = progress.Select(q => new { q.Quota.Id, q.Quota.Kind, q.Quota.Name, q.Quota.PerThousand, q.Quota.FixedCount, q.Quota.Required, q.Quota.CategoryCode, q.Quota.BusinessKind, q.Taken,
                    districts = q.Districts.Select(d => new { d.RegionCode, d.Name, d.Population, d.Required, d.Taken }) }),
            });
        }).Requires(SamplingPermissions.Read).WithSummary("抽检计划及各指标完成情况");
        plans.MapPost("/{id:guid}/quotas/{quotaId:guid}/rate", async (Guid id, Guid quotaId, RateBody body, SamplingPlans service, CancellationToken ct) =>
        {
            var q = await service.SetRateAsync(id, quotaId, body.PerThousand, ct);
            return TypedResults.Ok(new { q.Id, q.PerThousand, q.Required });
        }).Requires(SamplingPermissions.Plan).WithSummary("填写暂缺的份/千人（如 seed 004 的“x 份/千人”）并重新分配");

        app.MapGet("/api/v1/sampling/allocations", async (int? year, SamplingPlans service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await service.AllocationsAsync(year ?? ChinaTime.Today(clock).Year, ct)))
            .WithTags("Sampling 抽检监测").Regulated("sampling-allocations").Requires(SamplingPermissions.Read).WithSummary("本辖区承担的抽检指标（含上级计划分配的份额）及完成情况");

        var samples = app.MapGroup("/api/v1/sampling/samples").WithTags("Sampling 抽检监测").Regulated("samples");
        samples.MapGet("/", async (string? status, string? verdict, ShianDb db, CancellationToken ct) =>
        {
            var q = db.Samples.AsNoTracking();
            q = StrictEnums.TryParse<SampleStatus>(status, out var st) ? q.Where(s => s.Status == st) : q;
            q = StrictEnums.TryParse<SampleVerdict>(verdict, out var v) ? q.Where(s => s.Verdict == v) : q;
            return TypedResults.Ok(await q.OrderByDescending(s => s.SampledOn).ThenByDescending(s => s.Code).Take(200)
                .Select(s => new { s.Id, s.Code, s.BusinessId, s.BusinessName, s.RegionCode, s.ProductName, s.CategoryCode, s.SampledOn, s.Status, s.Verdict, s.SendBy, s.ReportDueBy }).ToListAsync(ct));
        }).Requires(SamplingPermissions.Read).WithSummary("样品（最新 200 条）");
        samples.MapGet("/{id:guid}", async (Guid id, ShianDb db, Standards standards, TimeProvider clock, CancellationToken ct) =>
        {
            var s = await db.Samples.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ShianProblemException.NotFound("sampling.sample-not-found", "样品不存在");
            var results = await db.SampleResults.AsNoTracking().Where(r => r.SampleId == id).OrderBy(r => r.Retest).ThenBy(r => r.AnalyteCode).ToListAsync(ct);
            var d = await db.Dispositions.AsNoTracking().FirstOrDefaultAsync(x => x.SampleId == id, ct);
            var today = ChinaTime.Today(clock);
            return TypedResults.Ok(new
            {
                s.Id, s.Code, s.Kind, s.PlanId, s.BusinessId, s.BusinessName, s.RegionCode, s.ProductName, s.CategoryCode, s.Brand, s.Specification, s.Gtin, s.Batch, s.ProductionDate, s.Prepackaged,
                s.LabelledProducer, s.Quantity, s.SampledOn, s.Samplers, s.Lab, analytes = s.Analytes.Split(','), s.Status, statusLabel = Samples.StatusLabel(s.Status),
                s.SendBy, s.SentOn, s.ReceivedOn, s.ReportDueBy, s.ReportedOn, s.Verdict, verdictLabel = s.Verdict is SampleVerdict v ? Judgement.Label(v) : null,
                results = results.Select(r => new { r.Id, r.AnalyteCode, r.Value, r.Unit, r.Lod, r.Decimals, r.SignificantDigits, values = r.Values, r.JudgedOn, r.AutoVerdict, r.Verdict, label = Judgement.Label(r.Verdict), r.Explanation, r.LimitText, r.OverrideReason, r.OverriddenBy, r.Retest }),
                disposition = d is null ? null : new
                {
                    d.ConcludedOn, d.NotifyBy, d.NotifiedOn, d.RetestApplyBy, d.RetestRequestedOn, d.RetestConforming, d.ObjectionFiledOn, d.ObjectionGround, d.ObjectionReason, d.ObjectionAcceptBy, d.ObjectionAcceptedOn, d.ObjectionDecisionDue,
                    d.ObjectionDecidedOn, d.ObjectionUpheld, d.ActionBy, d.RemovedFromSale, d.Recalled, d.Cause, d.ActionCompletedOn,
                    d.CaseDecisionDue, d.CaseClueRaised, publishBy = d.Kind == SampleKind.Supervision ? d.PublishBy : (DateOnly?)null, d.PublishedOn, closed = Shian.Sampling.Rules.DispositionSteps.IsClosed(d, today), outstanding = Shian.Sampling.Rules.DispositionSteps.Outstanding(d, today), overdue = Shian.Sampling.Rules.DispositionSteps.IsOverdue(d, today), steps = Shian.Sampling.Rules.DispositionSteps.Of(d, today),
                },
            });
        }).Requires(SamplingPermissions.Read).WithSummary("样品：抽样单、流转、检验结果与判定、不合格处置");
        samples.MapPost("/{id:guid}/sent", async (Guid id, Dispositions.DateBody body, Samples service, CancellationToken ct) => Custody(await service.AdvanceAsync(id, SampleStatus.Sent, body.On, ct)))
            .Requires(SamplingPermissions.Sample).WithSummary("登记寄送检验机构（抽样后 5 个工作日内）");
        samples.MapPost("/{id:guid}/received", async (Guid id, Dispositions.DateBody body, Samples service, CancellationToken ct) => Custody(await service.AdvanceAsync(id, SampleStatus.Received, body.On, ct)))
            .Requires(SamplingPermissions.Lab).WithSummary("检验机构登记接收（20 个工作日内出具报告）");
        samples.MapPost("/{id:guid}/results", async (Guid id, ResultsRequest body, Samples service, CancellationToken ct) => Verdict(await service.EnterResultsAsync(id, body.Items, false, ct, body.ConcludedOn)))
            .Requires(SamplingPermissions.Lab).WithSummary("录入检验结果并自动判定（只能录入一次）");
        samples.MapPost("/{id:guid}/retest-results", async (Guid id, ResultsRequest body, Samples service, CancellationToken ct) => Verdict(await service.EnterResultsAsync(id, body.Items, true, ct, body.ConcludedOn)))
            .Requires(SamplingPermissions.Lab).WithSummary("录入复检结果（复检结论为最终结论）");
        samples.MapPost("/{id:guid}/results/{resultId:guid}/override", async (Guid id, Guid resultId, Samples.OverrideRequest body, Samples service, CancellationToken ct) =>
            Verdict(await service.OverrideAsync(id, resultId, body, ct))).Requires(SamplingPermissions.Lab).WithSummary("人工判定（须说明理由，记入审计日志）");
        samples.MapPost("/{id:guid}/disposition/notified", async (Guid id, Dispositions.DateBody body, Dispositions service, CancellationToken ct) =>
            TypedResults.Ok(new { (await service.NotifiedAsync(id, body.On, ct)).RetestApplyBy })).Requires(SamplingPermissions.Sample).WithSummary("登记检验结论送达经营者（起算复检申请期）");
        samples.MapPost("/{id:guid}/disposition/retest-request", async (Guid id, Dispositions.DateBody body, Dispositions service, CancellationToken ct) =>
            TypedResults.Ok(new { (await service.RetestRequestedAsync(id, body.On, ct)).RetestRequestedOn })).Requires(SamplingPermissions.Sample).WithSummary("受理复检申请（7 个工作日内）");
        samples.MapPost("/{id:guid}/disposition/retest-step", async (Guid id, Dispositions.RetestStepBody body, Dispositions service, CancellationToken ct) =>
        {
            var d = await service.RetestStepAsync(id, body, ct);
            return TypedResults.Ok(new { d.RetestAcceptedOn, d.RetestLab, d.RetestLabChosenOn, d.RetestLabBy, d.BackupHandedOverOn, d.BackupHandOverBy, d.RetestConclusionBy });
        }).Requires(SamplingPermissions.Sample).WithSummary("登记复检受理、确定复检机构、移交备份样品（抽检办法 第三十二条的时限）");
        samples.MapPost("/{id:guid}/disposition/objection", async (Guid id, Dispositions.ObjectionBody body, Dispositions service, CancellationToken ct) =>
            TypedResults.Ok(new { (await service.ObjectionAsync(id, body, ct)).ObjectionAcceptBy })).Requires(SamplingPermissions.Sample)
            .WithSummary("登记收到的异议（抽样过程：抽样后 7 个工作日内；样品真实性、检验方法、标准适用：收到结论后 7 个工作日内）");
        samples.MapPost("/{id:guid}/disposition/case-clue", async (Guid id, Samples service, CancellationToken ct) =>
            TypedResults.Ok(new { (await service.RaiseCaseClueAsync(id, ct)).CaseClueRaised })).Requires(SamplingPermissions.Sample)
            .WithSummary("人工移送执法（风险监测、评价性抽检发现违法线索时；监督抽检不合格自动移送）");
        samples.MapPost("/{id:guid}/disposition/objection-acceptance", async (Guid id, Dispositions.ObjectionAcceptanceBody body, Dispositions service, CancellationToken ct) =>
        {
            var d = await service.ObjectionAcceptanceAsync(id, body, ct);
            return TypedResults.Ok(new { d.ObjectionAcceptedOn, d.ObjectionDecisionDue, d.ObjectionDecidedOn });
        }).Requires(SamplingPermissions.DecideObjection).WithSummary("受理或不予受理异议（收到后 5 个工作日内；受理后 20 个工作日内审核）");
        samples.MapPost("/{id:guid}/disposition/objection-decision", async (Guid id, Dispositions.ObjectionDecisionBody body, Dispositions service, TimeProvider clock, CancellationToken ct) =>
        {
            var d = await service.ObjectionDecisionAsync(id, body, ct);
            return TypedResults.Ok(new { d.ObjectionUpheld, closed = Shian.Sampling.Rules.DispositionSteps.IsClosed(d, Kernel.Calendar.ChinaTime.Today(clock)) });
        }).Requires(SamplingPermissions.DecideObjection).WithSummary("异议审核结论（20 个工作日内；成立则撤销检验结论）");
        samples.MapPost("/{id:guid}/disposition/actions", async (Guid id, Dispositions.ActionBody body, Dispositions service, TimeProvider clock, CancellationToken ct) =>
        {
            var d = await service.ActionsAsync(id, body, ct);
            var today = Kernel.Calendar.ChinaTime.Today(clock);
            return TypedResults.Ok(new { d.RemovedFromSale, d.Recalled, d.ActionCompletedOn, closed = Shian.Sampling.Rules.DispositionSteps.IsClosed(d, today), outstanding = Shian.Sampling.Rules.DispositionSteps.Outstanding(d, today) });
        }).Requires(SamplingPermissions.Sample).WithSummary("核查处置：下架、召回、原因排查；各步骤（复检申请期、异议、信息公开）都完成才结案");

        app.MapPost("/api/v1/sampling/businesses/{id:guid}/samples", async (Guid id, Samples.SampleRequest body, Samples service, CancellationToken ct) =>
        {
            var s = await service.CreateAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/sampling/samples/{s.Id}", new { s.Id, s.Code, s.SendBy });
        }).WithTags("Sampling 抽检监测").Regulated("samples").Requires(SamplingPermissions.Sample).WithSummary("对经营者抽样（生成抽样单编号）");

        var rapid = app.MapGroup("/api/v1/sampling/rapid-tests").WithTags("Sampling 抽检监测").Regulated("rapid-tests");
        rapid.MapGet("/", async (ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.RapidTests.AsNoTracking().OrderByDescending(t => t.TestedAtUtc).Take(200)
            .Select(t => new { t.Id, t.RegionCode, t.BusinessId, t.Place, t.ProductName, t.Item, t.Result, t.Reading, t.TestedAtUtc, t.ObjectionUntilUtc, t.FollowUpSampleId, proposeSample = t.Result == RapidResult.Positive && t.FollowUpSampleId == null }).ToListAsync(ct)))
            .Requires(SamplingPermissions.Read).WithSummary("快检记录（阳性且未抽样的建议抽样）");
        rapid.MapPost("/", async (RapidTests.RapidRequest body, RapidTests service, CancellationToken ct) =>
        {
            var t = await service.RecordAsync(body, ct);
            return TypedResults.Created($"/api/v1/sampling/rapid-tests/{t.Id}", new { t.Id, t.ObjectionUntilUtc, proposeSample = t.Result == RapidResult.Positive });
        }).Requires(SamplingPermissions.Sample).WithSummary("记录快检（不作为法定判定；阳性建议抽样送检）");

        var ann = app.MapGroup("/api/v1/sampling/announcements").WithTags("Sampling 抽检监测").Regulated("sampling-announcements");
        ann.MapGet("/", async (ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.Announcements.AsNoTracking().OrderByDescending(a => a.PublishedOn).Take(100)
            .Select(a => new { a.Id, a.RegionCode, a.Number, a.PublishedOn, a.Samples, a.NonConforming }).ToListAsync(ct))).Requires(SamplingPermissions.Read).WithSummary("本辖区的抽检信息公告");
        ann.MapPost("/", async (RegionBody body, Announcements service, CancellationToken ct) =>
        {
            var a = await service.PublishAsync(body.RegionCode, ct);
            return TypedResults.Created($"/api/v1/public/sampling/announcements/{a.Id}", new { a.Id, a.Number, a.Samples, a.NonConforming });
        }).Requires(SamplingPermissions.Publish).WithSummary("发布抽检信息公告（已出结论、未公布的样品）");

        app.MapGet("/api/v1/sampling/stats", async (string? regionCode, DateOnly? from, DateOnly? to, string? category, SamplingStats stats, ShianDb db, Microsoft.Extensions.Options.IOptions<ShianOptions> shian, TimeProvider clock, CancellationToken ct) =>
        {
            var region = regionCode ?? db.Request.Scope.HomeRegion(shian.Value.HomeRegion);
            if (!Kernel.Regions.RegionCode.IsValid(region) || !db.Request.Scope.Allows(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
            {
                throw ShianProblemException.NotFound("sampling.region-not-found", "区划不存在或不在您的辖区内");
            }

            var today = ChinaTime.Today(clock);
            var result = await stats.ForAsync(region, from ?? new DateOnly(today.Year, 1, 1), to ?? today, category, ct);
            var d = result.Dashboard;
            return TypedResults.Ok(new
            {
                result.RegionCode, result.RegionName, result.From, result.To, result.Category, result.CategoryName,
                overall = Rate(d.Overall), agriculturalProducts = Rate(d.AgriculturalProducts), byRegion = d.ByRegion.Select(Rate), byCategory = d.ByCategory.Select(Rate),
                byBusinessKind = d.ByBusinessKind.Select(Rate), byMonth = d.ByMonth.Select(Rate), byAnalyte = result.ByAnalyte.Select(Rate),
                dispositions = new { total = result.Dispositions, closed = result.DispositionsClosed, overdue = result.DispositionsOverdue, rate = result.Dispositions == 0 ? (decimal?)null : Math.Round(100m * result.DispositionsClosed / result.Dispositions, 1) },
            });
        }).WithTags("Sampling 抽检监测").Regulated("sampling-stats").Requires(SamplingPermissions.Read).WithSummary("合格率统计：按区划、类别（可下钻）、业态、月份、检测项目；处置率");

        var open = app.MapGroup("/api/v1/public/sampling/announcements").WithTags("Public 公开").AllowAnonymous().RegionNeutral("已发布的抽检信息公告面向社会公开（全国公告的栏目）");
        open.MapGet("/", async (Announcements service, CancellationToken ct) =>
            TypedResults.Ok((await service.PublishedAsync(100, ct)).Select(a => new { a.Id, a.Number, a.PublishedOn, a.Samples, a.NonConforming })))
            .WithSummary("已发布的抽检信息公告");
        open.MapGet("/{id:guid}", async (Guid id, Announcements service, CancellationToken ct) =>
        {
            var (a, rows) = await service.RowsAsync(id, ct) ?? throw ShianProblemException.NotFound("sampling.announcement-not-found", "公告不存在");
            return TypedResults.Ok(new { a.Number, a.PublishedOn, a.Samples, a.NonConforming, rows });
        }).WithSummary("公告的不合格产品信息");
        open.MapGet("/{id:guid}.xlsx", async (Guid id, Announcements service, CancellationToken ct) =>
        {
            var (a, rows) = await service.RowsAsync(id, ct) ?? throw ShianProblemException.NotFound("sampling.announcement-not-found", "公告不存在");
            var ms = new MemoryStream();
            Announcements.WriteXlsx(ms, rows);
            ms.Position = 0;
            return TypedResults.File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{a.Number}-不合格产品信息.xlsx");
        }).WithSummary("公告的不合格产品信息（.xlsx）");
        return app;
    }

    private static object Rate(PassRate p) => new { p.Key, p.Name, p.Samples, p.NonConforming, passRate = p.Rate };

    private static IResult Custody(Sample s) => TypedResults.Ok(new { s.Id, s.Status, s.SentOn, s.ReceivedOn, s.ReportDueBy });

    private static IResult Verdict(Sample s) => TypedResults.Ok(new { s.Id, s.Code, s.Verdict, verdictLabel = s.Verdict is SampleVerdict v ? Judgement.Label(v) : null, s.ReportedOn });

    private static LimitRowView LimitView(Limit l, Standards.Library library, ResolvedLimit? resolved) => new LimitRowView(
        l.Id, l.CategoryCode, library.Categories.TryGetValue(l.CategoryCode, out var c) ? c.Name : l.CategoryCode, l.AnalyteCode,
        library.Analytes.TryGetValue(l.AnalyteCode, out var a) ? a.Name : l.AnalyteCode, l.Value, l.Unit, l.NotDetectable, Samples.LimitText(l.ToRule()), $"{l.Standard}-{l.Edition}",
        l.EffectiveFrom, l.EffectiveTo, l.Excludes, l.Basis, l.Confidence, l.Note, resolved?.Inherited ?? false,
        l.Comparison == LimitComparison.RoundedValue ? "修约值比较法" : "全数值比较法", l.DecisionValue, l.PlanN, l.PlanC, l.UpperLimit);

    internal sealed record LimitRowView(Guid Id, string Category, string CategoryName, string Analyte, string AnalyteName, decimal? Value, string? Unit, bool NotDetectable, string Text,
        string Standard, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Excludes, string? Basis, string? Confidence, string? Note, bool Inherited,
        string Comparison, decimal? DecisionValue, int? PlanN, int? PlanC, decimal? UpperLimit);
}
