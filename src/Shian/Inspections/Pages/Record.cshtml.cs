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
using Shian.Web;
using Shian.Registry.Contracts;

namespace Shian.Inspections.Pages;

/// <summary>
/// 监督检查结果记录表: a finished inspection as it was recorded — the checklist version it was filled with, each answer,
/// the failed items that affect safety, findings, inspectors, photos and the business's signature; printable.
/// </summary>
[Requires(InspectionsPermissions.ReadRecords)]
public sealed class RecordModel(ShianDb db, ChecklistBook checklists, IBusinessDirectory directory, IAttachmentStore store, ResultPublication publication, ResultReplies replies) : PageModel
{
    public IReadOnlyList<InspectionReply> Replies { get; private set; } = [];

    /// <summary>The business's own account on its own record.</summary>
    public bool CanReply { get; private set; }

    /// <summary>An officer of the record's district who reviews results and replies.</summary>
    public bool CanReview { get; private set; }

    public bool OpenRectification => Record.RectifyBy is not null && Record.RectificationCheckedOn is null;

    [BindProperty] public string? ReplyText { get; set; }

    [BindProperty] public List<IFormFile> ReplyPhotos { get; set; } = [];

    [BindProperty] public Guid ReplyId { get; set; }

    [BindProperty] public bool Accept { get; set; }

    [BindProperty] public bool Rectified { get; set; }

    [BindProperty] public string? Note { get; set; }

    public InspectionRecord Record { get; private set; } = null!;

    public BusinessIdentity? Business { get; private set; }

    public Checklist? Checklist { get; private set; }

    public IReadOnlyDictionary<string, ItemResult> Answers { get; private set; } = new Dictionary<string, ItemResult>();

    public IReadOnlySet<string> SafetyItems { get; private set; } = new HashSet<string>();

    public IReadOnlyList<Guid> Photos { get; private set; } = [];

    public string RegionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(InspectionsPermissions.Reply)]
    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) => await this.TryAsync(async () =>
    {
        var photos = new List<ResultReplies.Photo>();
        foreach (var f in ReplyPhotos.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            photos.Add(new ResultReplies.Photo(f.FileName, ms.ToArray()));
        }

        await replies.SubmitAsync(id, ReplyText, photos, ct);
        return Redirect($"/inspections/records/{id}#replies");
    }, async () => await LoadOrNotFoundAsync(id, ct));

    [Requires(InspectionsPermissions.Review)]
    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) => await this.TryAsync(async () =>
    {
        await replies.ReviewAsync(ReplyId, Accept, Rectified, Note, ct);
        return Redirect($"/inspections/records/{id}#replies");
    }, async () => await LoadOrNotFoundAsync(id, ct));

    [Requires(InspectionsPermissions.Review)]
    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => await this.TryAsync(async () =>
    {
        await publication.PublishAsync([id], ct);
        return Redirect($"/inspections/records/{id}");
    }, async () => await LoadOrNotFoundAsync(id, ct));

    private async Task<IActionResult> LoadOrNotFoundAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } record)
        {
            return false;
        }

        Record = record;
        Business = (await directory.IdentitiesAsync([record.BusinessId], ct)).SingleOrDefault();
        Checklist = await checklists.ByCodeAsync(record.ChecklistCode, ct);
        Answers = JsonSerializer.Deserialize<Dictionary<string, ItemResult>>(record.AnswersJson, JsonSerializerOptions.Web) ?? [];
        SafetyItems = (record.SafetyItems ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Photos = [.. (record.PhotoIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == record.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        Replies = await replies.OfRecordAsync(id, ct);
        CanReply = User.Grants(InspectionsPermissions.Reply) && db.Request.Scope.Uscc is { } uscc && uscc == record.BusinessUscc;
        CanReview = User.Grants(InspectionsPermissions.Review) && db.Request.Scope.AllowsCreateIn(record.RegionCode);
        return true;
    }

    /// <summary>A photo or the signature of this record (only those: the record passed the region filter).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid file, CancellationToken ct)
    {
        var record = await db.InspectionRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var key = file.ToString();
        if (record is null || !((record.PhotoIds ?? "").Contains(key, StringComparison.Ordinal) || record.SignatureId == file
            || await db.InspectionReplies.AnyAsync(x => x.RecordId == id && x.PhotoIds != null && x.PhotoIds.Contains(key), ct)))
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
