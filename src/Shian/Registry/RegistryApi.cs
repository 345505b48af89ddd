using Shian.Kernel.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Identifiers;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Import;
using Shian.Registry.Rules;

namespace Shian.Registry;

/// <summary>/api/v1/businesses: the register of food businesses; /api/v1/business-imports: bulk .xlsx imports.</summary>
internal static class RegistryApi
{
    public sealed record StatusRequest(BusinessStatus Status);

    public sealed record DutyReviewRequest(bool Confirm, string? Reason);

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/businesses").WithTags("Registry 经营者名录").Regulated("businesses");

        group.MapGet("/", async (string? q, string? regionCode, BusinessKind? kind, BusinessStatus? status, bool? licenceExpiring, int? page, int? pageSize,
            RegistryService registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.SearchAsync(new RegistryService.Query(q, regionCode, kind, status, licenceExpiring, page ?? 1, pageSize ?? 50), ct)))
            .Requires(RegistryPermissions.Read).WithSummary("查询经营者（名称、统一社会信用代码或许可证编号；区划、类型、状态、许可证将到期）");

        group.MapPost("/", async (BusinessInput input, RegistryService registry, CancellationToken ct) =>
        {
            var business = await registry.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/businesses/{business.Id}", new { business.Id, business.Name, business.RegionCode });
        }).Requires(RegistryPermissions.Register).WithSummary("登记经营者（可同时登记许可证）");

        group.MapPut("/{id:guid}", async (Guid id, BusinessInput input, RegistryService registry, CancellationToken ct) =>
        {
            var business = await registry.UpdateAsync(id, input, ct);
            return TypedResults.Ok(new { business.Id, business.Name, business.RegionCode });
        }).Requires(RegistryPermissions.Register).WithSummary("更正登记信息（经营状态与许可证另有接口；身份证号留空则不变）");

        group.MapGet("/{id:guid}", async (Guid id, RegistryService registry, CancellationToken ct) =>
        {
            var p = await registry.ProfileAsync(id, ct) ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            var b = p.Business;
            return TypedResults.Ok(new
            {
                b.Id, b.Name, b.Uscc, b.Kind, kindLabel = RegistryLabels.Kinds[b.Kind], b.Status, statusLabel = RegistryLabels.Statuses[b.Status], b.RegionCode,
                b.Address, b.LegalRepresentative, b.ResponsiblePerson, responsiblePersonId = b.ResponsiblePersonIdMasked, b.Phone, b.FloorArea,
                b.Employees, b.ServesSpecialPopulation, b.Places, placesLabel = RegistryLabels.PlacesText(b.Places), b.Certification, b.CertifiedUntil, b.CreatedAtUtc, b.UpdatedAtUtc,
                licences = p.Licences.Select(l => new { l.Id, l.Kind, kindLabel = RegistryLabels.LicenceKinds[l.Kind], l.Number, l.Issuer, l.IssuedOn, l.ValidTo, l.Scope, l.Status, l.SupersedesId }),
            });
        }).Requires(RegistryPermissions.Read).WithSummary("经营者档案（身份证号已脱敏）");

