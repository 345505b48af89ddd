using Shian.Surveys.Domain;

namespace Shian.Surveys.Rules;

/// <summary>Questionnaires and answers (pure): what a question may be, what an answer must be, and a response's score.</summary>
public static class SurveyForms
{
    public const int MaxQuestions = 40;
    public const int MaxOptions = 10;
    public const int MaxText = 500;

    /// <summary>The five ratings, 1 to 5.</summary>
    public static readonly IReadOnlyList<string> RatingLabels = ["非常不满意", "不满意", "一般", "满意", "非常满意"];

    /// <summary>One answer as posted: the question (0-based) and the chosen options, the rating or the text.</summary>
    public sealed record Answer(int Question, IReadOnlyList<int>? Choices, int? Rating, string? Text);

    /// <summary>
    /// A new question checked (a knowledge or scored question is always required; options one per line, blank lines
    /// dropped); every problem by field in Chinese, or the question.
    /// </summary>
    public static (SurveyQuestion? Question, Dictionary<string, string[]> Errors) Question(SurveyPurpose purpose, QuestionKind? kind, string? text, string? options, string? correct, bool scored, bool required)
    {
        var errors = new Dictionary<string, string[]>();
        var t = text?.Trim() ?? "";
        if (t.Length is < 2 or > 200 || t.Contains('\n', StringComparison.Ordinal))
        {
            errors["text"] = ["请填写题目（2 到 200 字，一行）"];
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors["kind"] = ["请选择题型：单选、多选、五级评价或简答"];
            return (null, errors);
        }

        var list = k is QuestionKind.Single or QuestionKind.Multiple
            ? (options ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList()
            : [];
        if (k is QuestionKind.Single or QuestionKind.Multiple && (list.Count is < 2 or > MaxOptions || list.Any(o => o.Length > 100) || list.Distinct().Count() != list.Count))
        {
            errors["options"] = [$"选择题须有 2 到 {MaxOptions} 个互不相同的选项（每行一个，每项不超过 100 字）"];
        }

        List<int>? right = null;
        if (!string.IsNullOrWhiteSpace(correct))
        {
            right = [];
            foreach (var part in correct.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, out var n) || n < 1 || n > list.Count)
                {
                    errors["correct"] = [$"正确答案填选项的序号（1 到 {Math.Max(list.Count, 1)}，多个用逗号分隔）"];
                    break;
                }

                right.Add(n - 1);
            }

            right = [.. right.Distinct().Order()];
            if (k is not (QuestionKind.Single or QuestionKind.Multiple))
            {
                errors["correct"] = ["只有选择题可以设正确答案"];
            }
            else if (k == QuestionKind.Single && right.Count > 1)
            {
                errors["correct"] = ["单选题只能有一个正确答案"];
            }
        }

        if (right is not null && purpose != SurveyPurpose.Awareness)
        {
            errors["correct"] = ["只有知晓率调查的知识题有正确答案"];
        }

