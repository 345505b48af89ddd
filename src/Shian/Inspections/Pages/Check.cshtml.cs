using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Inspections;
using Shian.Inspections.Contracts;
using Shian.Inspections.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Inspections.Pages;

/// <summary>
/// The inspector's checklist on a phone: every item 是/否/不适用 (key items marked), findings, photos, a signature.
/// The form carries a submission id made when it was opened, so a double tap or a resend stores one record; a
/// script keeps a draft in the browser while the connection is away.
/// </summary>
[Requires(InspectionsPermissions.Inspect)]
public sealed class CheckModel(Checks checks, ChecklistBook checklists, IBusinessDirectory directory, AttachmentWriter attachments, ShianDb db, TimeProvider clock) : PageModel
{
    public BusinessFacts Business { get; private set; } = null!;

    public Checklist Checklist { get; private set; } = null!;

    public Guid SubmissionId { get; private set; }

    public Guid? VisitId { get; private set; }

    /// <summary>The region's 执法检查人员名录: the inspectors to tick (holders of a 执法证号).</summary>
    internal IReadOnlyList<InspectorPool.Person> Roster { get; private set; } = [];

    /// <summary>The user names ticked: the planned visit's inspectors, or the signed-in user.</summary>
    public IReadOnlySet<string> Inspectors { get; private set; } = new HashSet<string>();

    public DateOnly Today { get; private set; }

    /// <summary>An inspection within the no-repeat window when this one is unplanned (the form then asks why), else null.</summary>
    public DateOnly? RecentInspection { get; private set; }

    public int RepeatMonths => checks.RepeatInspectionMonths;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? visit, CancellationToken ct)
    {
        if (!await LoadAsync(id, visit, ct))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? visit, Guid submissionId, List<string>? inspectors, string? findings, string? inspectedOn, string? signature, List<IFormFile>? photos,
        string? repeat, CancellationToken ct)
    {
        if (!await LoadAsync(id, visit, ct))
        {
            return NotFound();
        }

        SubmissionId = submissionId;
        var answers = new Dictionary<string, ItemResult>();
        var affects = new Dictionary<string, bool>();
        foreach (var item in Checklist.Items)
        {
            // The officer's judgement of a failed item (the box starts ticked for key items).
            if (Request.Form[$"item-{item.Code}"].ToString() == nameof(ItemResult.No))
            {
                affects[item.Code] = Request.Form[$"affects-{item.Code}"].ToString() == "true";
            }

            var raw = Request.Form[$"item-{item.Code}"].ToString();
            if (StrictEnums.TryParse<ItemResult>(raw, out var r))
            {
                answers[item.Code] = r;
            }
            else if (raw.Length > 0)
            {
                // Only the form's own choices: a forged "7" was once judged 符合.
                ModelState.AddModelError("", $"第 {item.Code} 项的检查结果“{raw}”无效，请重新选择");
            }
        }

        RepeatReason? repeatReason = null;
        if (!string.IsNullOrEmpty(repeat))
        {
            if (StrictEnums.TryParse<RepeatReason>(repeat, out var rr))
            {
                repeatReason = rr;
            }
            else
            {
                ModelState.AddModelError("", $"再次检查的原因“{repeat}”无效，请重新选择");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.TryAsync(async () =>
        {
            var photoIds = new List<Guid>();
            foreach (var photo in photos ?? [])
            {
                using var ms = new MemoryStream();
                await photo.CopyToAsync(ms, ct);
                photoIds.Add((await attachments.AddAsync(Business.RegionCode, null, photo.FileName, ms.ToArray(), ct)).Id);
            }

            Guid? signatureId = null;
            if (signature is { Length: > 30 } && signature.StartsWith("data:image/png;base64,", StringComparison.Ordinal))
            {
                signatureId = (await attachments.AddAsync(Business.RegionCode, null, "签名.png", Convert.FromBase64String(signature["data:image/png;base64,".Length..]), ct)).Id;
            }

            var on = DateOnly.TryParse(inspectedOn, CultureInfo.InvariantCulture, out var d) ? d : Today;
            var names = (inspectors ?? []).SelectMany(i => i.Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries)).ToArray();
            var (record, _) = await checks.RecordAsync(new Checks.CheckRequest(submissionId, id, visit, on, answers, findings, names, photoIds, signatureId, affects, Checklist.Code, repeatReason), ct);
            return Redirect($"/registry/{id}?checked={record.Id}#inspections");
        }, () => Task.FromResult<IActionResult>(Page()), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, Guid? visit, CancellationToken ct)
    {
        var business = (await directory.FindAsync([id], ct)).SingleOrDefault();
        if (business is null)
        {
            return false;
        }

        Business = business;
        Today = Kernel.Calendar.ChinaTime.Today(clock);
        var shown = Request.HasFormContentType ? Request.Form["checklistCode"].ToString() : "";
        Checklist = shown.Length > 0 && await checklists.ByCodeAsync(shown, ct) is { } asShown && asShown.Code.Split('-')[0] == Checklists.FamilyOf(business.Kind)
            ? asShown
            : await checklists.ForAsync(business.Kind, Today, ct);
        VisitId = visit;
        var planned = visit is Guid v ? await db.PlannedVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == v && x.BusinessId == id, ct) : null;
        Roster = await InspectorPool.RosterAsync(db, business.RegionCode, ct);
        var chosen = Request.HasFormContentType ? Request.Form["inspectors"].OfType<string>() : (planned?.InspectorNames ?? User.Identity?.Name ?? "").Split('、');
        Inspectors = chosen.Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        RecentInspection = planned is null ? RepeatInspection.Recent(checks.RepeatInspectionMonths, Today, await checks.LastInspectedAsync(id, Today, ct)) : null;
        return true;
    }
}
