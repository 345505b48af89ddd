using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Credit.Pages;

/// <summary>违法犯罪人员信息库: the persons barred in the caller's regions (ids masked), recording one, lifting one.</summary>
[Requires(CreditPermissions.Read)]
public sealed class BarredModel(BarredPersons barred, ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BarredPerson> Persons { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(CreditPermissions.Handle)]
    public Task<IActionResult> OnPostAsync(string? name, string? residentId, BarBasis? basis, string? role, string? reference, DateOnly? from, string? regionCode, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            await barred.AddAsync(new BarredPersons.BarInput(name, residentId, basis, role, reference, from, regionCode), ct);
            return Redirect("/credit/barred#list");
        }, () => LoadAsync(ct));

    [Requires(CreditPermissions.Approve)]
    public Task<IActionResult> OnPostLiftAsync(Guid personId, string? reason, CancellationToken ct) =>
        this.TryAsync(async () =>
        {
            await barred.LiftAsync(personId, reason, ct);
            return Redirect("/credit/barred#list");
        }, () => LoadAsync(ct), underFields: false);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Persons = await barred.ListAsync(ct);
        var scope = db.Request.Scope;
        Regions = (await db.Regions.AsNoTracking().Where(r => r.Level == Kernel.Regions.RegionLevel.County || r.Level == Kernel.Regions.RegionLevel.City).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Where(r => scope.AllowsCreateIn(r.Code)).Select(r => (r.Code, r.Name)).ToList();
    }
}
