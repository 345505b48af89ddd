using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Identifiers;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Kernel.Attachments;

internal static class AttachmentsApi
{
    public const string Resource = "attachments";

    public sealed record AttachmentDto(Guid Id, string RegionCode, string? BusinessUscc, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc, DateTime? AttachedAtUtc);

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/attachments").WithTags("Attachments 附件").Regulated(Resource).Requires(KernelPermissions.Attachments);

        group.MapPost("/", UploadAsync).DisableAntiforgery();

        group.MapGet("/", async (string? regionCode, int? page, ShianDb db, CancellationToken ct) =>
        {
            var query = db.Attachments.AsNoTracking();
            if (regionCode is not null)
            {
                if (!RegionCode.IsValid(regionCode))
                {
                    throw ShianProblemException.Invalid("region.code-invalid", $"regionCode：区划代码“{regionCode}”应为 12 位数字");
                }

                var prefix = RegionCode.Prefix(regionCode);
                query = query.Where(a => a.RegionCode.StartsWith(prefix));
            }

            var p = Math.Max(1, page ?? 1);
            var rows = await query.OrderByDescending(a => a.Id).Skip((p - 1) * 50).Take(50).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ToDto).ToList());
        });

        group.MapGet("/{id:guid}", async (Guid id, ShianDb db, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await FindAsync(db, id, ct))));

        group.MapGet("/{id:guid}/content", async (Guid id, ShianDb db, IAttachmentStore store, CancellationToken ct) =>
        {
            var a = await FindAsync(db, id, ct);
            var stream = await store.OpenReadAsync(a.StorageKey, ct)
                ?? throw ShianProblemException.NotFound("attachment.content-missing", "附件文件已丢失，请联系管理员");
            return TypedResults.File(stream, a.ContentType, a.FileName);
        });

        group.MapDelete("/{id:guid}", async (Guid id, ShianDb db, IAttachmentStore store, CancellationToken ct) =>
        {
            var a = await FindAsync(db, id, ct);

            // Evidence is immutable: only the uploader removes a mistaken upload, and only before a record uses it.
            if (a.UploadedBy != db.Request.UserName)
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "attachment.not-uploader", "无权操作", "只有上传者本人可以删除尚未使用的附件。");
            }

            if (a.AttachedAtUtc is not null)
            {
                throw ShianProblemException.Conflict("attachment.attached", "该附件已作为证据使用，不能删除；如需更正，请上传新的文件并在记录中说明。");
            }

            db.Attachments.Remove(a);
            await db.SaveChangesAsync(ct);
            await store.DeleteAsync(a.StorageKey, ct);
            return TypedResults.NoContent();
        });

        return app;
    }

    private static async Task<IResult> UploadAsync(
        [FromForm] string regionCode, [FromForm] string? businessUscc, IFormFile file,
        ShianDb db, AttachmentWriter writer, IOwnBusinessRegions ownRegions, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionCode.IsValid(regionCode))
        {
            errors["regionCode"] = ["区划代码应为 12 位数字"];
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            errors["regionCode"] = [$"区划 {regionCode} 不存在"];
        }

        if (!string.IsNullOrEmpty(businessUscc) && !Uscc.IsValid(businessUscc))
        {
            errors["businessUscc"] = ["统一社会信用代码无效（应为 18 位且校验位正确）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("attachment.invalid", "附件信息有误", errors);
        }

        // Refuse an oversized upload before reading it into memory.
        if (file.Length > options.Value.MaxBytes)
        {
            throw new ShianProblemException(StatusCodes.Status413PayloadTooLarge, "attachment.too-large", "文件过大", $"文件不能超过 {options.Value.MaxBytes / 1024 / 1024} MB。");
        }

        var scope = db.Request.Scope;
        var ownBusiness = scope.Uscc is not null && businessUscc == scope.Uscc;
        if (!scope.AllowsCreateIn(regionCode) && !ownBusiness)
        {
            throw ShianProblemException.RegionForbidden($"您无权在区划 {regionCode} 下创建记录。");
        }

        // A business files documents for its own sites only: in a region where it is registered.
        if (!scope.AllowsCreateIn(regionCode) && !(await ownRegions.OfAsync(scope.Uscc!, ct)).Contains(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"本企业未在区划 {regionCode} 登记，不能在该区划上传材料。");
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var attachment = await writer.AddAsync(regionCode, businessUscc, file.FileName, ms.ToArray(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await writer.DiscardAsync([attachment]);
            throw;
        }

        return TypedResults.Created($"/api/v1/attachments/{attachment.Id}", ToDto(attachment));
    }

    private static async Task<Attachment> FindAsync(ShianDb db, Guid id, CancellationToken ct) =>
        await db.Attachments.FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw ShianProblemException.NotFound("attachment.not-found", "附件不存在");

    private static AttachmentDto ToDto(Attachment a) =>
        new(a.Id, a.RegionCode, a.BusinessUscc, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAtUtc, a.AttachedAtUtc);
}