        if (scored && (k != QuestionKind.Rating || purpose != SurveyPurpose.Satisfaction))
        {
            errors["scored"] = ["只有满意度调查的五级评价题计入满意度"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var counts = right is { Count: > 0 } || scored;
        return (new SurveyQuestion(t, k, list, right is { Count: > 0 } ? right : null, scored, required || counts), errors);
    }

    /// <summary>Why the questionnaire cannot open yet (Chinese), or null: it needs questions, and one that counts.</summary>
    public static string? ReadyToOpen(SurveyPurpose purpose, IReadOnlyList<SurveyQuestion> questions) => purpose switch
    {
        _ when questions.Count == 0 => "问卷还没有题目",
        SurveyPurpose.Awareness when !questions.Any(q => q.Correct is not null) => "知晓率调查至少要有一道设了正确答案的知识题",
        SurveyPurpose.Satisfaction when !questions.Any(q => q.Scored) => "满意度调查至少要有一道计入满意度的五级评价题",
        _ => null,
    };

    /// <summary>
    /// The answers checked against the questions (each problem under its question, <c>q1</c> being the first) and the
    /// response's score: for 知晓率 the share of knowledge questions answered right (a multiple choice only when exactly
    /// right); for 满意度 the mean of the scored ratings, 非常不满意 0 … 非常满意 1.
    /// </summary>
    public static (decimal Score, IReadOnlyList<Answer> Clean, Dictionary<string, string[]> Errors) Check(SurveyPurpose purpose, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<Answer> answers)
    {
        var errors = new Dictionary<string, string[]>();
        var clean = new List<Answer>();
        var byQuestion = answers.GroupBy(a => a.Question).ToDictionary(g => g.Key, g => g.Last());
        foreach (var extra in byQuestion.Keys.Where(k => k < 0 || k >= questions.Count))
        {
            errors[$"q{extra + 1}"] = [$"问卷没有第 {extra + 1} 题"];
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var field = $"q{i + 1}";
            var a = byQuestion.GetValueOrDefault(i);
            switch (q.Kind)
            {
                case QuestionKind.Single or QuestionKind.Multiple:
                    var chosen = (a?.Choices ?? []).Distinct().Order().ToList();
                    if (chosen.Any(c => c < 0 || c >= q.Options.Count))
                    {
                        errors[field] = [$"第 {i + 1} 题：所选项不存在"];
                    }
                    else if (q.Kind == QuestionKind.Single && chosen.Count > 1)
                    {
                        errors[field] = [$"第 {i + 1} 题：单选题只能选一项"];
                    }
                    else if (chosen.Count == 0 && q.Required)
                    {
                        errors[field] = [$"第 {i + 1} 题：请选择{(q.Kind == QuestionKind.Single ? "一项" : "至少一项")}"];
                    }
                    else if (chosen.Count > 0)
                    {
                        clean.Add(new Answer(i, chosen, null, null));
                    }

                    break;
                case QuestionKind.Rating:
                    if (a?.Rating is { } r && r is < 1 or > 5)
                    {
                        errors[field] = [$"第 {i + 1} 题：评价只能是 1 到 5"];
                    }
                    else if (a?.Rating is null && q.Required)
                    {
                        errors[field] = [$"第 {i + 1} 题：请选择评价"];
                    }
                    else if (a?.Rating is { } rating)
                    {
                        clean.Add(new Answer(i, null, rating, null));
                    }

                    break;
                default:
                    var text = a?.Text?.Trim() ?? "";
                    if (text.Length > MaxText)
                    {
                        errors[field] = [$"第 {i + 1} 题：不超过 {MaxText} 字"];
                    }
                    else if (text.Length == 0 && q.Required)
                    {
                        errors[field] = [$"第 {i + 1} 题：请填写"];
                    }
                    else if (text.Length > 0)
                    {
                        clean.Add(new Answer(i, null, null, text));
                    }

                    break;
            }
        }

        if (errors.Count > 0)
        {
            return (0, clean, errors);
        }

        return (Score(purpose, questions, clean), clean, errors);
    }

    private static decimal Score(SurveyPurpose purpose, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<Answer> answers)
    {
        var by = answers.ToDictionary(a => a.Question);
        if (purpose == SurveyPurpose.Awareness)
        {
            var knowledge = Enumerable.Range(0, questions.Count).Where(i => questions[i].Correct is not null).ToList();
            var right = knowledge.Count(i => by.TryGetValue(i, out var a) && a.Choices!.SequenceEqual(questions[i].Correct!));
            return knowledge.Count == 0 ? 0 : Math.Round((decimal)right / knowledge.Count, 6);
        }

        var ratings = Enumerable.Range(0, questions.Count).Where(i => questions[i].Scored && by.ContainsKey(i)).Select(i => (by[i].Rating!.Value - 1) / 4m).ToList();
        return ratings.Count == 0 ? 0 : Math.Round(ratings.Average(), 6);
    }
}
