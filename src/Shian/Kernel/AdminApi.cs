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

        admin.MapPut("/regions/{code}/populations/{year:int}", async (string code, int year, PopulationRequest request, ShianDb db, CancellationToken ct) =>
        {
            if (!RegionCode.IsValid(code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
            {
                throw ShianProblemException.NotFound("region.not-found", $"区划 {code} 不存在");
            }

            if (year != request.Year)
            {
                throw ShianProblemException.Invalid("population.year-mismatch", "路径中的年份与请求中的年份不一致");
            }

            var figure = await db.PopulationFigures.FirstOrDefaultAsync(p => p.RegionCode == code && p.Year == year, ct);
            if (figure is null)
            {
                db.PopulationFigures.Add(new PopulationFigure { RegionCode = code, Year = year, Population = request.Population, Source = request.Source, Status = "A" });
            }
            else
            {
                figure.Population = request.Population;
                figure.Source = request.Source;
                figure.Status = "A";
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });

        return app;
    }
}
