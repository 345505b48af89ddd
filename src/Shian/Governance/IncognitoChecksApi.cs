using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

namespace Shian.Governance;

/// <summary>/api/v1/incognito-checks: 暗访检查 records of the 食安办.</summary>
internal static class IncognitoChecksApi
{
    public sealed record CheckRequest(string RegionCode, string? UnitKey, DateOnly CheckedOn, string Place, string Findings, int Problems, CheckRating Rating);

    public static IEndpointRouteBuilder MapIncognitoChecksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incognito-checks").WithTags("Incognito checks 暗访").Regulated("incognito-checks");

        group.MapPost("/", async (CheckRequest request, ShianDb db, UnitCatalogService units, TimeProvider clock, CancellationToken ct) =>
        {
            var check = await RecordAsync(request, db, units, clock, ct);
            return TypedResults.Created($"/api/v1/incognito-checks/{check.Id}", new { check.Id });
        }).Requires(GovernancePermissions.Incognito).WithSummary("记录暗访检查");

        group.MapGet("/", async (string? regionCode, ShianDb db, CancellationToken ct) =>
        {
            var query = db.IncognitoChecks.AsNoTracking();
            if (regionCode is not null && RegionCode.IsValid(regionCode))
            {
                var prefix = RegionCode.Prefix(regionCode);
                query = query.Where(c => c.RegionCode.StartsWith(prefix));
            }

            return TypedResults.Ok(await query.OrderByDescending(c => c.CheckedOn).Take(200).ToListAsync(ct));
        }).Requires(GovernancePermissions.IncognitoRead);

        group.MapGet("/{id:guid}", async (Guid id, ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.IncognitoChecks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw ShianProblemException.NotFound("governance.check-not-found", "暗访记录不存在"))).Requires(GovernancePermissions.IncognitoRead);

        return app;
    }

    public static async Task<IncognitoCheck> RecordAsync(CheckRequest request, ShianDb db, UnitCatalogService units, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionCode.IsValid(request.RegionCode) || !await db.Regions.AnyAsync(r => r.Code == request.RegionCode, ct))
        {
            errors["regionCode"] = ["请选择被检查的区划"];
        }

        if (string.IsNullOrWhiteSpace(request.Place))
        {
            errors["place"] = ["请填写检查地点"];
        }

        if (string.IsNullOrWhiteSpace(request.Findings))
        {
            errors["findings"] = ["请填写检查情况"];
        }

        if (request.Problems is < 0 or > 1000)
        {
            errors["problems"] = ["问题数应在 0–1000 之间"];
        }

        var today = Shian.Kernel.Calendar.ChinaTime.Today(clock);
        if (request.CheckedOn > today)
        {
            errors["checkedOn"] = ["检查日期不能晚于今天"];
        }

        Unit? unit = null;
        if (!string.IsNullOrEmpty(request.UnitKey))
        {
            unit = (await units.LoadAsync(ct)).Find(request.UnitKey);
            if (unit is null)
            {
                errors["unitKey"] = [$"单位 {request.UnitKey} 不存在"];
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.check-invalid", "暗访记录有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(request.RegionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权记录区划 {request.RegionCode} 的暗访检查。");
        }

        var check = new IncognitoCheck
        {
            RegionCode = request.RegionCode,
            UnitKey = unit?.Key,
            UnitName = unit?.Name,
            CheckedOn = request.CheckedOn,
            Place = request.Place.Trim(),
            Findings = request.Findings.Trim(),
            Problems = request.Problems,
            Rating = request.Rating,
            RecordedBy = db.Request.UserName,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.IncognitoChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return check;
    }
}
