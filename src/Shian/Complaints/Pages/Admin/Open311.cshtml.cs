using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Complaints;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Data;
using Shian.Kernel.Regions;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Complaints.Pages.Admin;

/// <summary>Open311 clients (a city app, a WeChat mini programme): their API keys, shown once, and revocation.</summary>
[Requires(ComplaintsPermissions.Clients)]
public sealed class Open311Model(Open311Clients clients, ShianDb db) : PageModel
{
    public IReadOnlyList<Open311Client> List { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? RegionCode { get; set; }

    /// <summary>The new key, on this response only.</summary>
    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await this.TryAsync(async () =>
    {
        var (_, key) = await clients.CreateAsync(Name, RegionCode, ct);
        NewKey = key;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) => await this.TryAsync(async () =>
    {
        await clients.RevokeAsync(id, ct);
        return Redirect("/admin/open311");
    }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await clients.ListAsync(ct);
        Regions = await OfficeRegions.OfficesAsync(db, ct);
    }
}
