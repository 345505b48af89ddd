using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Governance;
using Shian.Governance.Contracts;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages;

/// <summary>One task: milestones, targets, each unit's status, the reports, and the progress form (phone-ready).</summary>
[Requires(GovernancePermissions.Read)]
public sealed class TaskModel(Tracking tracking, AttachmentWriter attachments, Supervision supervision, Interviews interviews, Shian.Data.ShianDb db, TimeProvider clock,
    Kernel.Attachments.IAttachmentStore store) : PageModel
{
    /// <summary>A report's evidence file: only one of the reports this user sees on the task (usability finding 12).</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid file, CancellationToken ct)
    {
        var detail = await tracking.TaskAsync(id, ct);
        if (detail?.Evidence.FirstOrDefault(e => e.AttachmentId == file) is not { } evidence || await store.OpenReadAsync(evidence.StorageKey, ct) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(stream, evidence.ContentType, evidence.FileName);
    }

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

    /// <summary>The milestone this report declares met, on a task with several.</summary>
    [BindProperty]
    public Guid? MilestoneId { get; set; }

    public IReadOnlyList<Shian.Governance.Domain.SupervisionNotice> Notices { get; private set; } = [];

    /// <summary>Coordinators and administrators who see the plan may press its units (督办).</summary>
    public bool CanSupervise { get; private set; }

    public Shian.Kernel.Scoping.RegionScope Scope => db.Request.Scope;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Today = Shian.Kernel.Calendar.ChinaTime.Today(clock);
        Detail = await tracking.TaskAsync(id, ct);
        if (Detail is not null)
        {
            Notices = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.SupervisionNotices.Where(n => n.TaskId == id).OrderByDescending(n => n.IssuedAtUtc), ct);
            CanSupervise = User.Grants(GovernancePermissions.Supervise)
                && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.PlanTasks, t => t.Id == id, ct);
        }
    }

    [Requires(GovernancePermissions.Supervise)]
    public async Task<IActionResult> OnPostSuperviseAsync(Guid id, string unit, string reason, int? days, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Detail is null || !CanSupervise)
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await supervision.IssueAsync(id, new Supervision.IssueRequest(unit, reason, days), ct);
            return Redirect($"/governance/tasks/{id}#supervision");
        }, () => Task.FromResult<IActionResult>(Page()), underFields: false);
    }

    /// <summary>An overdue 督办 escalates to a proposed 约谈 of the unit (recorded on the interviews page).</summary>
    [Requires(GovernancePermissions.Supervise)]    public async Task<IActionResult> OnPostEscalateAsync(Guid id, Guid notice, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Detail is null || !CanSupervise)
        {
            return NotFound();
        }

        var n = Notices.FirstOrDefault(x => x.Id == notice);
        if (n is null)
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            var interview = await interviews.RecordAsync(notice, null, null, $"督办逾期未回复：{n.Reason}", ct);
            return Redirect($"/governance/interviews#interview-{interview.Id}");
        }, () => Task.FromResult<IActionResult>(Page()), underFields: false);
    }

    [Requires(GovernancePermissions.Reply)]
    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid notice, string reply, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        return await this.TryAsync(async () =>
        {
            await supervision.ReplyAsync(notice, reply, ct);
            return Redirect($"/governance/tasks/{id}#supervision");
        }, () => Task.FromResult<IActionResult>(Page()), underFields: false);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        UnitKey = Detail.MyAssignments.FirstOrDefault()?.UnitKey;
        return Page();
    }

    [Requires(GovernancePermissions.Report)]
    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? evidence, CancellationToken ct)
    {
        await LoadAsync(id, ct);
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

        Attachment? evidenceRow = null;
        return await this.TryAsync(async () =>
        {
            try
            {
                if (evidence is { Length: > 0 })
                {
                    var unit = Detail.MyAssignments.FirstOrDefault(a => a.UnitKey == UnitKey)
                        ?? throw ShianProblemException.Invalid("governance.report-invalid", "请选择单位", new Dictionary<string, string[]> { ["unitKey"] = ["请选择您辖区内承担此任务的单位"] });
                    using var ms = new MemoryStream();
                    await evidence.CopyToAsync(ms, ct);
                    evidenceRow = await attachments.AddAsync(unit.RegionCode, null, evidence.FileName, ms.ToArray(), ct);
                }

                await tracking.ReportAsync(id, new Tracking.ReportRequest(UnitKey ?? "", Text ?? "", Percent, Completed, measurements, evidenceRow is null ? [] : [evidenceRow.Id], MilestoneId), ct);
            }
            catch (ShianProblemException) when (evidenceRow is not null)
            {
                // The report was refused: the evidence uploaded for it goes too.
                await attachments.DiscardAsync([evidenceRow]);
                throw;
            }

            return Redirect($"/governance/tasks/{id}?saved=1#reports");
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}
