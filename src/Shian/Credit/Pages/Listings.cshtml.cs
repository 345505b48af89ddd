using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Credit.Pages;

/// <summary>严重违法失信名单: the matters of the caller's regions, the ones waiting for a step first.</summary>
[Requires(CreditPermissions.Read)]
public sealed class ListingsModel(CreditQueries queries, TimeProvider clock) : PageModel
{
    public CreditQueries.ListingPage Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public ListingStatus? Status { get; private set; }

    public int PageNumber { get; private set; }

    public async Task OnGetAsync(ListingStatus? status, int p, CancellationToken ct)
    {
        (Status, PageNumber) = (status, Math.Max(1, p));
        Today = ChinaTime.Today(clock);
        Result = await queries.ListingsAsync(status, PageNumber, ct);
    }

    public string PageLink(int page) => $"/credit/listings?status={Status}&p={page}";
}
