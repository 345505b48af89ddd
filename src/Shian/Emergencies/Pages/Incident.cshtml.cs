using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages;

/// <summary>
/// The command view of one incident: the facts and grade, the upward reports on their hour clocks (send each), the tasks
/// given to departments, the timeline of facts and decisions, and the end of the response (终报 on working days).
/// </summary>
[Requires(EmergenciesPermissions.Read)]
public sealed class IncidentModel(IncidentQueries queries, Incidents incidents, ShianDb db, IAttachmentStore store, IOptions<EmergenciesOptions> options, TimeProvider clock) : PageModel
{
    public IncidentQueries.Detail Detail { get; private set; } = null!;

    public Incident Item => Detail.Incident;

    public string RegionName { get; private set; } = "";

    public DateTime NowUtc { get; private set; }

    public string? Form { get; private set; }

    /// <summary>The situation report drafted from the record, for the next report due (the upward form's starting text).</summary>
    public SituationReport.Document? Draft { get; private set; }

    public IReadOnlyDictionary<string, string> PlaceRegions { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Kernel.Regions.Region> Towns { get; private set; } = [];

    public bool CanCommand => User.Grants(EmergenciesPermissions.Command);

    public bool IsOpen => Item.Status is IncidentStatus.Reported or IncidentStatus.Responding;

    public string DefaultRecipients => options.Value.DefaultRecipients;

    public ReportingLimits Limits => options.Value.Reporting;

    public GradeResult Computed => IncidentGrading.Grade(Item.Facts, options.Value.Grading);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photoId, CancellationToken ct)
    {
        var a = await queries.PhotoAsync(id, photoId, ct);
        if (a is null || await store.OpenReadAsync(a.StorageKey, ct) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, a.ContentType);
    }

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostGradeAsync(Guid id, int harmed, int hospitalised, int deaths, int provinces, int cities, int towns, bool specialPopulation,
        IncidentGrade? determinedGrade, string? determinedBy, string? note, CancellationToken ct) =>
        RunAsync(id, "grade", () => incidents.RegradeAsync(id, new Incidents.Regrade(harmed, hospitalised, deaths, Math.Max(1, provinces), Math.Max(1, cities), Math.Max(1, towns),
            specialPopulation, determinedGrade, determinedBy, note), ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostUpwardAsync(Guid id, Guid reportId, string? recipients, string? content, CancellationToken ct) =>
        RunAsync(id, "reports", () => incidents.SubmitReportAsync(id, reportId, recipients, content, ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostTaskAsync(Guid id, ResponseDepartment department, string? taskText, DateTime? dueAt, CancellationToken ct) =>
        RunAsync(id, "tasks", () => incidents.AssignTaskAsync(id, department, taskText,
            Incidents.FromBeijing(dueAt), ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostTaskDoneAsync(Guid id, Guid taskId, string? doneNote, CancellationToken ct) =>
        RunAsync(id, "tasks", () => incidents.CompleteTaskAsync(id, taskId, doneNote, ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostNoteAsync(Guid id, string? noteText, bool decision, CancellationToken ct) =>
        RunAsync(id, "timeline", () => incidents.NoteAsync(id, noteText, decision, ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostLinkAsync(Guid id, IncidentLinkKind linkKind, string? reference, CancellationToken ct) =>
        RunAsync(id, "links", () => incidents.LinkAsync(id, linkKind, reference, ct), ct);

    /// <summary>The situation report (.docx) drafted for the next report due.</summary>
    public async Task<IActionResult> OnGetSituationAsync(Guid id, CancellationToken ct) =>
        await queries.SituationAsync(id, options.Value.Grading, ct) is { } doc
            ? File(doc.Docx(options.Value.ReportSender, ChinaTime.Today(clock)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{doc.Title}.docx")
            : NotFound();

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostPlaceAsync(Guid id, AffectedPlaceKind placeKind, string? placeRegion, string? placeName, string? address, int cases, string? placeNote,
        CancellationToken ct) =>
        RunAsync(id, "places", () => incidents.AddPlaceAsync(id, new Incidents.PlaceInput(placeKind, placeRegion, placeName, address, null, cases, placeNote), ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostRemovePlaceAsync(Guid id, Guid placeId, CancellationToken ct) =>
        RunAsync(id, "places", () => incidents.RemovePlaceAsync(id, placeId, ct), ct);

    [Requires(EmergenciesPermissions.Command)]
    public Task<IActionResult> OnPostEndAsync(Guid id, string? conclusion, bool dismiss, CancellationToken ct) =>
        RunAsync(id, "end", () => dismiss ? incidents.DismissAsync(id, conclusion, ct) : incidents.EndResponseAsync(id, conclusion, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/emergencies/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await queries.DetailAsync(id, ct);
        if (d is null)
        {
            return false;
        }

        Detail = d;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Draft = await queries.SituationAsync(d, options.Value.Grading, ct);
        var codes = d.Places.Select(p => p.PlaceRegionCode).Distinct().ToList();
        PlaceRegions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Towns = CanCommand && IsOpen ? await OfficeRegions.ForAsync(db, [Kernel.Regions.RegionLevel.County, Kernel.Regions.RegionLevel.Town], 400, ct) : [];
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == d.Incident.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? d.Incident.RegionCode;
        return true;
    }
}
