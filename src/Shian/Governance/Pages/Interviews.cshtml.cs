using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Service = Shian.Governance.AssessmentService;
using Shian.Governance.Contracts;
using Shian.Governance.Domain;
using Shian.Kernel.Errors;
using Shian.Kernel.Users;
using Shian.Web;

namespace Shian.Governance.Pages;

/// <summary>约谈: proposals from assessment and escalated 督办, and the office's record of each (held or not, with reasons).</summary>
[Requires(GovernancePermissions.Results)]
public sealed class InterviewsModel(Shian.Governance.Interviews interviews) : PageModel
{
    public IReadOnlyList<Interview> Interviews { get; private set; } = [];

    public bool CanDecide => User.Grants(GovernancePermissions.Supervise);

    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Saved = TempData["Saved"] as string;
        Interviews = await interviews.ListAsync(ct);
    }

    [Requires(GovernancePermissions.Supervise)]
    public async Task<IActionResult> OnPostAsync(Guid interviewId, CancellationToken ct)
    {
        return await this.TryAsync(async () =>
        {
            var held = Request.Form["held"] == "true";
            DateOnly? on = DateOnly.TryParse(Request.Form["heldOn"], CultureInfo.InvariantCulture, out var d) ? d : null;
            await interviews.DecideAsync(interviewId, new Shian.Governance.Interviews.InterviewDecision(held, on, Request.Form["attendees"], Request.Form["notes"]), ct);
            TempData["Saved"] = held ? "已记录约谈" : "已记录不予约谈";
            return Redirect("/governance/interviews");
        }, async () => { Interviews = await interviews.ListAsync(ct); }, underFields: false);
    }
}
