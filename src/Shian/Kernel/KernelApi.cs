using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

namespace Shian.Kernel;

/// <summary>Read-only reference data of the shared kernel: regions, working-day calendar, unit catalogue.</summary>
internal static class KernelApi
{
    public sealed record RegionDto(string Code, string Name, RegionLevel Level, string? ParentCode, bool IsOfficial);

    public sealed record RegionDetailDto(RegionDto Region, IReadOnlyList<RegionDto> Ancestors, IReadOnlyList<PopulationDto> Populations);

    public sealed record PopulationDto(string RegionCode, long Population, int Year, string Source, string Status);

    public sealed record PopulationRollupDto(string RegionCode, long? Population, int? Year, IReadOnlyList<PopulationDto> Used, IReadOnlyList<RegionDto> MissingRegions);

    public sealed record CalendarDayDto(DateOnly Date, bool IsWorkingDay, bool Covered, string? Holiday, CalendarDayKind? Kind, string? Source);

    public sealed record WorkingDayDto(DateOnly Date, bool Provisional, string? Notice);

    public sealed record WorkingDayCountDto(int Days, bool Provisional, string? Notice);

    public sealed record UnitDto(string Key, string RegionCode, string Name, UnitKind Kind, bool IsCommitteeMember, string? Note);

    public sealed record ResolveRequest(
        [property: Required(ErrorMessage = "单位名称必填")] string Text,
        [property: Required(ErrorMessage = "文件所属区划必填")] string ContextRegion);

    public sealed record ResolutionDto(string Text, ResolutionKind Kind, IReadOnlyList<UnitDto> Units, string Rule, IReadOnlyList<UnitDto> Candidates);

    public sealed record ApiKeyRequest(string? Name);

