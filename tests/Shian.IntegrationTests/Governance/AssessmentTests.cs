using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Governance;

/// <summary>
/// 考核: a city scheme scored from the districts' reported values, 暗访 problems, a veto and assessors' scores;
/// published to the public; 约谈 proposed for a failing district and for one missing its targets two years running.
/// </summary>
public abstract class AssessmentTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] CityPlan(string marker, int year) => System.Text.Encoding.UTF8.GetBytes(
        $"本溪市{year}年食品安全重点工作（{marker}）\n\n一、强化抽检\n（一）加大抽检力度。全年食品抽检量达到4.5份/千人。（责任单位：各县（区）政府）\n" +
        "（二）完善追溯体系。年底前建成市级追溯平台。（责任单位：市市场监督管理局）\n");

    private static JsonElement Row(JsonElement view, string key) =>
        view.GetProperty("districts").EnumerateArray().Concat(view.GetProperty("departments").EnumerateArray()).Single(r => r.GetProperty("key").GetString() == key);

    private async Task<(string PlanId, string TaskId, string TargetId)> ImportAsync(HttpClient coordinator, int year)
    {
        var res = await coordinator.PostAsync("/api/v1/plans", Seeds.PlanForm(CityPlan(Guid.NewGuid().ToString("N")[..8], year), "city.txt"), Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var planId = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var task = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct)).GetProperty("sections")[0].GetProperty("tasks")[0];
        var target = task.GetProperty("targets")[0];
        Assert.Equal(4.5m, target.GetProperty("value").GetDecimal());
        var detail = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/tasks/{task.GetProperty("id").GetString()}", Ct);
        return (planId, task.GetProperty("id").GetString()!, detail.GetProperty("targets")[0].GetProperty("id").GetString()!);
    }

    private async Task ReportAsync(string user, string taskId, string unitKey, string targetId, decimal value)
    {
        var client = await factory.ClientAsAsync(user);
        var res = await client.PostAsJsonAsync($"/api/v1/plans/tasks/{taskId}/reports",
            new { unitKey, text = $"全年抽检 {value} 份/千人。", percent = 100, completed = true, measurements = new Dictionary<string, decimal> { [targetId] = value } }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
    }

    [Fact]
    public async Task TheCityScoresRanksAndPublishes_AndProposesInterviews_PerSeed000()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        var (_, taskId, targetId) = await ImportAsync(coordinator, 2025);
        await ReportAsync("officer@210503", taskId, "gov:210503000000", targetId, 4.6m);   // 溪湖区: met
        await ReportAsync("officer@210504", taskId, "gov:210504000000", targetId, 2.25m);  // 明山区: half
        await ReportAsync("officer@210521", taskId, "gov:210521000000", targetId, 4.0m);   // 本溪县: 8/9
        var check = await coordinator.PostAsJsonAsync("/api/v1/incognito-checks",
            new { regionCode = "210504002000", checkedOn = "2025-06-10", place = "农贸市场", findings = "索证索票不全", problems = 3, rating = "Poor" }, Ct);
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);

        var created = await coordinator.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210500000000", year = 2025, fromPlans = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schemeId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var again = await coordinator.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210500000000", year = 2025 }, Ct);
        Assert.Equal("governance.assessment-exists", await again.ProblemCodeAsync(Ct));

        var view = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{schemeId}", Ct);
        var kinds = view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Target", kinds);
        Assert.Contains("TaskCompletion", kinds);
        Assert.Contains("IncognitoChecks", kinds);
        Assert.Contains("Bonus", kinds);
        Assert.Empty(view.GetProperty("publishBlockers").EnumerateArray());
        var bonusId = view.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Bonus").GetProperty("id").GetString();

        // 南芬区 had a major incident: 一票否决. 溪湖区 earns 3 bonus points; 6 is more than the item allows.
        var veto = await coordinator.PostAsJsonAsync($"/api/v1/assessments/{schemeId}/vetoes", new { assesseeKey = "gov:210505000000", reason = "发生重大食品安全事故", occurredOn = "2025-08-01" }, Ct);
        Assert.Equal(HttpStatusCode.Created, veto.StatusCode);
        var tooMuch = await coordinator.PutAsJsonAsync($"/api/v1/assessments/{schemeId}/items/{bonusId}/scores", new { assesseeKey = "gov:210503000000", points = 6 }, Ct);
        Assert.Equal("governance.assessment-score-invalid", await tooMuch.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"/api/v1/assessments/{schemeId}/items/{bonusId}/scores",
            new { assesseeKey = "gov:210503000000", points = 3, note = "创建国家食品安全示范城市成绩突出" }, Ct)).StatusCode);

        view = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{schemeId}", Ct);
        var xihu = Row(view, "gov:210503000000");
        Assert.Equal(100m, xihu.GetProperty("baseScore").GetDecimal());
        Assert.Equal(103m, xihu.GetProperty("total").GetDecimal());
        Assert.Equal(1, xihu.GetProperty("rank").GetInt32());
        Assert.Equal("优秀", xihu.GetProperty("gradeLabel").GetString());
        // 明山区: tasks 40 (completed) + target 40 × 0.5 + 暗访 20 − 3 = 77.
        var mingshan = Row(view, "gov:210504000000");
        Assert.Equal(77m, mingshan.GetProperty("total").GetDecimal());
        Assert.Equal(1, mingshan.GetProperty("targetsMissed").GetInt32());
        // 平山区 reported nothing and had no 暗访: tasks 0, target 0 (未报送), 暗访 not applicable (no full marks for nothing checked) → 0, 不合格.
        var pingshan = Row(view, "gov:210502000000");
        Assert.Equal(0m, pingshan.GetProperty("total").GetDecimal());
        Assert.Equal("不合格", pingshan.GetProperty("gradeLabel").GetString());
        Assert.False(pingshan.GetProperty("measured").GetBoolean());
        Assert.Contains(pingshan.GetProperty("items").EnumerateArray(), i => i.GetProperty("explanation").GetString() == "未报送实际值");
        Assert.Contains(pingshan.GetProperty("items").EnumerateArray(), i => i.GetProperty("explanation").GetString() == "本年度未开展暗访，不计分（按其余项目折算）");
        var nanfen = Row(view, "gov:210505000000");
        Assert.True(nanfen.GetProperty("vetoed").GetBoolean());
        Assert.Equal("不合格", nanfen.GetProperty("gradeLabel").GetString());
        Assert.Equal(view.GetProperty("districts").GetArrayLength(), nanfen.GetProperty("rank").GetInt32());
        // The city's market regulation bureau is ranked among the departments, on its own task.
        Assert.Contains(view.GetProperty("departments").EnumerateArray(), r => r.GetProperty("key").GetString() == "210500:market-regulation");

        // Nothing is public before publication; a district officer may not publish.
        var anonymous = factory.CreateClient();
        Assert.DoesNotContain(schemeId, await anonymous.GetStringAsync("/api/v1/public/assessments", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/assessments/{schemeId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("officer@210500")).PostAsync($"/api/v1/assessments/{schemeId}/publish", null, Ct)).StatusCode);

        var published = await coordinator.PostAsync($"/api/v1/assessments/{schemeId}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains(schemeId, await anonymous.GetStringAsync("/api/v1/public/assessments", Ct), StringComparison.Ordinal);
        var open = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/assessments/{schemeId}", Ct);
        Assert.Equal(103m, Row(open, "gov:210503000000").GetProperty("total").GetDecimal());
        Assert.Equal("governance.assessment-published", await (await coordinator.PostAsJsonAsync($"/api/v1/assessments/{schemeId}/vetoes",
            new { assesseeKey = "gov:210503000000", reason = "x", occurredOn = "2025-01-01" }, Ct)).ProblemCodeAsync(Ct));

        // Published results are frozen: a late report does not change them.
        await ReportAsync("officer@210502", taskId, "gov:210502000000", targetId, 5m);
        Assert.Equal(0m, Row(await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{schemeId}", Ct), "gov:210502000000").GetProperty("total").GetDecimal());

        // 约谈 proposed for the failing 平山区 and the vetoed 南芬区, not for 明山区 (first year missing its target).
        var interviews = (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/interviews", Ct)).EnumerateArray().Where(i => i.GetProperty("year").ValueKind == JsonValueKind.Number && i.GetProperty("year").GetInt32() == 2025).ToList();
        Assert.Contains(interviews, i => i.GetProperty("subjectKey").GetString() == "gov:210502000000" && i.GetProperty("trigger").GetString() == "AssessmentFailed");
        Assert.Contains(interviews, i => i.GetProperty("subjectKey").GetString() == "gov:210505000000");
        Assert.DoesNotContain(interviews, i => i.GetProperty("subjectKey").GetString() == "gov:210504000000");

        // The district sees its own result, not its neighbours'.
        var mine = await (await factory.ClientAsAsync("officer@210504")).GetStringAsync("/api/v1/assessments/results", Ct);
        Assert.Contains("gov:210504000000", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("gov:210503000000", mine, StringComparison.Ordinal);

        // 2026: the same target still half met by 明山区 → 连续两年未完成目标; year-on-year change shown.
        var next = await coordinator.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210500000000", year = 2026, title = "2026年度考核" }, Ct);
        var nextId = (await next.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/assessments/{nextId}/items",
            new { name = "抽检 4.5 份/千人", kind = "Target", weight = 60, targetId }, Ct)).StatusCode);
        var manual = await coordinator.PostAsJsonAsync($"/api/v1/assessments/{nextId}/items", new { name = "现场评估", kind = "Manual", weight = 30 }, Ct);
        var manualId = (await manual.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var notReady = await coordinator.PostAsync($"/api/v1/assessments/{nextId}/publish", null, Ct);
        Assert.Equal("governance.assessment-not-ready", await notReady.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PatchAsJsonAsync($"/api/v1/assessments/{nextId}/items/{manualId}", new { weight = 40 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"/api/v1/assessments/{nextId}/items/{manualId}/scores", new { assesseeKey = "gov:210504000000", points = 40 }, Ct)).StatusCode);
        var nextView = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{nextId}", Ct);
        var ms2026 = Row(nextView, "gov:210504000000");
        Assert.Equal(70m, ms2026.GetProperty("total").GetDecimal()); // 60 × 0.5 + 40
        Assert.Equal(-7m, ms2026.GetProperty("change").GetDecimal());
        Assert.Equal(2025, nextView.GetProperty("lastYear").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/assessments/{nextId}/publish", null, Ct)).StatusCode);
        var proposals = (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/interviews", Ct)).EnumerateArray()
            .Where(i => i.GetProperty("subjectKey").GetString() == "gov:210504000000" && i.GetProperty("trigger").GetString() == "TargetsMissedTwoYears").ToList();
        var proposal = Assert.Single(proposals);

        // The office records the 约谈.
        var incomplete = await coordinator.PostAsJsonAsync($"/api/v1/interviews/{proposal.GetProperty("id").GetString()}/decision", new { held = true }, Ct);
        Assert.Equal("governance.interview-invalid", await incomplete.ProblemCodeAsync(Ct));
        var held = await coordinator.PostAsJsonAsync($"/api/v1/interviews/{proposal.GetProperty("id").GetString()}/decision",
            new { held = true, heldOn = "2026-11-20", attendees = "明山区区长、分管副区长", notes = "限期一个月提交整改报告" }, Ct);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal("Held", (await held.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnlyTheAssessingOffice_ManagesAScheme()
    {
        var officer = await factory.ClientAsAsync("officer@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210500000000", year = 2031 }, Ct)).StatusCode);
        var district = await factory.ClientAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210500000000", year = 2031 }, Ct)).StatusCode);
        var bad = await district.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210503001000", year = 1990 }, Ct);
        Assert.Equal("governance.assessment-invalid", await bad.ProblemCodeAsync(Ct));

        // A county office assesses its towns.
        var county = await district.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210503000000", year = 2031 }, Ct);
        Assert.Equal(HttpStatusCode.Created, county.StatusCode);
        var id = (await county.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var view = await district.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}", Ct);
        Assert.Contains(view.GetProperty("districts").EnumerateArray(), r => r.GetProperty("regionCode").GetString()!.StartsWith("210503", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("coordinator@210504")).GetAsync($"/api/v1/assessments/{id}", Ct)).StatusCode);
    }
}

public sealed class AssessmentSqliteTests(SqliteShianFactory factory) : AssessmentTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AssessmentPostgresTests(PostgresShianFactory factory) : AssessmentTests(factory), IClassFixture<PostgresShianFactory>;