        group.MapGet("/{id:guid}/responsible-person-id", async (Guid id, RegistryService registry, Kernel.Audit.SecurityAudit audit, HttpContext http, CancellationToken ct) =>
        {
            var (_, clear) = await registry.RevealResponsiblePersonIdAsync(id, audit, ct) ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new { responsiblePersonId = clear });
        }).Requires(RegistryPermissions.RevealPersonal).WithSummary("食品安全管理员身份证号原文（需单独权限，每次查看记入审计日志）");

        group.MapPost("/{id:guid}/licences", async (Guid id, RegistryService.LicenceRequest request, RegistryService registry, CancellationToken ct) =>
        {
            var licence = await registry.AddLicenceAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/businesses/{id}", new { licence.Id, licence.Number, licence.ValidTo });
        }).Requires(RegistryPermissions.Licences).WithSummary("登记许可证、换证或延续（supersedes: 被换发的许可证）");

        group.MapGet("/{id:guid}/duties", async (Guid id, RegistryService registry, ShianDb db, CancellationToken ct) =>
        {
            _ = await registry.ProfileAsync(id, ct) ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            return TypedResults.Ok(await db.Duties.AsNoTracking().Where(d => d.BusinessId == id).OrderBy(d => d.Kind).ThenByDescending(d => d.Since)
                .Select(d => new { d.Id, d.Kind, d.Value, d.Since, d.Until, d.EvidenceId, d.RecordedBy, Confirmed = d.ConfirmedBy != null && d.DeclinedReason == null, d.ConfirmedBy, d.DeclinedReason }).ToListAsync(ct));
        }).Requires(RegistryPermissions.Read).WithSummary("主体责任事项（管理员、追溯、自查、保险、明厨亮灶、量化分级等）");

        group.MapPost("/{id:guid}/duties", async (Guid id, Duties.DutyRequest request, Duties duties, CancellationToken ct) =>
        {
            var duty = await duties.AddAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/businesses/{id}/duties", new { duty.Id });
        }).Requires(RegistryPermissions.RecordDuty).WithSummary("登记主体责任事项（附证明材料与日期）");

        var dutyGroup = app.MapGroup("/api/v1/duties").WithTags("Registry 经营者名录").Regulated("duties");
        dutyGroup.MapPost("/{id:guid}/review", async (Guid id, DutyReviewRequest request, Duties duties, CancellationToken ct) =>
        {
            var duty = await duties.ReviewAsync(id, request.Confirm, request.Reason, ct);
            return TypedResults.Ok(new { duty.Id, Confirmed = duty.ConfirmedBy != null, duty.DeclinedReason });
        }).Requires(RegistryPermissions.ConfirmDuty).WithSummary("确认或退回经营者自报的主体责任事项（退回须写明理由；未确认的不计入落实率）");

        group.MapGet("/duty-rates", async (string? regionCode, Duties duties, CancellationToken ct) =>
            TypedResults.Ok(await duties.RatesAsync(regionCode, ct))).Requires(RegistryPermissions.Read).WithSummary("主体责任落实率（工作方案目标的实际值，如投保率、明厨亮灶率）");

        group.MapPost("/{id:guid}/status", async (Guid id, StatusRequest request, RegistryService registry, CancellationToken ct) =>
        {
            var business = await registry.SetStatusAsync(id, request.Status, ct);
            return TypedResults.Ok(new { business.Id, business.Status });
        }).Requires(RegistryPermissions.ChangeStatus).WithSummary("变更经营状态（注销时许可证一并注销）");

        group.MapGet("/export.xlsx", async (string? q, string? regionCode, BusinessKind? kind, BusinessStatus? status, bool? licenceExpiring, RegistryService registry, ShianDb db, HttpContext http, CancellationToken ct) =>
        {
            // The filtered register in the import layout — exactly the list's filters, 许可证将到期 included; person ids stay masked.
            var query = registry.Filter(new RegistryService.Query(q, regionCode, kind, status, licenceExpiring));
            var rows = await (from b in query
                              join l in db.Licences.Where(l => l.Status == LicenceStatus.Valid) on b.Id equals l.BusinessId into ls
                              from l in ls.DefaultIfEmpty()
                              orderby b.RegionCode, b.Name
                              select new { b, l }).ToListAsync(ct);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString("经营者名录.xlsx");
            using var buffer = new MemoryStream();
            RegisterWorkbook.Write(buffer, rows.Select(r => (r.b, (Licence?)r.l)));
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, ct);
        }).Requires(RegistryPermissions.Export).AuditedExport("经营者名录").WithSummary("导出经营者名录（.xlsx，与导入模板同一格式）");

        app.MapGet("/api/v1/business-template.xlsx", () =>
        {
            using var buffer = new MemoryStream();
            var example = new Business
            {
                RegionCode = "210503001000", Name = "本溪市示例餐饮有限公司", Uscc = "91210503MA0XXXXXXN", Kind = BusinessKind.Caterer, Address = "溪湖区示例路 1 号",
                ResponsiblePerson = "张三", FloorArea = 120, Employees = 8,
            };
            RegisterWorkbook.Write(buffer, [(example, new Licence { RegionCode = example.RegionCode, Kind = LicenceKind.FoodOperation, Number = "JY22105030000017", Issuer = "本溪市溪湖区市场监督管理局", IssuedOn = new DateOnly(2024, 3, 1), ValidTo = new DateOnly(2029, 2, 28) })]);
            return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "经营者名录导入模板.xlsx");
        }).WithTags("Registry 经营者名录").RegionNeutral("空白导入模板，只有表头与一行虚构示例").Requires(RegistryPermissions.Import).WithSummary("下载经营者名录导入模板");

        var imports = app.MapGroup("/api/v1/business-imports").WithTags("Registry 经营者名录").UserOwned("business-imports");
        imports.MapPost("/", async (IFormFile file, RegistryImport import, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var job = await import.StartAsync(file.FileName, stream, ct);
            return TypedResults.Accepted($"/api/v1/business-imports/{job.Id}", new { job.Id, job.Status });
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RegistryImport.MaxBytes + (1024 * 1024)))
          .Requires(RegistryPermissions.Import).WithSummary("批量导入经营者名录（.xlsx；先逐行校验，全部无误才一次写入）");

        imports.MapGet("/{id:guid}", async (Guid id, ShianDb db, RegistryImportQueue queue, CancellationToken ct) =>
        {
            var job = await db.BusinessImports.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.CreatedBy == db.Request.UserName, ct)
                ?? throw ShianProblemException.NotFound("registry.import-not-found", "导入任务不存在");
            return TypedResults.Ok(ImportView(job, queue));
        }).Requires(RegistryPermissions.Import).WithSummary("导入进度与结果（逐行错误）");

        app.MapGet("/api/v1/public/businesses/{id:guid}", async (Guid id, PublicBusinessPage pages, CancellationToken ct) =>
            {
                var v = await pages.LoadAsync(id, ct) ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在或已注销");
                var b = v.Business;
                return TypedResults.Ok(new
                {
                    b.Id, b.Name, kind = RegistryLabels.Kinds[b.Kind], district = v.District, street = v.Street,
                    b.Address, b.LicenceNumber, b.LicenceValidTo, status = b.Status, sections = v.Parts.ToDictionary(p => p.Key, p => p.Model),
                });
            })
            .WithTags("Public 公开").AllowAnonymous().RegionNeutral("一户经营者的公开页面数据：许可证与各模块已公开的记录（检查结果、已审核的答复、已公告的抽检、公示期内的处罚、已发布的召回）；区划以名称表示")
            .WithSummary("经营者公开信息（开放数据，与公开页面一致）");

        // Self-registration of a business's account (issue #19): anonymous, rate-limited, region-neutral (the register is
        // read by USCC and only the business's name and the masked phone come back).
        var registration = app.MapGroup("/api/v1/public/business-accounts").WithTags("Public 公开").AllowAnonymous()
            .RequireRateLimiting(RegistryModule.RegistrationLimit)
            .RegionNeutral("经营者自助注册：按统一社会信用代码和许可证编号核对名录，验证码发往名录登记的手机；只返回经营者名称和打码的手机号");
        registration.MapPost("/verification", async (RegistrationStart body, SelfRegistration service, CancellationToken ct) =>
        {
            var started = await service.StartAsync(body.Uscc, body.LicenceNumber, ct);
            return TypedResults.Ok(new { started.ChallengeId, started.BusinessName, phone = started.PhoneMasked, started.ExpiresAtUtc, started.ResendAfterSeconds });
        }).WithSummary("经营者自助注册第一步：核对名录并向登记手机发送验证码");
        registration.MapPost("/", async (RegistrationComplete body, SelfRegistration service, CancellationToken ct) =>
        {
            var done = await service.CompleteAsync(body.ChallengeId, body.Code, body.UserName, body.DisplayName, body.Password, ct);
            return TypedResults.Created("/api/v1/account", new { done.UserName, done.BusinessName });
        }).WithSummary("经营者自助注册第二步：凭验证码设置用户名和密码，账号绑定该统一社会信用代码");

        return app;
    }

    public static object ImportView(BusinessImport job, RegistryImportQueue queue)
    {
        var live = queue.Progress.TryGetValue(job.Id, out var p) ? p : ((int, int)?)null;
        return new
        {
            job.Id, job.FileName, job.Status, job.Message, job.Total, job.Imported, job.ErrorCount, job.CreatedAtUtc, job.FinishedAtUtc,
            processed = live?.Item1 ?? job.Processed,
            phaseTotal = live?.Item2 ?? job.Total,
            errors = job.ErrorsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<RegistryImport.ImportError>>(job.ErrorsJson, System.Text.Json.JsonSerializerOptions.Web) ?? [],
        };
    }
}

/// <summary>Self-registration, step one: the business's 统一社会信用代码 and a valid licence (or filing) number of the register.</summary>
public sealed record RegistrationStart(string? Uscc, string? LicenceNumber);

/// <summary>Self-registration, step two: the code sent to the register's phone, the new user name, the person's name and a password.</summary>
public sealed record RegistrationComplete(Guid ChallengeId, string? Code, string? UserName, string? DisplayName, string? Password);
