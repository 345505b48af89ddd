using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Complaints.Contracts;
using Shian.Complaints.Domain;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Complaints.Pages;

/// <summary>
/// 投诉答复 (我的企业): consumer complaints the office passed to the business — what the consumer complains of, as the
/// officer summarised it (never the complainant's identity), what is asked, by when — and the answer form.
/// </summary>
[Requires(ComplaintsPermissions.Own)]
public sealed class MineModel(RespondentDesk desk, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RespondentRequest> Requests { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The request whose form failed (its fields are shown again with the errors).</summary>
    public Guid? Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Requests = await desk.MineAsync(User.FindFirstValue(ShianClaims.Uscc) ?? "", ct);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, string? proposal, decimal? offerAmount, CancellationToken ct)
    {
        Failed = id;
        return this.TryAsync(async () =>
        {
            var p = RespondentDesk.ParseProposal(proposal);
            await desk.AnswerAsync(id, answer, p, offerAmount, ct);
            return Redirect($"/complaints/mine?answered=1#request-{id}");
        }, async () => await OnGetAsync(ct));
    }
}
