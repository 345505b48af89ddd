using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Inspections.Pages.Public;

/// <summary>The public lookup: a business by name or licence number, with its published inspection results (plain words).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Web.PublicLimits.PublicSearch)]
public sealed class BusinessesModel(IPublicRegister register, ShianDb db) : PageModel
{
    public string? Q { get; private set; }

    public IReadOnlyList<PublicBusiness> Found { get; private set; } = [];

    public IReadOnlyDictionary<Guid, List<Shian.Inspections.InspectionsPublic.Result>> Results { get; private set; } = new Dictionary<Guid, List<Shian.Inspections.InspectionsPublic.Result>>();

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Q = q;
        if (string.IsNullOrWhiteSpace(q))
        {
            return;
        }

        Found = await register.SearchAsync(q, 30, ct);
        Results = await Shian.Inspections.InspectionsPublic.ResultsAsync(db, [.. Found.Select(b => b.Id)], ct);
        var codes = Found.Select(b => b.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
