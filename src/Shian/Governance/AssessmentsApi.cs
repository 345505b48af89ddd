using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Governance;

/// <summary>/api/v1/assessments (考核), /api/v1/interviews (约谈) and the public results.</summary>
internal static class AssessmentsApi
{
    public sealed record InterviewRequest(Guid? SupervisionNoticeId, string? RegionCode, string? SubjectKey, string Reason);

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assessments").WithTags("Assessments 考核").Regulated("assessments");

        group.MapGet("/", async (AssessmentService assessments, CancellationToken ct) =>
            TypedResults.Ok((await assessments.SchemesAsync(ct)).Select(s => new { s.Id, s.RegionCode, s.Year, s.Title, s.Status, s.PublishedAtUtc })))
            .Requires(GovernancePermissions.Assess).WithSummary("考核方案（本辖区组织的）");

        group.MapPost("/", async (AssessmentService.CreateRequest request, AssessmentService assessments, CancellationToken ct) =>
        {
            var scheme = await assessments.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/assessments/{scheme.Id}", new { scheme.Id, scheme.Title, scheme.Year });
        }).Requires(GovernancePermissions.Assess).WithSummary("新建年度考核方案（fromPlans: 按本年度工作方案生成项目）");

        group.MapGet("/{id:guid}", async (Guid id, AssessmentRanking ranking, CancellationToken ct) =>
            TypedResults.Ok(Shape(await ranking.ViewAsync(id, ct) ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核方案不存在"))))
            .Requires(GovernancePermissions.Assess).WithSummary("考核方案、项目与排名（草稿时实时计算，公布后为冻结结果）");

        group.MapPost("/{id:guid}/items", async (Guid id, AssessmentService.ItemRequest request, AssessmentService assessments, CancellationToken ct) =>
        {
            var item = await assessments.AddItemAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/assessments/{id}", new { item.Id, item.Ordinal });
        }).Requires(GovernancePermissions.Assess).WithSummary("添加考核项目");

        group.MapPatch("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, AssessmentService.ItemUpdate update, AssessmentService assessments, CancellationToken ct) =>
        {
            var item = await assessments.UpdateItemAsync(id, itemId, update, ct);
            return TypedResults.Ok(new { item.Id, item.Name, item.Weight, item.AppliesTo, item.DeductionPerProblem });
        }).Requires(GovernancePermissions.Assess).WithSummary("修改考核项目（名称、分值、适用对象、扣分标准）");

        group.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, AssessmentService assessments, CancellationToken ct) =>
        {
            await assessments.DeleteItemAsync(id, itemId, ct);
            return TypedResults.NoContent();
        }).Requires(GovernancePermissions.Assess).WithSummary("删除考核项目");

        group.MapPut("/{id:guid}/items/{itemId:guid}/scores", async (Guid id, Guid itemId, AssessmentService.ScoreRequest request, AssessmentService assessments, CancellationToken ct) =>
        {
            await assessments.SetScoreAsync(id, itemId, request, ct);
            return TypedResults.NoContent();
        }).Requires(GovernancePermissions.Assess).WithSummary("人工评分或加分（points 为空则清除）");

        group.MapPost("/{id:guid}/vetoes", async (Guid id, AssessmentService.VetoRequest request, AssessmentService assessments, CancellationToken ct) =>
        {
            var veto = await assessments.VetoAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/assessments/{id}", new { veto.Id });
        }).Requires(GovernancePermissions.Assess).WithSummary("一票否决（发生重大食品安全事故等）");

        group.MapDelete("/{id:guid}/vetoes/{vetoId:guid}", async (Guid id, Guid vetoId, AssessmentService assessments, CancellationToken ct) =>
        {
            await assessments.RemoveVetoAsync(id, vetoId, ct);
            return TypedResults.NoContent();
        }).Requires(GovernancePermissions.Assess).WithSummary("撤销一票否决");

        group.MapPost("/{id:guid}/publish", async (Guid id, AssessmentPublication publication, CancellationToken ct) =>
            TypedResults.Ok(Shape(await publication.PublishAsync(id, ct))))
            .Requires(GovernancePermissions.Assess).WithSummary("公布考核结果（冻结结果、向社会公开、提出约谈建议）");

        group.MapGet("/results", async (ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.AssessmentResults.AsNoTracking().OrderByDescending(r => r.Year).ThenBy(r => r.Rank)
                .Select(r => new { r.SchemeId, r.Year, r.AssesseeKey, r.AssesseeName, r.AssesseeKind, r.Total, r.Rank, r.Grade, r.Vetoed })
                .Take(500).ToListAsync(ct)))
            .Requires(GovernancePermissions.Results).WithSummary("本辖区单位的考核结果（各年）");

        var interviewGroup = app.MapGroup("/api/v1/interviews").WithTags("Interviews 约谈").Regulated("interviews");
        interviewGroup.MapGet("/", async (Interviews service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ct)).Select(i => new
            {
                i.Id, i.RegionCode, i.SubjectKey, i.SubjectName, i.Trigger, triggerLabel = InterviewRule.Label(i.Trigger), i.Reason, i.Status, i.Year, i.HeldOn, i.Attendees, i.Notes,
            }))).Requires(GovernancePermissions.Supervise).WithSummary("约谈（建议与记录）");

        interviewGroup.MapPost("/", async (InterviewRequest request, Interviews service, CancellationToken ct) =>
        {
            var interview = await service.RecordAsync(request.SupervisionNoticeId, request.RegionCode, request.SubjectKey, request.Reason ?? "", ct);
            return TypedResults.Created($"/api/v1/interviews/{interview.Id}", new { interview.Id });
        }).Requires(GovernancePermissions.Supervise).WithSummary("提出约谈（如督办逾期的升级）");

        interviewGroup.MapPost("/{id:guid}/decision", async (Guid id, Interviews.InterviewDecision decision, Interviews service, CancellationToken ct) =>
        {
            var interview = await service.DecideAsync(id, decision, ct);
            return TypedResults.Ok(new { interview.Id, interview.Status });
        }).Requires(GovernancePermissions.Supervise).WithSummary("记录约谈结果或不予约谈");

        var open = app.MapGroup("/api/v1/public/assessments").WithTags("Public 公开").AllowAnonymous()
            .RegionNeutral("考核结果经食安办公布后向社会公开（seed 000：考核结果向社会公布）；只返回已公布的方案");
        open.MapGet("/", async (AssessmentPublication publication, CancellationToken ct) =>
            TypedResults.Ok((await publication.PublishedSchemesAsync(ct)).Select(s => new { s.Id, s.RegionCode, s.Year, s.Title, s.PublishedAtUtc })))
            .WithSummary("已公布的考核结果");
        open.MapGet("/{schemeId:guid}", async (Guid schemeId, AssessmentPublication publication, CancellationToken ct) =>
            TypedResults.Ok(Shape(await publication.PublishedViewAsync(schemeId, ct) ?? throw ShianProblemException.NotFound("governance.assessment-not-found", "考核结果不存在或尚未公布"))))
            .WithSummary("已公布的考核排名");

        return app;
    }

    private static object Shape(AssessmentRanking.SchemeView v) => new
    {
        v.Scheme.Id, v.Scheme.RegionCode, v.Scheme.Year, v.Scheme.Title, v.Scheme.Status, v.Scheme.PublishedAtUtc,
        thresholds = new { excellent = v.Scheme.ExcellentFrom, good = v.Scheme.GoodFrom, pass = v.Scheme.PassFrom },
        items = v.Items.Select(i => new { i.Id, i.Ordinal, i.Name, i.Kind, i.Weight, i.AppliesTo, i.TargetId, i.PlanId, i.DeductionPerProblem }),
        districts = v.Districts.Select(RowOf),
        departments = v.Departments.Select(RowOf),
        publishBlockers = v.PublishBlockers,
        lastYear = v.LastYear,
    };

    private static object RowOf(AssessmentRanking.Row r) => new
    {
        key = r.Assessee.Key, name = r.Assessee.Name, kind = r.Assessee.Kind, regionCode = r.Assessee.RegionCode,
        r.Rank, total = r.Score.Total, baseScore = r.Score.Base, bonus = r.Score.Bonus, grade = r.Score.Grade, gradeLabel = r.Rank > 0 ? AssessmentScoring.Label(r.Score.Grade) : "暂无数据", measured = r.Score.Measured,
        vetoed = r.Score.Vetoed, vetoReason = r.VetoReason, targetsMissed = r.Score.TargetsMissed,
        lastYearTotal = r.LastYearTotal, lastYearRank = r.LastYearRank, change = r.Change, rankChange = r.RankChange,
        items = r.Score.Items.Select(i => new { i.ItemId, i.Name, i.Kind, i.Applicable, i.Points, i.Max, i.Explanation }),
    };
}
