using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Errors;
using Shian.Surveys.Domain;
using Shian.Web;

namespace Shian.Surveys.Pages.Public;

/// <summary>
/// Answering a survey on a phone, no account: first the invitation code (from the card or its link) or the mobile and its
/// texted code, then the questions (and, for a city survey by phone, one's district), then thanks. Nothing identifying is
/// kept; the page says so.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(SurveyAnswers answers) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<SurveyQuota> Districts { get; private set; } = [];

    /// <summary>The respondent's proof (step two): a ticket posted back with the answers.</summary>
    [BindProperty] public string? Ticket { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")] public string? Invitation { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public Guid? ChallengeId { get; set; }

    [BindProperty] public string? Code { get; set; }

    [BindProperty] public string? RegionCode { get; set; }

    public string? PhoneMasked { get; private set; }

    public bool Thanks { get; private set; }

    public bool NeedsDistrict => Districts.Count > 1 && Survey.Access == SurveyAccess.Phone;

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await answers.PublicAsync(code, ct) is not { } s)
        {
            return false;
        }

        Survey = s;
        Questions = SurveyDesk.Questions(s);
        Districts = SurveyDesk.Quotas(s);
        Response.Headers.CacheControl = "no-store";
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostInvitationAsync(string code, CancellationToken ct) => StepAsync(code, async () =>
    {
        Ticket = await answers.RedeemInvitationAsync(Survey, Invitation, ct);
    }, ct);

    public Task<IActionResult> OnPostPhoneAsync(string code, CancellationToken ct) => StepAsync(code, async () =>
    {
        var sent = await answers.SendPhoneCodeAsync(Survey, Phone, ct);
        ChallengeId = sent.ChallengeId;
        PhoneMasked = sent.PhoneMasked;
    }, ct);

    public Task<IActionResult> OnPostVerifyAsync(string code, string? phoneMasked, CancellationToken ct) => StepAsync(code, async () =>
    {
        PhoneMasked = phoneMasked;
        Ticket = await answers.VerifyPhoneAsync(Survey, ChallengeId ?? Guid.Empty, Code, ct);
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct) => StepAsync(code, async () =>
    {
        await answers.SubmitAsync(Survey, answers.ReadTicket(Survey, Ticket), RegionCode, SurveyForm.Read(Questions, Request.Form), ct);
        Thanks = true;
        Ticket = null;
    }, ct);

    private async Task<IActionResult> StepAsync(string code, Func<Task> step, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            await step();
        }
        catch (ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            if (e.Code == "surveys.ticket-expired")
            {
                Ticket = null;
            }

            PageErrors.Add(ModelState, e, p => p is "Invitation" or "Phone" or "Code" || Pages.InterviewModel.IsField(p));
        }

        return Page();
    }
}
