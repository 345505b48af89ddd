using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;

namespace Shian.Kernel.Attachments;

/// <summary>
/// Adds a file to the caller's unit of work: checks size and type (extension and first bytes), stores the bytes under
/// a key made from a new id, and adds the <see cref="Attachment"/> row for the caller's one SaveChangesAsync. If that
/// save fails, the caller removes the stored bytes with <see cref="DiscardAsync"/>.
/// </summary>
public sealed class AttachmentWriter(ShianDb db, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<Attachment> AddAsync(string regionCode, string? businessUscc, string fileName, byte[] content, CancellationToken ct, string? contentTypeOverride = null)
    {
        var limits = options.Value;
        if (content.Length == 0)
        {
            throw ShianProblemException.Invalid("attachment.empty", "文件为空");
        }

        if (content.Length > limits.MaxBytes)
        {
            throw new ShianProblemException(StatusCodes.Status413PayloadTooLarge, "attachment.too-large", "文件过大", $"文件不能超过 {limits.MaxBytes / 1024 / 1024} MB。");
        }

        var contentType = contentTypeOverride;
        if (contentType is null)
        {
            var type = FileTypes.Detect(fileName, content.AsSpan(0, Math.Min(content.Length, 16)));
            if (type is null || !limits.AllowedExtensions.Contains(type.Extension, StringComparer.OrdinalIgnoreCase))
            {
                throw new ShianProblemException(StatusCodes.Status415UnsupportedMediaType, "attachment.type-not-allowed", "文件类型不允许",
                    $"只允许 {string.Join("、", limits.AllowedExtensions)} 文件，且内容须与扩展名一致。");
            }

            contentType = type.ContentType.StartsWith("text/", StringComparison.Ordinal) ? FileTypes.WithCharset(type.ContentType, content) : type.ContentType;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var attachment = new Attachment
        {
            Id = id,
            RegionCode = regionCode,
            BusinessUscc = string.IsNullOrEmpty(businessUscc) ? null : businessUscc,
            FileName = Path.GetFileName(fileName),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StorageKey = $"{now:yyyy}/{now:MM}/{id:N}",
            UploadedBy = db.Request.UserName,
            UploadedAtUtc = now,
        };
        await using (var stream = new MemoryStream(content, writable: false))
        {
            await store.SaveAsync(attachment.StorageKey, stream, ct);
        }

        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>Removes the bytes of attachments whose unit of work did not commit.</summary>
    public async Task DiscardAsync(IEnumerable<Attachment> attachments)
    {
        foreach (var a in attachments)
        {
            await store.DeleteAsync(a.StorageKey, CancellationToken.None);
        }
    }
}