    public static IEndpointRouteBuilder MapKernelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        var regions = api.MapGroup("/regions").WithTags("Regions 区划").RegionNeutral("区划树与人口是公开的参考数据").Requires(KernelPermissions.Reference);
        regions.MapGet("/", async (string? parent, ShianDb db, CancellationToken ct) =>
        {
            if (parent is not null)
            {
                EnsureRegionCode(parent, "parent");
            }

            var rows = await db.Regions.AsNoTracking().Where(r => r.ParentCode == parent).OrderBy(r => r.Code).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ToDto).ToList());
        });
        regions.MapGet("/{code}", async (string code, ShianDb db, CancellationToken ct) =>
        {
            EnsureRegionCode(code, "code");
            var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct)
                ?? throw ShianProblemException.NotFound("region.not-found", $"区划 {code} 不存在");
            var ancestorCodes = RegionCode.Ancestors(code);
            var ancestors = await db.Regions.AsNoTracking().Where(r => ancestorCodes.Contains(r.Code)).OrderBy(r => r.Code).ToListAsync(ct);
            var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.RegionCode == code).OrderByDescending(p => p.Year).ToListAsync(ct);
            return TypedResults.Ok(new RegionDetailDto(ToDto(region), [.. ancestors.Select(ToDto)], [.. figures.Select(ToDto)]));
        });
        regions.MapGet("/{code}/population", async (string code, int? year, ShianDb db, CancellationToken ct) =>
        {
            EnsureRegionCode(code, "code");
            var all = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(RegionCode.Prefix(code))).ToListAsync(ct);
            if (all.All(r => r.Code != code))
            {
                throw ShianProblemException.NotFound("region.not-found", $"区划 {code} 不存在");
            }

            var figures = await db.PopulationFigures.AsNoTracking().Where(p => p.RegionCode.StartsWith(RegionCode.Prefix(code))).ToListAsync(ct);
            var tree = new RegionTree(all);
            var result = PopulationRollup.For(code, tree, figures, year);
            return TypedResults.Ok(new PopulationRollupDto(code, result.Population, result.Year, [.. result.Used.Select(ToDto)],
                [.. result.MissingRegionCodes.Select(c => tree.Find(c)).OfType<Region>().Select(ToDto)]));
        });

        var calendar = api.MapGroup("/calendar").WithTags("Calendar 工作日").RegionNeutral("法定节假日安排是全国统一的参考数据").Requires(KernelPermissions.Reference);
        calendar.MapGet("/days/{date}", (DateOnly date, WorkingDayCalendarProvider provider) =>
        {
            var cal = provider.Current;
            var e = cal.ExceptionOn(date);
            return TypedResults.Ok(new CalendarDayDto(date, cal.IsWorkingDay(date), cal.Covers(date), e?.Name, e?.Kind, e?.Source));
        });
        calendar.MapGet("/add-working-days", (DateOnly start, int days, WorkingDayCalendarProvider provider) =>
        {
            if (days is < 0 or > 3650)
            {
                throw ShianProblemException.Invalid("calendar.days-out-of-range", "工作日数应在 0 到 3650 之间");
            }

            var r = provider.Current.AddWorkingDays(start, days);
            return TypedResults.Ok(new WorkingDayDto(r.Date, r.Provisional, r.Provisional ? WorkingDayResult.ProvisionalNotice : null));
        });
        calendar.MapGet("/working-days-between", (DateOnly from, DateOnly to, WorkingDayCalendarProvider provider) =>
        {
            if (Math.Abs(to.DayNumber - from.DayNumber) > 36500)
            {
                throw ShianProblemException.Invalid("calendar.range-too-long", "日期范围不能超过 100 年");
            }

            var r = provider.Current.WorkingDaysBetween(from, to);
            return TypedResults.Ok(new WorkingDayCountDto(r.Days, r.Provisional, r.Provisional ? WorkingDayResult.ProvisionalNotice : null));
        });

        var units = api.MapGroup("/units").WithTags("Units 单位").RegionNeutral("政府部门目录是公开的参考数据").Requires(KernelPermissions.Reference);
        units.MapGet("/", async (string region, ShianDb db, CancellationToken ct) =>
        {
            EnsureRegionCode(region, "region");
            var rows = await db.Units.AsNoTracking().Where(u => u.RegionCode == region).OrderBy(u => u.Key).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ToDto).ToList());
        });
        units.MapPost("/resolve", async (ResolveRequest request, UnitCatalogService service, CancellationToken ct) =>
        {
            EnsureRegionCode(request.ContextRegion, "contextRegion");
            var catalog = await service.LoadAsync(ct);
            if (catalog.Regions.Find(request.ContextRegion) is null)
            {
                throw ShianProblemException.Invalid("region.unknown", $"区划 {request.ContextRegion} 不存在");
            }

            var results = UnitNameResolver.ResolveCell(catalog, request.Text, request.ContextRegion);
            return TypedResults.Ok(results.Select(r => new ResolutionDto(r.Text, r.Kind,
                [.. r.UnitKeys.Select(catalog.Find).OfType<Unit>().Select(ToDto)], r.Rule,
                [.. r.Candidates.Select(catalog.Find).OfType<Unit>().Select(ToDto)])).ToList());
        });

        // A business user's machine keys (EPCIS capture from its own systems): the key itself is shown once, at issue.
        var keys = api.MapGroup("/account/api-keys").WithTags("Account 账号").UserOwned("api-keys").Requires(KernelPermissions.ApiKeys);
        keys.MapGet("/", async (ApiKeys k, CancellationToken ct) =>
            TypedResults.Ok((await k.MineAsync(ct)).Select(x => new { x.Id, x.Name, x.Prefix, scopes = x.Scopes.Split(' '), x.CreatedAtUtc, x.LastUsedAtUtc, x.RevokedAtUtc })))
            .WithSummary("本人签发的接口密钥（不含密钥本身）");
        keys.MapPost("/", async (ApiKeyRequest r, ApiKeys k, CancellationToken ct) =>
        {
            var issued = await k.IssueAsync(r.Name, ct);
            return TypedResults.Created($"/api/v1/account/api-keys/{issued.Id}", issued);
        }).WithSummary("签发接口密钥（只显示这一次；请求头 X-Api-Key 携带；只能报送和查询本企业的追溯数据）");
        keys.MapPost("/{id:guid}/revocation", async (Guid id, ApiKeys k, CancellationToken ct) =>
        {
            await k.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("停用接口密钥");

        return app;
    }

    private static void EnsureRegionCode(string code, string field)
    {
        if (!RegionCode.IsValid(code))
        {
            throw ShianProblemException.Invalid("region.code-invalid", $"{field}：区划代码“{code}”应为 12 位数字", new Dictionary<string, string[]> { [field] = ["区划代码应为 12 位数字"] });
        }
    }

    private static RegionDto ToDto(Region r) => new(r.Code, r.Name, r.Level, r.ParentCode, r.IsOfficial);

    private static PopulationDto ToDto(PopulationFigure p) => new(p.RegionCode, p.Population, p.Year, p.Source, p.Status);

    private static UnitDto ToDto(Unit u) => new(u.Key, u.RegionCode, u.Name, u.Kind, u.IsCommitteeMember, u.Note);
}
