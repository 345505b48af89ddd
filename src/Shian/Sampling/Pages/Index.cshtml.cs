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

    public bool IsLab => User.IsInRole(ShianRoles.Lab);

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
        var q = db.Samples.AsNoTracking();
        q = StrictEnums.TryParse<SampleVerdict>(Verdict, out var v) ? q.Where(s => s.Verdict == v) : q;
        List = await q.OrderByDescending(s => s.SampledOn).ThenByDescending(s => s.Code).Take(100).ToListAsync(ct);
        LabQueue = IsLab ? await db.Samples.AsNoTracking().Where(s => s.Status == SampleStatus.Received || s.Status == SampleStatus.Sent).OrderBy(s => s.ReportDueBy).Take(100).ToListAsync(ct) : [];
        var open = (await db.Dispositions.AsNoTracking().Where(d => !d.Closed).OrderBy(d => d.ConcludedOn).Take(300).ToListAsync(ct))
            .Where(d => !Rules.DispositionSteps.IsClosed(d, Today)).Take(100).ToList();
        var ids = open.Select(d => d.SampleId).ToList();
        var samples = await db.Samples.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        OpenDispositions = [.. open.Where(d => samples.ContainsKey(d.SampleId)).Select(d => (d, samples[d.SampleId]))];
        Unannounced = await db.Samples.CountAsync(s => s.Status == SampleStatus.Reported && s.AnnouncementId == null && s.Verdict != SampleVerdict.Undetermined, ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
    }
}
