using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Governance;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;

namespace Shian.Pages.Governance;

/// <summary>One task: milestones, targets, each unit's status, the reports, and the progress form (phone-ready).</summary>
public sealed class TaskModel(Tracking tracking, AttachmentWriter attachments, TimeProvider clock) : PageModel
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

        Attachment? evidenceRow = null;
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

            await tracking.ReportAsync(id, new Tracking.ReportRequest(UnitKey ?? "", Text ?? "", Percent, Completed, measurements, evidenceRow is null ? [] : [evidenceRow.Id]), ct);
        }
        catch (ShianProblemException e)
        {
            if (evidenceRow is not null)
            {
                await attachments.DiscardAsync([evidenceRow]);
            }

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
}
