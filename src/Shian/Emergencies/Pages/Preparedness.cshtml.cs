using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages;

/// <summary>
/// 应急准备: each office's plan in force (version, document, evaluation due), its last drill and training with the next
/// due (overdue in red), the versions kept, the drills and training held; forms to record a plan version and an activity.
/// </summary>
[Requires(EmergenciesPermissions.Read)]
public sealed class PreparednessModel(Preparedness preparedness, ShianDb db, IAttachmentStore store, IOptions<EmergenciesOptions> options) : PageModel
{
    public IReadOnlyList<Preparedness.OfficeStatus> Offices { get; private set; } = [];

    public IReadOnlyList<EmergencyPlan> Plans { get; private set; } = [];

    public IReadOnlyList<PreparednessActivity> Activities { get; private set; } = [];

    public IReadOnlyList<Region> Choices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public PreparednessCycle Cycle => options.Value.Preparedness;

    public string? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnGetDocumentAsync(Guid planId, CancellationToken ct) =>
        await preparedness.DocumentAsync(planId, ct) is { } a && await store.OpenReadAsync(a.StorageKey, ct) is { } stream ? File(stream, a.ContentType, a.FileName) : NotFound();

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostPlanAsync(string? regionCode, PlanKind kind, Guid? supersedesId, string? title, string? version, string? documentNumber, DateOnly? approvedOn,
        IFormFile? document, CancellationToken ct)
    {
        Form = "plan";
        return await this.TryAsync(async () =>
        {
            byte[]? bytes = null;
            if (document is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await document.CopyToAsync(buffer, ct);
                bytes = buffer.ToArray();
            }

            await preparedness.RecordPlanAsync(new Preparedness.PlanInput(regionCode, kind, supersedesId, title, version, documentNumber, approvedOn, document?.FileName, bytes), ct);
            return Redirect("/emergencies/preparedness#offices");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.Network)]
    public async Task<IActionResult> OnPostActivityAsync(string? regionCode, PreparednessKind activityKind, string? activityTitle, DateOnly? heldOn, string? form, int participants,
        string? departments, string? lessons, CancellationToken ct)
    {
        Form = "activity";
        return await this.TryAsync(async () =>
        {
            await preparedness.RecordActivityAsync(new Preparedness.ActivityInput(regionCode, activityKind, activityTitle, heldOn, form, participants, departments, lessons, null), ct);
            return Redirect("/emergencies/preparedness#offices");
        }, async () => await ShowAsync(ct), underFields: false);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices = await OfficeRegions.OfficesAsync(db, ct, 50);
        Offices = await preparedness.StatusAsync([.. Choices.Select(c => c.Code)], ct);
        Plans = await preparedness.PlansAsync(ct);
        Activities = await preparedness.ActivitiesAsync(100, ct);
        var codes = Offices.Select(o => o.RegionCode).Concat(Plans.Select(p => p.RegionCode)).Concat(Activities.Select(a => a.RegionCode)).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return Page();
    }
}
