using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Credit.Contracts;
using Shian.Credit.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;

namespace Shian.Credit.Pages;

/// <summary>行政处罚信息公示: the publications of the caller's regions, pending ones first by their 20-working-day due date.</summary>
[Requires(CreditPermissions.Read)]
public sealed class IndexModel(CreditQueries queries, TimeProvider clock) : PageModel
{
    public CreditQueries.PublicationPage Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public PublicationStatus? Status { get; private set; }

    public bool Overdue { get; private set; }

    public int PageNumber { get; private set; }

    public async Task OnGetAsync(PublicationStatus? status, bool overdue, int p, CancellationToken ct)
    {
        (Status, Overdue, PageNumber) = (status, overdue, Math.Max(1, p));
        Today = ChinaTime.Today(clock);
        Result = await queries.PublicationsAsync(status, overdue, PageNumber, ct);
    }

    public string PageLink(int page) => $"/credit?status={Status}&overdue={Overdue}&p={page}";
}
