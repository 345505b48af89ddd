using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Risk.Contracts;
using Shian.Risk.Domain;
using Shian.Risk.Rules;

namespace Shian.Risk;

/// <summary>/api/v1/risk: grades with their reasons, the distribution per grade, re-grading; schemes for administrators.</summary>
internal static class RiskApi
{
    public sealed record RecomputeRequest(string? RegionCode);


    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/risk").WithTags("Risk 风险分级").Regulated("risk-grades");

        group.MapGet("/businesses/{id:guid}", async (Guid id, RiskGrading grading, CancellationToken ct) =>
        {
            var (current, history) = await grading.OfBusinessAsync(id, ct);
            if (current is null)
            {
                throw ShianProblemException.NotFound("risk.grade-not-found", "该经营者尚无风险等级");
            }

            return TypedResults.Ok(new
            {
                businessId = id, current.Grade, current.Total, staticScore = current.StaticScore, dynamicScore = current.DynamicScore,
                inspectionsPerYear = new { min = current.InspectionsPerYearMin, max = current.InspectionsPerYearMax },
                scheme = new { code = current.SchemeCode, version = current.SchemeVersion }, current.ComputedAtUtc,
                factors = RiskGrading.Factors(current),
                history = history.Select(h => new { h.Grade, h.Total, h.ComputedAtUtc, h.SchemeCode, h.SchemeVersion }),
            });
        }).Requires(RiskPermissions.Read).WithSummary("经营者的风险等级及评分依据（逐项）和历史");

        group.MapGet("/summary", async (string? regionCode, RiskGrading grading, CancellationToken ct) =>
            TypedResults.Ok(await grading.SummaryAsync(regionCode, ct))).Requires(RiskPermissions.Read).WithSummary("各风险等级的经营者户数");

        group.MapPost("/recompute", async (RecomputeRequest request, RiskGrading grading, CancellationToken ct) =>
        {
            var region = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
            if (region is not null && !Kernel.Regions.RegionCode.IsValid(region))
            {
                throw ShianProblemException.Invalid("risk.region-invalid", "区划代码应为 12 位", new Dictionary<string, string[]> { ["regionCode"] = ["区划代码应为 12 位"] });
            }

            if (region is null && !grading.Unrestricted)
            {
                throw ShianProblemException.Invalid("risk.region-required", "请指定要重新评定的区划", new Dictionary<string, string[]> { ["regionCode"] = ["请指定区划"] });
            }

            var outcome = await grading.RecomputeRegionAsync(region, ct);
            return TypedResults.Ok(outcome);
        }).Requires(RiskPermissions.Recompute).WithSummary("重新评定一个区划内经营者的风险等级");

        var admin = app.MapGroup("/api/v1/admin/risk-schemes").WithTags("Risk 风险分级").AdminOnly("风险分级方案是全平台的规则数据");
        admin.MapGet("/", async (ShianDb db, CancellationToken ct) => TypedResults.Ok(await db.RiskSchemes.AsNoTracking().OrderBy(s => s.Province).ThenBy(s => s.Code).ThenBy(s => s.Version)
            .Select(s => new { s.Id, s.Code, s.Version, s.Name, s.Province, s.EffectiveFrom, s.Basis, s.DefinitionJson }).ToListAsync(ct))).WithSummary("风险分级方案（各版本）");
        admin.MapPost("/", async (RiskSchemes.Request request, RiskSchemes schemes, CancellationToken ct) =>
        {
            var scheme = await schemes.AddAsync(request, ct);
            return TypedResults.Created($"/api/v1/admin/risk-schemes", new { scheme.Id });
        }).WithSummary("新增风险分级方案版本（生效日起用于该省）");

        return app;
    }
}
