using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Sampling.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;
using Shian.Web;

namespace Shian.Sampling.Pages;

/// <summary>
/// The food business's own samples (usability finding 20): every sample taken at the business, the failing ones with
/// what to do and by when. Only the samples bound to the account's USCC (the query filter, and checked again here).
/// </summary>
[Requires(SamplingPermissions.Own)]
public sealed class MineModel(ShianDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Sample> List { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Disposition> Open { get; private set; } = new Dictionary<Guid, Disposition>();

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var uscc = User.FindFirstValue(ShianClaims.Uscc) ?? "";
        List = await db.Samples.AsNoTracking().Where(s => s.BusinessUscc == uscc).OrderByDescending(s => s.SampledOn).ThenByDescending(s => s.Code).Take(200).ToListAsync(ct);
        var ids = List.Select(s => s.Id).ToList();
        Open = (await db.Dispositions.AsNoTracking().Where(d => ids.Contains(d.SampleId) && d.BusinessUscc == uscc).ToListAsync(ct))
            .Where(d => !DispositionSteps.IsClosed(d, Today)).ToDictionary(d => d.SampleId);
    }
}
