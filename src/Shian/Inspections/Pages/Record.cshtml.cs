using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections.Contracts;
using Shian.Inspections.Domain;
using Shian.Inspections.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;

namespace Shian.Inspections.Pages;

/// <summary>
/// 监督检查结果记录表: a finished inspection as it was recorded — the checklist version it was filled with, each answer,
/// the failed items that affect safety, findings, inspectors, photos and the business's signature; printable.
/// </summary>
[Requires(InspectionsPermissions.ReadRecords)]
public sealed class RecordModel(ShianDb db, ChecklistBook checklists, IBusinessDirectory directory, IAttachmentStore store) : PageModel
{
    public InspectionRecord Record { get; private set; } = null!;

    public BusinessIdentity? Business { get; private set; }

    public Checklist? Checklist { get; private set; }

    public IReadOnlyDictionary<string, ItemResult> Answers { get; private set; } = new Dictionary<string, ItemResult>();

    public IReadOnlySet<string> SafetyItems { get; private set; } = new HashSet<string>();

    public IReadOnlyList<Guid> Photos { get; private set; } = [];

    public string RegionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        Business = (await directory.IdentitiesAsync([record.BusinessId], ct)).SingleOrDefault();
        Checklist = await checklists.ByCodeAsync(record.ChecklistCode, ct);
        Answers = JsonSerializer.Deserialize<Dictionary<string, ItemResult>>(record.AnswersJson, JsonSerializerOptions.Web) ?? [];
        SafetyItems = (record.SafetyItems ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Photos = [.. (record.PhotoIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == record.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        return Page();
    }

    /// <summary>A photo or the signature of this record (only those: the record passed the region filter).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid file, CancellationToken ct)
    {
        var record = await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !((record.PhotoIds ?? "").Contains(file.ToString(), StringComparison.Ordinal) || record.SignatureId == file))
        {
            return NotFound();
        }

        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == file, ct);
        if (attachment is null || await store.OpenReadAsync(attachment.StorageKey, ct) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(stream, attachment.ContentType);
    }
}
