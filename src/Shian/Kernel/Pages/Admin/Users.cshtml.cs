using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;

namespace Shian.Kernel.Pages.Admin;

/// <summary>用户账号: every account with its roles, regions, business, second factor and state; search by name or USCC.</summary>
[Requires(KernelPermissions.AdminUsers)]
public sealed class UsersModel(Accounts accounts, Data.ShianDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Accounts.Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await accounts.ListAsync(Q, ct);
        var codes = Rows.SelectMany(r => r.Regions).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
