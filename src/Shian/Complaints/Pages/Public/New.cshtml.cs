using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shian.Complaints;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Web;

namespace Shian.Complaints.Pages.Public;

/// <summary>
/// The public form, phone first, no account: what, where (a registered business or an address and district), when,
/// photos, named or anonymous. With <c>?insider=true</c> the whistleblower channel (食品安全法 第一百一十五条): a report,
/// anonymous unless the insider chooses otherwise. The receipt shows the tracking code (and the follow-up key once).
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ComplaintsModule.IntakeLimit)]
public sealed class NewModel(Intake intake, ShianDb db, IPublicRegister register) : ComplaintFormPage(register)
{
    [BindProperty(SupportsGet = true)] public bool Insider { get; set; }

    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public Intake.Receipt? Receipt { get; private set; }

    public override bool AsksKind => !Insider;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Insider)
        {
            Kind = ComplaintKind.Report;
            Anonymous = true;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        var photos = new List<Intake.Photo>();
        foreach (var f in Photos.Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            photos.Add(new Intake.Photo(f.FileName, ms.ToArray()));
        }

        Receipt = await intake.FileAsync(Insider ? ComplaintChannel.Whistleblower : ComplaintChannel.Web, new Intake.Filing(Insider ? ComplaintKind.Report : Kind, Category,
            Description, OccurredOn, BusinessId, BusinessName, Address, null, null, string.IsNullOrEmpty(RegionCode) ? null : RegionCode, Anonymous, Name, Phone, null, photos, Insider), ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }, () => LoadAsync(ct));

    // Complaints are handled by the county department of the place (第十二条): the public picks a county.
    private async Task LoadAsync(CancellationToken ct) =>
        Places = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync(ct);
}
