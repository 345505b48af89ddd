using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Users;
using Shian.Surveys.Contracts;
using Shian.Surveys.Domain;
using Shian.Web;

namespace Shian.Surveys.Pages;

/// <summary>入户/拦截访问: an interviewer enters, on a phone, the answers of the person in front of them, one after another.</summary>
[Requires(SurveysPermissions.Interview)]
public sealed class InterviewModel(SurveyDesk desk, SurveyAnswers answers) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<SurveyQuota> Districts { get; private set; } = [];

    /// <summary>A response was just entered (the form is blank again for the next person).</summary>
    public bool Entered { get; private set; }

    public string? RegionCode { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindForInterviewAsync(id, ct) is not { } s)
        {
            return false;
        }

        Survey = s;
        Questions = SurveyDesk.Questions(s);
        Districts = SurveyDesk.Quotas(s);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? regionCode, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        RegionCode = regionCode;
        try
        {
            await answers.InterviewAsync(id, regionCode, SurveyForm.Read(Questions, Request.Form), ct);
            Entered = true;
            ModelState.Clear();
        }
        catch (Kernel.Errors.ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            PageErrors.Add(ModelState, e, IsField);
        }

        return Page();
    }

    /// <summary>Errors shown under their question (Q1 …) or the district; the rest in the summary.</summary>
    internal static bool IsField(string property) => property == "RegionCode" || (property.Length > 1 && property[0] == 'Q' && property[1..].All(char.IsAsciiDigit));
}
