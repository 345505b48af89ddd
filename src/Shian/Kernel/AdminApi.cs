using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;

namespace Shian.Kernel;

/// <summary>Administrators keep the kernel's reference data: unit mappings, holiday notices, population figures.</summary>
internal static class AdminApi
{
    public sealed record MapAliasRequest(
        [property: Required(ErrorMessage = "单位名称必填")] string Text,
        [property: Required(ErrorMessage = "文件所属区划必填")] string ContextRegion,
        [property: Required(ErrorMessage = "请选择单位")] string UnitKey);

    public sealed record PopulationRequest(
        [property: Range(1, 2_000_000_000, ErrorMessage = "人口数应为正整数")] long Population,
        [property: Range(1950, 2100, ErrorMessage = "年份应在 1950–2100 之间")] int Year,
        [property: Required(ErrorMessage = "来源必填（公报名称或网址）")] string Source);

    public sealed record UnitRequest(string? Name, string? ShortName, bool CommitteeMember, string? Note);

    public sealed record AliasRequest(string? Alias);

    public sealed record RepointRequest(string? UnitKey);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin 管理").AdminOnly("参考数据维护，仅系统管理员");

        admin.MapPost("/units/aliases", async (MapAliasRequest request, UnitCatalogService units, CancellationToken ct) =>
        {
            if (!RegionCode.IsValid(request.ContextRegion))
            {
                throw ShianProblemException.Invalid("region.code-invalid", "contextRegion：区划代码应为 12 位数字");
            }

            try
            {
                var alias = await units.MapAsync(request.Text, request.ContextRegion, request.UnitKey, ct);
                return TypedResults.Ok(new { alias.UnitKey, alias.Alias });
            }
            catch (KeyNotFoundException)
            {
                throw ShianProblemException.Invalid("unit.not-found", $"单位 {request.UnitKey} 不存在");
            }
        });

        admin.MapPost("/calendar/years/{year:int}", async (int year, [FromForm] string notice, IFormFile file, CalendarImport import, CancellationToken ct) =>
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var outcome = await import.ImportYearAsync(year, notice, reader, ct);
            if (!outcome.Succeeded)
            {
                throw ShianProblemException.Invalid("calendar.import-invalid", "节假日文件有误，未导入任何数据", new Dictionary<string, string[]> { ["file"] = [.. outcome.Errors] });
            }

            return TypedResults.Ok(new { year, outcome.Rows });
        }).DisableAntiforgery();

        admin.MapPut("/regions/{code}/populations/{year:int}", async (string code, int year, PopulationRequest request, Populations populations, CancellationToken ct) =>
        {
            if (year != request.Year)
            {
                throw ShianProblemException.Invalid("population.year-mismatch", "路径中的年份与请求中的年份不一致");
            }

            await populations.SetAsync(code, year, request.Population, request.Source, ct);
            return TypedResults.NoContent();
        }).WithSummary("录入或更正一个区划某年的人口数（记入审计日志）");

        admin.MapGet("/populations/missing", async (Populations populations, CancellationToken ct) =>
            TypedResults.Ok((await populations.MissingAsync(ct)).Select(r => new { r.Region.Code, r.Region.Name, level = r.Region.Level.ToString() })))
            .WithSummary("缺少人口数据的区划（按人口计算抽检任务量时需要）");

        admin.MapGet("/units", async (string? q, string? regionCode, bool? mapped, UnitAdmin units, CancellationToken ct) =>
            TypedResults.Ok((await units.SearchAsync(q, regionCode, mapped ?? false, 100, ct)).Select(r => new
            {
                r.Unit.Key, r.Unit.Name, r.Unit.ShortName, r.Unit.RegionCode, kind = r.Unit.Kind.ToString(), r.Unit.IsCommitteeMember, r.Unit.Note,
                aliases = r.Aliases.Select(a => new { a.Id, a.Alias, origin = a.Origin.ToString(), a.IsFormerName, a.Note, a.ScopeRegionCode }),
            }))).WithSummary("单位目录查询（名称、简称或别名；只看人工指定的别名）");

        admin.MapPut("/units/{key}", async (string key, UnitRequest request, UnitAdmin units, CancellationToken ct) =>
        {
            var unit = await units.UpdateAsync(key, request.Name, request.ShortName, request.CommitteeMember, request.Note, ct);
            return TypedResults.Ok(new { unit.Key, unit.Name, unit.ShortName, unit.IsCommitteeMember });
        }).WithSummary("更正单位名称、简称、食安委成员单位标记（记入审计日志）");

        admin.MapPost("/units/{key}/aliases", async (string key, AliasRequest request, UnitAdmin units, CancellationToken ct) =>
        {
            var alias = await units.AddAliasAsync(key, request.Alias, ct);
            return TypedResults.Created($"/api/v1/admin/units?q={Uri.EscapeDataString(alias.Alias)}", new { alias.Id, alias.UnitKey, alias.Alias });
        }).WithSummary("为单位添加别名");

        admin.MapPost("/unit-aliases/{id:long}/repoint", async (long id, RepointRequest request, UnitAdmin units, CancellationToken ct) =>
        {
            var alias = await units.RepointAliasAsync(id, request.UnitKey ?? "", ct);
            return TypedResults.Ok(new { alias.Id, alias.UnitKey, alias.Alias });
        }).WithSummary("把人工指定的别名改指另一个单位");

        admin.MapDelete("/unit-aliases/{id:long}", async (long id, UnitAdmin units, CancellationToken ct) =>
        {
            await units.DeleteAliasAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("删除人工指定的错误别名（下次导入时该名称重新待指定）");

        return app;
    }
}
