using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages.Opinion;

/// <summary>
/// One 舆情 alert: the story as collected, the businesses it names, its copies, the steps (核实, 回应, the press conference
/// of a major one, 发布) on their clocks with a form for each, an incident or a case clue opened from it, and the timeline.
/// </summary>
[Requires(EmergenciesPermissions.OpinionRead)]
public sealed class AlertModel(OpinionQueries queries, OpinionDesk desk, ShianDb db, IOptions<EmergenciesOptions> options, TimeProvider clock) : PageModel
{
    public OpinionQueries.AlertDetail Detail { get; private set; } = null!;

    public OpinionAlert Alert => Detail.Alert;

    public string RegionName { get; private set; } = "";

    public DateTime NowUtc { get; private set; }

    public string? Form { get; private set; }

    public OpinionLimits Limits => options.Value.Opinion;

    public bool CanHandle => User.Grants(EmergenciesPermissions.OpinionHandle);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public Task<IActionResult> OnPostVerifyAsync(Guid id, OpinionFinding finding, string? findingText, bool major, CancellationToken ct) =>
        RunAsync(id, "verify", () => desk.VerifyAsync(id, finding, findingText, major, ct), ct);

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public Task<IActionResult> OnPostRespondAsync(Guid id, OpinionResponse response, string? responseText, CancellationToken ct) =>
        RunAsync(id, "respond", () => desk.RespondAsync(id, response, responseText, ct), ct);

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public Task<IActionResult> OnPostPublishAsync(Guid id, string? publishText, CancellationToken ct) =>
        RunAsync(id, "publish", () => desk.PublishAsync(id, publishText, ct), ct);

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public Task<IActionResult> OnPostClueAsync(Guid id, string? clueText, CancellationToken ct) =>
        RunAsync(id, "actions", () => desk.RaiseClueAsync(id, clueText, ct), ct);

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public async Task<IActionResult> OnPostIncidentAsync(Guid id, IncidentSetting setting, int harmed, int hospitalised, int deaths, string? symptoms, CancellationToken ct)
    {
        Form = "actions";
        return await this.TryAsync(async () =>
        {
            var incidentId = await desk.ToIncidentAsync(id, setting, harmed, hospitalised, deaths, symptoms, ct);
            return Redirect($"/emergencies/{incidentId}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public Task<IActionResult> OnPostNoteAsync(Guid id, string? noteText, CancellationToken ct) =>
        RunAsync(id, "timeline", () => desk.NoteAsync(id, noteText, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/opinion/alerts/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Detail = await queries.AlertAsync(id, ct);
        }
        catch (ShianProblemException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        NowUtc = clock.GetUtcNow().UtcDateTime;
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == Alert.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? Alert.RegionCode;
        return true;
    }
}
