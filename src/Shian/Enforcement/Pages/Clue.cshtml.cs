using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Enforcement.Pages;

/// <summary>
/// One clue: where it came from, the 立案 clock (15 working days, +15, testing days not counted), the verifying officer's
/// proposal (立案 with party, cause, date of the act and ≥ 2 officers, or 不予立案) and the head's approval.
/// </summary>
[Requires(EnforcementPermissions.Read)]
public sealed class ClueModel(EnforcementQueries queries, Clues clues, Cases cases, ShianDb db, TimeProvider clock) : PageModel
{
    public EnforcementQueries.ClueDetail Detail { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string RegionName { get; private set; } = "";

    public IReadOnlyList<People.Person> Staff { get; private set; } = [];

    public string? Form { get; private set; }

    public bool CanHandle => User.Grants(EnforcementPermissions.Handle);

    public bool CanApprove => User.Grants(EnforcementPermissions.Approve);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostPauseAsync(Guid id, int days, string? reason, CancellationToken ct) => RunAsync(id, "clock", () => clues.PauseAsync(id, days, reason, ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public Task<IActionResult> OnPostExtendAsync(Guid id, string? reason, CancellationToken ct) => RunAsync(id, "clock", () => clues.ExtendAsync(id, reason, ct), ct);

    [Requires(EnforcementPermissions.Handle)]
    public Task<IActionResult> OnPostProposeAsync(Guid id, bool open, string? reason, string? party, bool partyIsPerson, string? cause, DateOnly? violationEndedOn,
        bool lifeHealthHarm, string[]? officers, bool major, CancellationToken ct) =>
        RunAsync(id, "decision", () => clues.ProposeAsync(id, new Clues.Proposal(open, reason, party, partyIsPerson, cause, violationEndedOn, lifeHealthHarm, officers, major), ct), ct);

    [Requires(EnforcementPermissions.Approve)]
    public async Task<IActionResult> OnPostApproveAsync(Guid id, bool approve, string? opinion, CancellationToken ct)
    {
        Form = "decision";
        return await this.TryAsync(async () =>
        {
            var caseId = await clues.ApproveAsync(id, approve, opinion, ct);
            return caseId is Guid c ? Redirect($"/enforcement/cases/{c}") : Redirect($"/enforcement/clues/{id}#decision");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        return await this.TryAsync(async () =>
        {
            await action();
            return Redirect($"/enforcement/clues/{id}#{form}");
        }, async () => await LoadAsync(id, ct) ? Page() : NotFound(), underFields: false);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await queries.ClueAsync(id, ct);
        if (d is null)
        {
            return false;
        }

        Detail = d;
        Today = ChinaTime.Today(clock);
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == d.Clue.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? d.Clue.RegionCode;
        if (CanHandle)
        {
            Staff = [.. (await cases.StaffAsync(d.Clue.RegionCode, ct)).Where(p => !string.IsNullOrWhiteSpace(p.Certificate))];
        }

        return true;
    }
}
