using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Programmes;

/// <summary>
/// 问卷调查 (#21): a city's 知晓率 survey is designed by district population (refused while a district has no figure),
/// opened, answered with one-time invitation codes and by an interviewer, and its estimate feeds the indicator; a county's
/// 满意度 survey is answered by a verified mobile, once per phone, and the number is never stored. Part of
/// <see cref="ProgrammesTests"/> (one app per database).
/// </summary>
public abstract partial class ProgrammesTests
{
    private static int _surveyPhones;

    private static string SurveyMobile() => "1380" + (Environment.ProcessId % 1000).ToString("D3") + Interlocked.Increment(ref _surveyPhones).ToString("D4");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage res, HttpStatusCode status, string code)
    {
        Assert.True(status == res.StatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private static string PublicCode(JsonElement survey) => survey.GetProperty("link").GetString()!.Split('/')[^1];

    [Fact]
    public async Task ACitySurvey_IsDesignedByPopulation_AnsweredByInvitationAndInterview_AndFeedsTheIndicator()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var survey = await JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys",
            new { regionCode = "210500000000", title = "2026年本溪市食品安全知识知晓率调查", purpose = "Awareness", access = "Invitation", year = 2026 }, Ct));
        var id = survey.GetProperty("id").GetString();

        // A question refused whole, each field named; then two knowledge questions.
        var bad = await ProblemAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Single", text = "电话？", options = "12315", correct = "2" }, Ct), HttpStatusCode.BadRequest, "surveys.invalid");
        Assert.True(bad.GetProperty("errors").TryGetProperty("options", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("correct", out _));
        await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Single", text = "食品投诉举报电话是？", options = "12315\n12306", correct = "1" }, Ct));
        await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Multiple", text = "预包装食品应查看哪些信息？", options = "生产日期\n保质期\n包装颜色", correct = "1,2" }, Ct));

        // The design needs every district's population: refused, naming them, until an administrator enters them.
        var draft = await JsonAsync(await coordinator.GetAsync($"/api/v1/surveys/{id}", Ct));
        var missing = draft.GetProperty("results").GetProperty("districts").EnumerateArray().Where(d => d.GetProperty("population").GetInt64() == 0).ToList();
        Assert.NotEmpty(missing); // the reference data has 溪湖区, 明山区 and 南芬区 only
        var refused = await ProblemAsync(await coordinator.PostAsync($"/api/v1/surveys/{id}/opening", null, Ct), HttpStatusCode.Conflict, "surveys.population-missing");
        Assert.Contains(missing[0].GetProperty("name").GetString()!, refused.GetProperty("detail").GetString());
        var admin = await factory.ClientAsAsync("admin");
        foreach (var d in missing)
        {
            var put = await admin.PutAsJsonAsync($"/api/v1/admin/regions/{d.GetProperty("regionCode").GetString()}/populations/2020", new { population = 300_000, year = 2020, source = "测试数据" }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        var opened = await JsonAsync(await coordinator.PostAsync($"/api/v1/surveys/{id}/opening", null, Ct));
        var quotas = opened.GetProperty("quotas").EnumerateArray().ToDictionary(q => q.GetProperty("regionCode").GetString()!, q => q.GetProperty("quota").GetInt32());
        Assert.Equal(opened.GetProperty("sampleSize").GetInt32(), quotas.Values.Sum());
        Assert.InRange(quotas.Values.Sum(), 385, 600); // 385 for the city, more where a district is raised to 30
        Assert.All(quotas.Values, q => Assert.True(q >= 30));
        Assert.True(quotas["210503000000"] < quotas["210504000000"], "溪湖区 (204 660) gets fewer than 明山区 (378 936)");
        await ProblemAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Text", text = "建议" }, Ct), HttpStatusCode.Conflict, "surveys.not-draft");

        // Invitation codes for 溪湖区, returned once.
        await ProblemAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/invitations", new { regionCode = "210503000000", count = 0 }, Ct), HttpStatusCode.BadRequest, "surveys.invalid");
        var codes = (await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/invitations", new { regionCode = "210503000000", count = 3 }, Ct)))
            .GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(3, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", c));

        // A resident answers with the card's code (typed in lower case, without the hyphen); once only.
        var anonymous = factory.CreateClient();
        var pub = $"/api/v1/public/surveys/{PublicCode(opened)}";
        Assert.Equal(2, (await JsonAsync(await anonymous.GetAsync(pub, Ct))).GetProperty("questions").GetArrayLength());
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/invitation", new { code = "ZZZZ-ZZZZ" }, Ct), HttpStatusCode.BadRequest, "surveys.invitation-invalid");
        var ticket = (await JsonAsync(await anonymous.PostAsJsonAsync($"{pub}/invitation", new { code = codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() }, Ct))).GetProperty("ticket").GetString();
        var incomplete = await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket, answers = Array.Empty<object>() }, Ct), HttpStatusCode.BadRequest, "surveys.answers-invalid");
        Assert.Equal(["q1", "q2"], incomplete.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var allRight = new object[] { new { question = 1, choices = new[] { 1 } }, new { question = 2, choices = new[] { 1, 2 } } };
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket, answers = allRight }, Ct)).StatusCode);
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket, answers = allRight }, Ct), HttpStatusCode.Conflict, "surveys.already-answered");
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/invitation", new { code = codes[0] }, Ct), HttpStatusCode.BadRequest, "surveys.invitation-invalid");
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket = "forged", answers = allRight }, Ct), HttpStatusCode.BadRequest, "surveys.ticket-expired");

        // Half right by code; half right by an interviewer of 溪湖区, who may not enter for 明山区.
        var second = (await JsonAsync(await anonymous.PostAsJsonAsync($"{pub}/invitation", new { code = codes[1] }, Ct))).GetProperty("ticket").GetString();
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"{pub}/responses", new
        {
            ticket = second, answers = new object[] { new { question = 1, choices = new[] { 1 } }, new { question = 2, choices = new[] { 1 } } },
        }, Ct)).StatusCode);
        var interviewer = await factory.ClientAsAsync("officer@210503");
        var halfRight = new object[] { new { question = 1, choices = new[] { 2 } }, new { question = 2, choices = new[] { 2, 1 } } };
        Assert.Equal(HttpStatusCode.Created, (await interviewer.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { regionCode = "210503000000", answers = halfRight }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { regionCode = "210504000000", answers = halfRight }, Ct)).StatusCode);

        // 溪湖区 alone so far: (1 + .5 + .5) / 3; the districts without answers are named.
        var results = (await JsonAsync(await coordinator.GetAsync($"/api/v1/surveys/{id}", Ct))).GetProperty("results");
        Assert.Equal(66.7m, results.GetProperty("overall").GetProperty("value").GetDecimal());
        Assert.Equal(3, results.GetProperty("responses").GetInt32());
        Assert.Contains("明山区", results.GetProperty("missingDistricts").EnumerateArray().Select(m => m.GetString()));
        var xihu = results.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("regionCode").GetString() == "210503000000");
        Assert.Equal(3, xihu.GetProperty("invitationsIssued").GetInt32());
        Assert.Equal(2, xihu.GetProperty("invitationsUsed").GetInt32());

        var indicator = await JsonAsync(await coordinator.GetAsync("/api/v1/indicators/survey.awareness?regionCode=210500000000&year=2026", Ct));
        Assert.Equal(66.7m, indicator.GetProperty("value").GetDecimal());
        Assert.Equal(2m, indicator.GetProperty("numerator").GetDecimal());
        Assert.Equal(3m, indicator.GetProperty("denominator").GetDecimal());

        // Closed: the last code no longer works.
        await JsonAsync(await coordinator.PostAsync($"/api/v1/surveys/{id}/closing", null, Ct));
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/invitation", new { code = codes[2] }, Ct), HttpStatusCode.Conflict, "surveys.closed");
    }

    [Fact]
    public async Task APhoneSurvey_TakesOneResponsePerMobile_AndNeverStoresTheNumber()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210505");
        var survey = await JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys",
            new { regionCode = District, title = "2026年南芬区公众食品安全满意度调查", purpose = "Satisfaction", access = "Phone", year = 2026, marginOfError = 0.10 }, Ct));
        var id = survey.GetProperty("id").GetString();
        await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Rating", text = "您对本区食品安全状况的总体评价", scored = true }, Ct));
        await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Text", text = "您的建议" }, Ct));
        var opened = await JsonAsync(await coordinator.PostAsync($"/api/v1/surveys/{id}/opening", null, Ct));
        Assert.Equal(96, opened.GetProperty("sampleSize").GetInt32()); // ±10 points in 55 560 people: 96.04 / (1 + 95.04/55 560) = 95.87 → 96

        var anonymous = factory.CreateClient();
        var pub = $"/api/v1/public/surveys/{PublicCode(opened)}";
        async Task<string> TicketAsync(string mobile)
        {
            var sent = await JsonAsync(await anonymous.PostAsJsonAsync($"{pub}/phone", new { phone = mobile }, Ct));
            var challenge = sent.GetProperty("challengeId").GetString();
            var code = factory.Sms.LastCode(mobile);
            await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/phone/verification", new { challengeId = challenge, code = code == "000000" ? "111111" : "000000" }, Ct), HttpStatusCode.BadRequest, "sms.code-invalid");
            return (await JsonAsync(await anonymous.PostAsJsonAsync($"{pub}/phone/verification", new { challengeId = challenge, code }, Ct))).GetProperty("ticket").GetString()!;
        }

        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/phone", new { phone = "024-42881234" }, Ct), HttpStatusCode.BadRequest, "surveys.phone-invalid");
        var first = SurveyMobile();
        var ticket = await TicketAsync(first);
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket, answers = new object[] { new { question = 1, rating = 6 } } }, Ct), HttpStatusCode.BadRequest, "surveys.answers-invalid");
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"{pub}/responses", new
        {
            ticket, answers = new object[] { new { question = 1, rating = 5 }, new { question = 2, text = "希望多公布抽检结果" } },
        }, Ct)).StatusCode);

        // The same phone again: refused before any text is sent.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var sentBefore = factory.Sms.Sent.Count;
        await ProblemAsync(await anonymous.PostAsJsonAsync($"{pub}/phone", new { phone = first[..3] + " " + first[3..] }, Ct), HttpStatusCode.Conflict, "surveys.already-answered");
        Assert.Equal(sentBefore, factory.Sms.Sent.Count);

        var second = await TicketAsync(SurveyMobile());
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"{pub}/responses", new { ticket = second, answers = new object[] { new { question = 1, rating = 2 } } }, Ct)).StatusCode);

        // (1 + .25) / 2 on the survey page and in the indicator.
        var results = (await JsonAsync(await coordinator.GetAsync($"/api/v1/surveys/{id}", Ct))).GetProperty("results");
        Assert.Equal(62.5m, results.GetProperty("overall").GetProperty("value").GetDecimal());
        Assert.Equal(62.5m, (await IndicatorAsync(coordinator, "survey.satisfaction")).GetProperty("value").GetDecimal());

        // Nothing stored carries the number: answers, person digest, challenges.
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT answers_json || coalesce(person_digest, '') AS \"Value\" FROM survey_responses").ToListAsync(Ct);
        Assert.Contains(stored, s => s.Contains("希望多公布抽检结果", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => s.Contains(first, StringComparison.Ordinal) || s.Contains(first[3..], StringComparison.Ordinal));
        Assert.False(await db.PhoneChallenges.AnyAsync(c => c.PhoneMasked == first || c.PhoneDigest.Contains(first), Ct));
    }

    [Fact]
    public async Task AnInterviewer_EntersAnswersOnThePage_EachMissingAnswerNamedUnderItsQuestion()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var survey = await JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys",
            new { regionCode = "210503000000", title = "溪湖区满意度（访问员页面）", purpose = "Satisfaction", access = "Invitation", year = 2026 }, Ct));
        var id = survey.GetProperty("id").GetString();
        await JsonAsync(await coordinator.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "Rating", text = "您对本区食品安全状况的评价", scored = true }, Ct));
        var opened = await JsonAsync(await coordinator.PostAsync($"/api/v1/surveys/{id}/opening", null, Ct));

        var (browser, token) = await factory.BrowserAsAsync("officer@210503");
        var url = $"/surveys/{id}/interview";
        Assert.Contains("您对本区食品安全状况的评价", await browser.GetStringAsync(url, Ct));
        var missing = await (await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("第 1 题：请选择评价", missing);
        var saved = await (await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["q1"] = "5", ["__RequestVerificationToken"] = token }), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("已录入一份答卷", saved);
        Assert.Equal(1, (await JsonAsync(await coordinator.GetAsync($"/api/v1/surveys/{id}", Ct))).GetProperty("results").GetProperty("responses").GetInt32());

        // The survey's pages: the office's (with the chart data and the QR code) and the public one.
        var page = await browser.GetStringAsync($"/surveys/{id}", Ct);
        Assert.Contains("<svg", page);
        var anonymous = factory.CreateClient();
        var pub = await anonymous.GetStringAsync(opened.GetProperty("link").GetString()!, Ct);
        Assert.Contains("邀请码（卡片上的 8 位字母数字）", pub);
    }
}
