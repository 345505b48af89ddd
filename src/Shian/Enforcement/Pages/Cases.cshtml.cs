using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Enforcement.Pages;

/// <summary>案件: the cases of the caller's regions (or the caller's own), open ones first, with each one's next date.</summary>
[Requires(EnforcementPermissions.Read)]
public sealed class CasesModel(EnforcementQueries queries, TimeProvider clock) : PageModel
{
    public EnforcementQueries.CasePage Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public CaseStage? Stage { get; private set; }

    public bool Mine { get; private set; }

    public int PageNumber { get; private set; }

    public EnforcementQueries.Awaiting? Awaiting { get; private set; }

    public async Task OnGetAsync(CaseStage? stage, bool mine, EnforcementQueries.Awaiting? awaiting, int p, CancellationToken ct)
    {
        (Stage, Mine, Awaiting, PageNumber) = (stage, mine, awaiting is { } a && Enum.IsDefined(a) ? a : null, Math.Max(1, p));
        Today = ChinaTime.Today(clock);
        Result = await queries.CasesAsync(stage, mine, PageNumber, ct, Awaiting);
    }

    public string PageLink(int page) => $"/enforcement/cases?stage={Stage}&mine={Mine}&awaiting={Awaiting}&p={page}";
}
