using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>抽检监测: the lab's queue (received, awaiting results), the samples of the caller's regions, open dispositions, and publishing an announcement.</summary>
[Requires(SamplingPermissions.Read)]
public sealed class IndexModel(ShianDb db, Announcements announcements, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Sample> List { get; private set; } = [];

    public IReadOnlyList<Sample> LabQueue { get; private set; } = [];

    public IReadOnlyList<(Disposition Disposition, Sample Sample)> OpenDispositions { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int Unannounced { get; private set; }

    /// <summary>Whether the user enters results (the lab's queue of samples to test comes first).</summary>
    public bool IsLab => User.Grants(SamplingPermissions.Lab);

    public const int PageSize = 50;

    /// <summary>Search over 抽样单编号, product and business name.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // "page" is the route value Razor Pages reserves
    public int PageNumber { get; set; } = 1;

    /// <summary>Samples matching the filters (the list shows one page of them).</summary>
    public int Total { get; private set; }

    /// <summary>Samples at the lab (sent or received, no report yet) matching the search.</summary>
    public int LabQueueTotal { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string PageUrl(int page) =>
        $"/sampling?q={Uri.EscapeDataString(Q ?? "")}&status={Status}&verdict={Verdict}&p={page}#list";

    public bool CanPublish => User.Grants(SamplingPermissions.Publish);

    [BindProperty(SupportsGet = true)] public string? Verdict { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(SamplingPermissions.Publish)]
    public async Task<IActionResult> OnPostPublishAsync(string regionCode, CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            var a = await announcements.PublishAsync(regionCode, ct);
            return Redirect($"/public/sampling/{a.Id}");
        }, () => LoadAsync(ct), underFields: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var searched = db.Samples.AsNoTracking();
        if (Q?.Trim() is { Length: > 0 } term)
        {
            searched = searched.Where(s => s.Code.Contains(term) || s.ProductName.Contains(term) || s.BusinessName.Contains(term));
        }

        var q = StrictEnums.TryParse<SampleVerdict>(Verdict, out var v) ? searched.Where(s => s.Verdict == v) : searched;
        q = StrictEnums.TryParse<SampleStatus>(Status, out var st) ? q.Where(s => s.Status == st) : q;
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        List = await q.OrderByDescending(s => s.SampledOn).ThenByDescending(s => s.Code).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (IsLab)
        {
            var queue = searched.Where(s => s.Status == SampleStatus.Received || s.Status == SampleStatus.Sent);
            LabQueueTotal = await queue.CountAsync(ct);
            LabQueue = await queue.OrderBy(s => s.ReportDueBy).ThenBy(s => s.Code).Take(PageSize).ToListAsync(ct);
        }
        var open = (await db.Dispositions.AsNoTracking().Where(d => !d.Closed).OrderBy(d => d.ConcludedOn).Take(300).ToListAsync(ct))
            .Where(d => !Rules.DispositionSteps.IsClosed(d, Today)).Take(100).ToList();
        var ids = open.Select(d => d.SampleId).ToList();
        var samples = await db.Samples.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        OpenDispositions = [.. open.Where(d => samples.ContainsKey(d.SampleId)).Select(d => (d, samples[d.SampleId]))];
        Unannounced = await db.Samples.CountAsync(s => s.Status == SampleStatus.Reported && s.AnnouncementId == null && s.Verdict != SampleVerdict.Undetermined, ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
    }
}
