using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Indicators.Contracts;
using Shian.Indicators.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Indicators;

internal static class IndicatorsModule
{
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IndicatorValues>();
        builder.Services.AddScoped<IIndicatorReader>(sp => sp.GetRequiredService<IndicatorValues>());
        builder.Services.AddScoped<IndicatorEntries>();
        builder.Services.AddScoped<Demonstration>();
        builder.Services.AddScoped<IndicatorsWorkbench>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchTiles>(sp => sp.GetRequiredService<IndicatorsWorkbench>());
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource>(sp => sp.GetRequiredService<IndicatorsWorkbench>());
        return builder;
    }

    /// <summary>The region asked for, or the caller's home region; null outside the caller's regions (a page answers 404).</summary>
    public static Task<string?> RegionOrNullAsync(string? region, ShianDb db, ShianOptions shian, CancellationToken ct) =>
        Web.RegionChoices.HomeOrNullAsync(region, db, shian, ct);

    /// <summary>As <see cref="RegionOrNullAsync"/>, for the API: 404 outside the caller's regions (as every dashboard).</summary>
    public static async Task<string> RegionAsync(string? region, ShianDb db, ShianOptions shian, CancellationToken ct) =>
        await RegionOrNullAsync(region, db, shian, ct) ?? throw ShianProblemException.NotFound("indicators.region-not-found", "区划不存在或不在您的辖区内");

    public static WebApplication MapIndicators(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/indicators").WithTags("Indicators 指标").Regulated("indicators");
        g.MapGet("/", () => TypedResults.Ok(IndicatorCatalogue.All.Select(d => new
        {
            d.Key, d.Version, d.Name, unit = d.DisplayUnit, d.Module, d.Computed, d.Numerator, d.Denominator, d.Serves, d.Method,
        }))).Requires(IndicatorsPermissions.Read).WithSummary("指标目录：口径（分子、分母）、来源模块、所服务的工作方案目标");

        g.MapGet("/values", async (string? regionCode, int? year, IndicatorValues values, ShianDb db, IOptions<ShianOptions> shian, CancellationToken ct) =>
        {
            var code = await RegionAsync(regionCode, db, shian.Value, ct);
            var board = await values.BoardAsync(code, year ?? values.Today.Year, ct);
            return TypedResults.Ok(new
            {
                board.RegionCode, board.RegionName, board.Year, board.From, board.To, board.ComputedAtUtc,
                values = board.Values.Select(v => new
                {
                    v.Definition.Key, v.Definition.Name, unit = v.Definition.DisplayUnit, v.Definition.Computed, v.Figure.Value, v.Figure.Numerator, v.Figure.Denominator, v.Note,
                    targets = board.Targets.Where(t => t.IndicatorKey == v.Definition.Key).Select(t => new { t.Comparator, t.Value, t.PlanTitle, t.PlanId, t.Confirmed, met = IndicatorMath.Meets(t.Comparator, t.Value, v.Figure.Value) }),
                }),
            });
        }).Requires(IndicatorsPermissions.Read).WithSummary("一个区划一年的全部指标值（当年为截至今日），附关联的工作方案目标");

        g.MapGet("/{key}", async (string key, string? regionCode, int? year, IndicatorValues values, ShianDb db, IOptions<ShianOptions> shian, CancellationToken ct) =>
        {
            var d = IndicatorCatalogue.Find(key) ?? throw ShianProblemException.NotFound("indicators.not-found", $"没有指标 {key}");
            var code = await RegionAsync(regionCode, db, shian.Value, ct);
            var detail = await values.DetailAsync(d, code, year ?? values.Today.Year, ct);
            return TypedResults.Ok(new
            {
                d.Key, d.Version, d.Name, unit = d.DisplayUnit, d.Computed, d.Method, d.Serves, detail.RegionCode, detail.RegionName, detail.Year, detail.From, detail.To,
                detail.Own.Figure.Value, detail.Own.Figure.Numerator, detail.Own.Figure.Denominator, detail.Own.Note, detail.ComputedAtUtc,
                children = detail.Children.Select(c => new { c.Code, c.Name, c.Value.Figure.Value, c.Value.Figure.Numerator, c.Value.Figure.Denominator, c.Value.Note }),
                trend = detail.Trend.Select(p => new { p.To, p.Value }),
                targets = detail.Targets.Select(t => new { t.Comparator, t.Value, t.PlanTitle, t.PlanId, t.Confirmed, met = IndicatorMath.Meets(t.Comparator, t.Value, detail.Own.Figure.Value) }),
                entries = detail.History.Select(e => new { e.Id, e.RegionCode, e.Value, e.Numerator, e.Denominator, e.Evidence, e.EnteredBy, e.EnteredAtUtc }),
            });
        }).Requires(IndicatorsPermissions.Read).WithSummary("一项指标：本级值、下级区划（下钻）、当年逐月累计趋势、目标、填报记录");

        g.MapPost("/{key}/entries", async (string key, IndicatorEntries.EntryRequest r, IndicatorEntries entries, CancellationToken ct) =>
        {
            var e = await entries.EnterAsync(key, r, ct);
            return TypedResults.Created($"/api/v1/indicators/{key}?regionCode={e.RegionCode}&year={e.Year}", new { e.Id, e.IndicatorKey, e.RegionCode, e.Year, e.Value });
        }).Requires(IndicatorsPermissions.Enter).WithSummary("填报系统无法计算的指标值（附数据来源与佐证；更正即再填一次，以最新为准）");
        MapDemonstration(app);
        return app;
    }

    private static void MapDemonstration(WebApplication app)
    {
        var g = app.MapGroup("/api/v1/indicators/demonstration").WithTags("Indicators 指标").Regulated("demonstration");
        g.MapGet("/", async (string? regionCode, int? year, Demonstration demo, CancellationToken ct) =>
            TypedResults.Ok((await demo.ListAsync(regionCode, year, ct)).Select(a => new { a.Id, a.RegionCode, a.Year, a.Title, stage = a.StageOn(demo.Today).ToString(), a.StartsOn, a.EndsOn })))
            .Requires(IndicatorsPermissions.Read).WithSummary("创建示范城市自评列表（本辖区，可按区划、年度筛选）");

        g.MapGet("/{id:guid}", async (Guid id, Demonstration demo, CancellationToken ct) =>
        {
            var a = await demo.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("demonstration.not-found", "创建自评不存在或不在您的辖区内");
            var r = await demo.ReportAsync(a, ct);
            return TypedResults.Ok(new
            {
                a.Id, a.RegionCode, r.RegionName, a.Year, a.Title, a.StartsOn, a.PreparationEnds, a.ImplementationEnds, a.EndsOn, stage = r.Stage.ToString(),
                thresholds = r.Thresholds, r.Result.Score, r.Result.Vetoed,
                criteria = r.Result.Criteria.Select(c => new
                {
                    c.Criterion.Code, group = c.Criterion.Group.ToString(), c.Criterion.Title, c.Criterion.Requirement, status = c.Status.ToString(), c.Reason,
                    measures = c.Measures.Select(m => new { m.Measure.IndicatorKey, m.Measure.Comparator, m.Measure.Parameter, m.Threshold, m.Value, m.Met }),
                    judgement = r.Latest.TryGetValue(c.Criterion.Code, out var j) ? new { verdict = j.Verdict.ToString(), j.Evidence, j.Rectification, j.RectifyBy, j.JudgedBy, j.JudgedAtUtc } : null,
                }),
                areas = r.Areas.Select(x => new
                {
                    x.Code, x.Name, x.Result.Score, x.Result.Vetoed, x.OwnAssessment,
                    notMet = x.Result.Criteria.Where(c => c.Status == CriterionStatus.NotMet).Select(c => c.Criterion.Code),
                    pending = x.Result.Count(CriterionStatus.Pending),
                }),
            });
        }).Requires(IndicatorsPermissions.Read).WithSummary("一份创建自评：逐项结论（实时指标与自查评定）、得分、一票否决、下级区划差距");

        g.MapGet("/{id:guid}/report.docx", async (Guid id, Demonstration demo, ShianDb db, CancellationToken ct) =>
        {
            var a = await demo.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("demonstration.not-found", "创建自评不存在或不在您的辖区内");
            var r = await demo.ReportAsync(a, ct);
            return TypedResults.File(Demonstration.Docx(r, r.RegionName + "食品安全示范城市创建工作领导小组办公室"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"创建自评差距报告-{a.RegionCode}-{a.Year}.docx");
        }).Requires(IndicatorsPermissions.Read).WithSummary("差距报告（.docx，供创建办）");

        g.MapPost("/", async (Demonstration.AssessmentInput input, Demonstration demo, CancellationToken ct) =>
        {
            var a = await demo.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/indicators/demonstration/{a.Id}", new { a.Id, a.RegionCode, a.Year, a.Title });
        }).Requires(IndicatorsPermissions.Assess).WithSummary("建立创建自评：阶段日期与方案中的 x（创建指标值）");

        g.MapPut("/{id:guid}", async (Guid id, Demonstration.AssessmentInput input, Demonstration demo, CancellationToken ct) =>
        {
            var a = await demo.UpdateAsync(id, input, ct);
            return TypedResults.Ok(new { a.Id, a.RegionCode, a.Year, a.Title });
        }).Requires(IndicatorsPermissions.Assess).WithSummary("修改创建自评的名称、阶段与 x（留空即清除）");

        g.MapPost("/{id:guid}/judgements", async (Guid id, Demonstration.JudgementInput input, Demonstration demo, CancellationToken ct) =>
        {
            var j = await demo.JudgeAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/indicators/demonstration/{id}", new { j.Id, j.CriterionCode, verdict = j.Verdict.ToString() });
        }).Requires(IndicatorsPermissions.Assess).WithSummary("逐项自查评定（符合、基本符合、不符合，附依据；不符合附整改措施与期限）");
    }
}
