using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>
/// 我的案件: a business's own cases from the 告知 on — the intended penalty with its 陈述申辩 (and hearing) period and an
/// online form inside it; the decision, how to pay, the surcharge if late, and the remedies.
/// </summary>
[Requires(EnforcementPermissions.Own)]
public sealed class MineModel(PartyCases cases, Cases service, PaymentPlanDesk plans, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PartyCases.Row> Rows { get; private set; } = [];

    public string PaymentInstructions => cases.PaymentInstructions;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Rows = await cases.OfAsync(User.FindFirstValue(ShianClaims.Uscc) ?? "", Today, ct);
    }

    public Task<IActionResult> OnPostStatementAsync(Guid id, string? statement, bool hearing, CancellationToken ct) => this.TryAsync(async () =>
    {
        await service.PartyStatementAsync(id, statement, hearing, ct);
        return Redirect($"/enforcement/mine?stated=1#case-{id}");
    }, async () => await OnGetAsync(ct));

    /// <summary>The party applies to pay later or in parts (《行政处罚法》第六十六条第二款).</summary>
    public Task<IActionResult> OnPostPlanAsync(Guid id, Domain.PaymentPlanKind? kind, string? reason, CancellationToken ct) => this.TryAsync(async () =>
    {
        await plans.PartyRequestAsync(id, kind, reason, ct);
        return Redirect($"/enforcement/mine?applied=1#case-{id}");
    }, async () => await OnGetAsync(ct));
}
