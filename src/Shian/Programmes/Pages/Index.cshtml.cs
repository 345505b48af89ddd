using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Programmes.Contracts;
using Shian.Programmes.Domain;
using Shian.Web;

namespace Shian.Programmes.Pages;

/// <summary>社会共治: the region's volunteer team (register, trained, left) and its publicity activities, which the indicators count.</summary>
[Requires(ProgrammesPermissions.Read)]
public sealed class IndexModel(ProgrammeRecords records, ShianDb db, IOptions<ShianOptions> shian) : PageModel
{
    public string RegionCode { get; private set; } = "";

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public IReadOnlyList<Volunteer> Volunteers { get; private set; } = [];

    public IReadOnlyList<PublicityActivity> Activities { get; private set; } = [];

    public (int Active, int Trained, int ActivitiesThisYear) Summary { get; private set; }

    public IReadOnlyList<TrainingSession> Trainings { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Attendance { get; private set; } = new Dictionary<Guid, int>();

    public DateOnly Today => records.Today;

    public bool CanRecord => User.Grants(ProgrammesPermissions.Record);

    /// <summary>Which form was posted ("volunteer" or "activity"): its errors are shown beside it.</summary>
    public string? Form { get; private set; }

    public string Posted(string name, string fallback = "") => Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private async Task<bool> LoadAsync(string? region, CancellationToken ct)
    {
        if (await RegionChoices.HomeOrNullAsync(region, db, shian.Value, ct) is not { } code)
        {
            return false;
        }

        RegionCode = code;
        Regions = await RegionChoices.AroundAsync(db, code, ct);
        Volunteers = await records.VolunteersAsync(code, 200, ct);
        Activities = await records.ActivitiesAsync(code, 100, ct);
        Summary = await records.SummaryAsync(code, ct);
        Trainings = await records.TrainingsAsync(code, 100, ct);
        Attendance = await records.AttendanceAsync([.. Trainings.Select(t => t.Id)], ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct) => await LoadAsync(region, ct) ? Page() : NotFound();

    [Requires(ProgrammesPermissions.Record)]
    public async Task<IActionResult> OnPostVolunteerAsync(string? region, string? regionCode, string? name, string? organisation, string? registeredOn, string? trainedOn, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        Form = "volunteer";
        return await this.TryAsync(async () =>
        {
            await records.RegisterAsync(new(regionCode, name, organisation, Date(registeredOn, "registeredOn"), Date(trainedOn, "trainedOn")), ct);
            return Redirect($"/programmes?region={RegionCode}&saved=1#volunteers");
        }, async () => await LoadAsync(region, ct), underFields: false);
    }

    [Requires(ProgrammesPermissions.Record)]
    public async Task<IActionResult> OnPostTrainedAsync(string? region, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        Form = "volunteer";
        return await this.TryAsync(async () =>
        {
            await records.TrainedAsync(id, new(Today), ct);
            return Redirect($"/programmes?region={RegionCode}&saved=1#volunteers");
        }, async () => await LoadAsync(region, ct), underFields: false);
    }

    [Requires(ProgrammesPermissions.Record)]
    public async Task<IActionResult> OnPostLeftAsync(string? region, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        Form = "volunteer";
        return await this.TryAsync(async () =>
        {
            await records.LeftAsync(id, new(Today), ct);
            return Redirect($"/programmes?region={RegionCode}&saved=1#volunteers");
        }, async () => await LoadAsync(region, ct), underFields: false);
    }

    [Requires(ProgrammesPermissions.Record)]
    public async Task<IActionResult> OnPostActivityAsync(string? region, string? regionCode, string? kind, string? title, string? heldOn, string? place, string? participants, string? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        Form = "activity";
        return await this.TryAsync(async () =>
        {
            var k = Enum.TryParse<PublicityKind>(kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : (PublicityKind?)null;
            var n = int.TryParse(participants, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
            await records.RecordAsync(new(regionCode, k, title, Date(heldOn, "heldOn"), place, n, evidence), ct);
            return Redirect($"/programmes?region={RegionCode}&saved=1#activities");
        }, async () => await LoadAsync(region, ct), underFields: false);
    }

    [Requires(ProgrammesPermissions.Record)]
    public async Task<IActionResult> OnPostTrainingAsync(string? region, string? regionCode, string? title, string? heldOn, string? hours, string? evidence, string? attendees, CancellationToken ct)
    {
        if (!await LoadAsync(region, ct))
        {
            return NotFound();
        }

        Form = "training";
        return await this.TryAsync(async () =>
        {
            var h = decimal.TryParse(hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
            var names = (attendees ?? "").Split(['\n', '\r', ',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await records.TrainAsync(new(regionCode, title, Date(heldOn, "heldOn"), h, evidence, names), ct);
            return Redirect($"/programmes?region={RegionCode}&saved=1#training");
        }, async () => await LoadAsync(region, ct), underFields: false);
    }

    private static DateOnly? Date(string? text, string field) => FormValues.Date(text, field, "programmes.invalid");
}
