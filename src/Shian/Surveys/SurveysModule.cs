using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Surveys.Contracts;
using Shian.Surveys.Domain;
using Shian.Surveys.Rules;

namespace Shian.Surveys;

/// <summary>
/// 问卷调查: the office's questionnaires for 食品安全知识知晓率 (seed 000: 20 % → 70 %) and 公众食品安全满意度 (seed 004:
/// xx %), designed for a margin of error with quotas by district population, answered on a phone (invitation code or a
/// verified mobile, one response per person without identity) or entered by interviewers; the results, with their 95 %
/// intervals, feed the two indicators (issue #21).
/// </summary>
internal static class SurveysModule
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SurveyDesk>();
        builder.Services.AddScoped<SurveyAnswers>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, SurveyMeasures>();
        builder.Services.AddScoped<IDemoDataSeeder, Demo.SurveysDemoSeeder>();
        return builder;
    }

    public sealed record QuestionRemoval(int Number);

    public sealed record InvitationRequest(string? RegionCode, int Count);

    /// <summary>Answers as posted: per question (1-based) the chosen options (1-based), the rating (1–5) or the text.</summary>
    public sealed record AnswerInput(int Question, int[]? Choices, int? Rating, string? Text);

    public sealed record InterviewInput(string? RegionCode, IReadOnlyList<AnswerInput>? Answers);

    public sealed record InvitationInput(string? Code);

    public sealed record PhoneInput(string? Phone);

    public sealed record PhoneVerification(Guid ChallengeId, string? Code);

    public sealed record ResponseInput(string? Ticket, string? RegionCode, IReadOnlyList<AnswerInput>? Answers);

    /// <summary>Posted answers (1-based, as people count) to the rules' 0-based form.</summary>
    public static IReadOnlyList<SurveyForms.Answer> Answers(IEnumerable<AnswerInput>? answers) =>
        [.. (answers ?? []).Select(a => new SurveyForms.Answer(a.Question - 1, a.Choices?.Select(c => c - 1).ToList(), a.Rating, a.Text))];

    private static object Dto(Survey s) => new
    {
        s.Id, s.RegionCode, s.Title, s.Intro, purpose = s.Purpose.ToString(), purposeName = SurveyDesk.PurposeNames[s.Purpose], access = s.Access.ToString(),
        s.Year, s.MarginOfError, s.MinPerDistrict, status = s.Status.ToString(), s.SampleSize, link = $"/public/surveys/{s.PublicCode}",
        questions = QuestionsDto(s), quotas = SurveyDesk.Quotas(s), s.CreatedBy, s.CreatedAtUtc, s.OpenedAtUtc, s.ClosedAtUtc,
    };

    private static IEnumerable<object> QuestionsDto(Survey s) => SurveyDesk.Questions(s).Select((q, i) => new
    {
        number = i + 1, q.Text, kind = q.Kind.ToString(), q.Options, correct = q.Correct?.Select(c => c + 1), q.Scored, q.Required,
    });

    private static object Estimate(SurveyDesign.Estimate? e) => e is null ? null! : new
    {
        value = Math.Round(e.Value * 100, 1), low = Math.Round(e.Low * 100, 1), high = Math.Round(e.High * 100, 1), respondents = e.Respondents,
    };

    public static WebApplication MapSurveys(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/surveys").WithTags("Surveys 问卷调查").Regulated("surveys");
        g.MapGet("/", async (SurveyDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(ct)).Select(Dto)))
            .Requires(SurveysPermissions.Read).WithSummary("本辖区的问卷调查");
        g.MapPost("/", async (SurveyDesk.Input input, SurveyDesk desk, CancellationToken ct) =>
        {
            var s = await desk.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/surveys/{s.Id}", Dto(s));
        }).Requires(SurveysPermissions.Manage).WithSummary("新建调查（设计中）：内容 Awareness 知晓率 / Satisfaction 满意度；方式 Invitation 邀请码 / Phone 手机验证；允许误差（默认 0.05）与每区县最少样本（默认 30）");
        g.MapGet("/{id:guid}", async (Guid id, SurveyDesk desk, CancellationToken ct) =>
        {
            var s = await desk.FindAsync(id, ct) ?? throw ShianProblemException.NotFound("surveys.not-found", "调查不存在或不在您的辖区");
            var results = await desk.ResultsAsync(s, ct);
            return TypedResults.Ok(new
            {
                survey = Dto(s),
                results = new
                {
                    overall = Estimate(results.Overall), results.Responses, missingDistricts = results.Missing,
                    districts = results.Districts.Select(d => new { d.Quota.RegionCode, d.Quota.Name, d.Quota.Population, d.Quota.Quota, d.Responses, d.InvitationsIssued, d.InvitationsUsed, estimate = Estimate(d.Estimate) }),
                },
            });
        }).Requires(SurveysPermissions.Read).WithSummary("一项调查：问卷、设计（样本量与配额）、进度与结果（加权估计及 95% 置信区间，百分数）");
        g.MapPut("/{id:guid}", async (Guid id, SurveyDesk.Input input, SurveyDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.EditAsync(id, input, ct))))
            .Requires(SurveysPermissions.Manage).WithSummary("修改设计中的调查");
        g.MapPost("/{id:guid}/questions", async (Guid id, SurveyDesk.QuestionInput input, SurveyDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.AddQuestionAsync(id, input, ct))))
            .Requires(SurveysPermissions.Manage).WithSummary("添加题目：Single 单选 / Multiple 多选（选项每行一个，知识题填正确选项序号）/ Rating 五级评价（满意度调查可计分）/ Text 简答");
        g.MapPost("/{id:guid}/question-removal", async (Guid id, QuestionRemoval r, SurveyDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.RemoveQuestionAsync(id, r.Number, ct))))
            .Requires(SurveysPermissions.Manage).WithSummary("删除设计中问卷的第 number 题");
        g.MapPost("/{id:guid}/opening", async (Guid id, SurveyDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.OpenAsync(id, ct))))
            .Requires(SurveysPermissions.Manage).WithSummary("开始调查：按人口计算样本量和各区县配额并固定问卷");
        g.MapPost("/{id:guid}/closing", async (Guid id, SurveyDesk desk, CancellationToken ct) => TypedResults.Ok(Dto(await desk.CloseAsync(id, ct))))
            .Requires(SurveysPermissions.Manage).WithSummary("结束调查");
        g.MapPost("/{id:guid}/invitations", async (Guid id, InvitationRequest r, SurveyDesk desk, HttpContext http, CancellationToken ct) =>
        {
            var codes = await desk.InviteAsync(id, r.RegionCode, r.Count, ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new { codes });
        }).Requires(SurveysPermissions.Manage).WithSummary("为一个区县生成一次性邀请码（只在此次返回，系统只保存摘要）");
        g.MapPost("/{id:guid}/responses", async (Guid id, InterviewInput input, SurveyAnswers answers, CancellationToken ct) =>
        {
            var r = await answers.InterviewAsync(id, input.RegionCode, Answers(input.Answers), ct);
            return TypedResults.Created($"/api/v1/surveys/{id}", new { r.Id, r.RegionCode, score = r.Score });
        }).Requires(SurveysPermissions.Interview).WithSummary("访问员代受访者录入一份答卷（题号、选项从 1 起）");

        var pub = app.MapGroup("/api/v1/public/surveys").WithTags("Public 公开").AllowAnonymous()
            .RegionNeutral("公众参加问卷调查：凭邀请码或手机验证码作答；只保存答案和摘要，不保存姓名和手机号");
        pub.MapGet("/{code}", async (string code, SurveyAnswers answers, CancellationToken ct) =>
        {
            var s = await answers.PublicAsync(code, ct) ?? throw ShianProblemException.NotFound("surveys.not-found", "调查不存在");
            return TypedResults.Ok(new
            {
                s.Title, s.Intro, access = s.Access.ToString(), status = s.Status.ToString(), questions = QuestionsDto(s).Select(q => q),
                districts = SurveyDesk.Quotas(s).Select(q => new { q.RegionCode, q.Name }),
            });
        }).WithSummary("调查的问卷（公开链接）");
        pub.MapPost("/{code}/invitation", async (string code, InvitationInput input, SurveyAnswers answers, CancellationToken ct) =>
            TypedResults.Ok(new { ticket = await answers.RedeemInvitationAsync(await PublicOrThrowAsync(answers, code, ct), input.Code, ct) }))
            .WithSummary("核对邀请码，返回 2 小时内有效的答题凭证");
        pub.MapPost("/{code}/phone", async (string code, PhoneInput input, SurveyAnswers answers, CancellationToken ct) =>
        {
            var sent = await answers.SendPhoneCodeAsync(await PublicOrThrowAsync(answers, code, ct), input.Phone, ct);
            return TypedResults.Ok(new { sent.ChallengeId, phone = sent.PhoneMasked, sent.ResendAfterSeconds });
        }).WithSummary("向受访者手机发送验证码（手机号不保存）");
        pub.MapPost("/{code}/phone/verification", async (string code, PhoneVerification input, SurveyAnswers answers, CancellationToken ct) =>
            TypedResults.Ok(new { ticket = await answers.VerifyPhoneAsync(await PublicOrThrowAsync(answers, code, ct), input.ChallengeId, input.Code, ct) }))
            .WithSummary("核对短信验证码，返回答题凭证");
        pub.MapPost("/{code}/responses", async (string code, ResponseInput input, SurveyAnswers answers, CancellationToken ct) =>
        {
            var s = await PublicOrThrowAsync(answers, code, ct);
            await answers.SubmitAsync(s, answers.ReadTicket(s, input.Ticket), input.RegionCode, Answers(input.Answers), ct);
            return TypedResults.Created($"/public/surveys/{code}", new { thanks = "答卷已提交，感谢您的参与" });
        }).WithSummary("提交答卷（每人一次；题号、选项从 1 起）");
        return app;
    }

    private static async Task<Survey> PublicOrThrowAsync(SurveyAnswers answers, string code, CancellationToken ct) =>
        await answers.PublicAsync(code, ct) ?? throw ShianProblemException.NotFound("surveys.not-found", "调查不存在");
}
