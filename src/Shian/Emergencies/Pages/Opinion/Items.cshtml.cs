using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Emergencies.Contracts;
using Shian.Emergencies.Domain;
using Shian.Emergencies.Rules;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Emergencies.Pages.Opinion;

/// <summary>
/// 舆情条目: every item collected in the caller's regions (copies folded under the first), filtered by topic, county,
/// business, severity, dates and words (the trend view links here); an item entered by hand; a monitoring export or a
/// saved feed uploaded; an alert raised on an item the matcher left below the line.
/// </summary>
[Requires(EmergenciesPermissions.OpinionRead)]
public sealed class ItemsModel(OpinionQueries queries, OpinionFeeds feeds, OpinionDesk desk, ShianDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? BusinessId { get; set; }
    [BindProperty(SupportsGet = true)] public OpinionSeverity? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public OpinionQueries.ItemPage Result { get; private set; } = new([], 0);

    public IReadOnlyList<Region> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string? Form { get; private set; }

    public OpinionIntake.Outcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Severity = null;
            From = To = null;
        }

        await LoadAsync(ct);
        return Page();
    }

    [Requires(EmergenciesPermissions.OpinionIntake)]
    public async Task<IActionResult> OnPostEnterAsync(string? regionCode, string? title, string? body, string? source, string? url, DateTime? publishedAt, CancellationToken ct)
    {
        Form = "enter";
        return await this.TryAsync(async () =>
        {
            Outcome = await feeds.EnterAsync(regionCode, new OpinionEntry(title, body, source, url, null, Incidents.FromBeijing(publishedAt)), ct);
            return await ShowAsync(ct);
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.OpinionIntake)]
    public async Task<IActionResult> OnPostUploadAsync(string? regionCode, string? source, IFormFile? file, CancellationToken ct)
    {
        Form = "upload";
        return await this.TryAsync(async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw Kernel.Errors.ShianProblemException.Invalid("opinion.upload-missing", "请选择要上传的文件", new Dictionary<string, string[]> { ["file"] = ["请选择文件"] });
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            Outcome = await feeds.UploadAsync(regionCode, source, file.FileName, buffer.ToArray(), ct);
            return await ShowAsync(ct);
        }, async () => await ShowAsync(ct), underFields: false);
    }

    [Requires(EmergenciesPermissions.OpinionHandle)]
    public async Task<IActionResult> OnPostAlertAsync(Guid itemId, CancellationToken ct)
    {
        Form = "list";
        return await this.TryAsync(async () => Redirect($"/opinion/alerts/{await desk.RaiseAsync(itemId, ct)}"), async () => await ShowAsync(ct), underFields: false);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.ItemsAsync(new OpinionQueries.ItemFilter(Topic, Region, BusinessId, Severity, From, To, Q), Math.Max(1, PageNumber), PageSize, ct);
        Offices = await OfficeRegions.ForAsync(db, [RegionLevel.City, RegionLevel.County], 200, ct);
        var codes = Result.Rows.Select(r => r.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    public string PageLink(int p) => $"/opinion/items?topic={Uri.EscapeDataString(Topic ?? "")}&region={Region}&businessId={BusinessId}&severity={Severity}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&q={Uri.EscapeDataString(Q ?? "")}&p={p}#list";
}
