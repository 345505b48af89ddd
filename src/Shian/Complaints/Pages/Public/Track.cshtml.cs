using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Complaints;
using Shian.Web;

namespace Shian.Complaints.Pages.Public;

/// <summary>
/// Following one's complaint without an account: the code and the phone's last four digits (or the follow-up key),
/// posted, never in a URL. Shows the status, the public history and the reply; the filer answers questions, rates the
/// handling after closure, or asks to reopen within 15 days.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ComplaintsModule.IntakeLimit)]
public sealed class TrackModel(PublicTracking tracking) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }

    public PublicTracking.View? View { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The form alone (a bookmark, or back from a result).</summary>
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ShowAsync(null, ct);

    public Task<IActionResult> OnPostAnswerAsync(string? text, CancellationToken ct) =>
        ActAsync(() => tracking.AnswerAsync(Code, Secret, text, ct), "Complaints.AnswerSent", ct);

    public Task<IActionResult> OnPostRateAsync(int score, string? comment, CancellationToken ct) =>
        ActAsync(() => tracking.RateAsync(Code, Secret, score, comment, ct), "Complaints.Rated", ct);

    public Task<IActionResult> OnPostClaimAsync(Domain.RewardPayment payment, string? account, CancellationToken ct) =>
        ActAsync(() => tracking.ClaimAsync(Code, Secret, payment, account, ct), "Complaints.Claimed", ct);

    public Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct) =>
        ActAsync(() => tracking.ReopenAsync(Code, Secret, reason, ct), "Complaints.Reopened", ct);

    private async Task<IActionResult> ActAsync(Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            Done = done;
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound && e.Code != "complaints.track-code")
        {
            PageErrors.Add(ModelState, e, _ => false);
        }

        return await ShowAsync(null, ct);
    }

    private async Task<IActionResult> ShowAsync(string? _, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            View = await tracking.ViewAsync(Code, Secret, ct);
        }
        catch (Kernel.Errors.ShianProblemException e)
        {
            PageErrors.Add(ModelState, e, _ => false);
        }

        return Page();
    }
}
