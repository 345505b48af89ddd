using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Data;
using Shian.Governance;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;

namespace Shian.Pages.Governance;

/// <summary>One task: milestones, targets, each unit's status, the reports, and the progress form (phone-ready).</summary>
public sealed class TaskModel(Tracking tracking, ShianDb db, IAttachmentStore store, TimeProvider clock) : PageModel
{
    public Tracking.TaskDetail? Detail { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? UnitKey { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int Percent { get; set; }

    [BindProperty]
    public bool Completed { get; set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Today = GovernanceApi.Today(clock);
        Detail = await tracking.TaskAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        UnitKey = Detail.MyAssignments.FirstOrDefault()?.UnitKey;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? evidence, CancellationToken ct)
    {
        Today = GovernanceApi.Today(clock);
        Detail = await tracking.TaskAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        var measurements = new Dictionary<Guid, decimal>();
        foreach (var target in Detail.Targets)
        {
            var raw = Request.Form[$"measure-{target.Id}"].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                measurements[target.Id] = v;
            }
            else
            {
                ModelState.AddModelError($"measure-{target.Id}", $"“{raw}”不是数字");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        List<Guid> attachments = [];
        try
        {
            if (evidence is { Length: > 0 })
            {
                attachments.Add(await SaveEvidenceAsync(evidence, ct));
            }

            await tracking.ReportAsync(id, new Tracking.ReportRequest(UnitKey ?? "", Text ?? "", Percent, Completed, measurements, attachments), ct);
        }
        catch (ShianProblemException e)
        {
            foreach (var (field, messages) in e.Errors ?? new Dictionary<string, string[]> { [""] = [e.Message] })
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field switch { "text" => nameof(Text), "percent" => nameof(Percent), "unitKey" => nameof(UnitKey), _ => "" }, m);
                }
            }

            return Page();
        }

        return Redirect($"/governance/tasks/{id}?saved=1#reports");
    }

    /// <summary>The evidence file becomes an attachment of the reporting unit's region (same limits as every attachment).</summary>
    private async Task<Guid> SaveEvidenceAsync(IFormFile file, CancellationToken ct)
    {
        var assignment = Detail!.MyAssignments.FirstOrDefault(a => a.UnitKey == UnitKey)
            ?? throw ShianProblemException.Invalid("governance.report-invalid", "请选择单位", new Dictionary<string, string[]> { ["unitKey"] = ["请选择您辖区内承担此任务的单位"] });
        var head = new byte[16];
        int read;
        await using (var s = file.OpenReadStream())
        {
            read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var type = FileTypes.Detect(file.FileName, head.AsSpan(0, read));
        if (type is null || file.Length > 20 * 1024 * 1024)
        {
            throw ShianProblemException.Invalid("attachment.type-not-allowed", "证明材料应为不超过 20 MB 的 pdf、图片、docx、xlsx 或 txt 文件");
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var stored = new Attachment
        {
            Id = id,
            RegionCode = assignment.RegionCode,
            FileName = Path.GetFileName(file.FileName),
            ContentType = type.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            StorageKey = $"{now:yyyy}/{now:MM}/{id:N}",
            UploadedBy = db.Request.UserName,
            UploadedAtUtc = now,
        };
        await store.SaveAsync(stored.StorageKey, new MemoryStream(bytes), ct);
        db.Attachments.Add(stored);
        return stored.Id;
    }
}
