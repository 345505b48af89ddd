using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.Surveys.Pages;

/// <summary>Reads a questionnaire posted by <c>_Questions.cshtml</c>: field <c>q{n}</c> per question (options and ratings 1-based).</summary>
public static class SurveyForm
{
    public static IReadOnlyList<SurveyForms.Answer> Read(IReadOnlyList<SurveyQuestion> questions, IFormCollection form)
    {
        var answers = new List<SurveyForms.Answer>();
        for (var i = 0; i < questions.Count; i++)
        {
            var values = form[$"q{i + 1}"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            switch (questions[i].Kind)
            {
                case QuestionKind.Single or QuestionKind.Multiple:
                    // A forged value (not a number) becomes an option that does not exist: refused under the question.
                    answers.Add(new SurveyForms.Answer(i, [.. values.Select(v => int.TryParse(v, out var n) ? n - 1 : -1)], null, null));
                    break;
                case QuestionKind.Rating:
                    answers.Add(new SurveyForms.Answer(i, null, values.Count == 0 ? null : int.TryParse(values[0], out var r) ? r : 0, null));
                    break;
                default:
                    answers.Add(new SurveyForms.Answer(i, null, null, values.FirstOrDefault()));
                    break;
            }
        }

        return answers;
    }
}
