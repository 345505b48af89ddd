using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Kernel;

/// <summary>
/// Security finding 1 and 12: enum values by number (once stored, they broke every page of a district), undefined or
/// combined names and malformed JSON are refused with a Chinese error naming the field, and nothing is stored.
/// </summary>
public abstract class BadInputTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(string Code, JsonElement Body)> RefusalAsync(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("code").GetString()!, body);
    }

    private static string FieldError(JsonElement body, string field) => body.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    [InlineData("\"Operating, Closed\"")]
    [InlineData("\"Bankrupt\"")]
    [InlineData("null")]
    public async Task ABusinessStatusByNumberOrUnknownName_IsRefused_NamingTheField_AndTheBusinessIsUnchanged(string status)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await Registry.RegistryTests.RegisterAsync(officer, "210503001000", "枚举测试店-" + Guid.NewGuid().ToString("N")[..6]);

        var res = await officer.PostAsync($"/api/v1/businesses/{id}/status", Json($"{{\"status\":{status}}}"), Ct);
        var (_, body) = await RefusalAsync(res);
        var message = FieldError(body, "status");
        Assert.Contains("可选：Operating、Suspended", message, StringComparison.Ordinal);

        var stored = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}", Ct);
        Assert.Equal("Operating", stored.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/businesses?regionCode=210503000000", Ct)).StatusCode);
    }

    [Fact]
    public async Task EnumsInCampaignsSamplesAndInspectionAnswers_AreRefusedByNumber()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var today = factory.Today.ToString("yyyy-MM-dd");
        var campaign = await officer.PostAsync("/api/v1/inspections/plans/campaigns",
            Json($"{{\"regionCode\":\"210503000000\",\"kind\":99,\"title\":\"专项\",\"startsOn\":\"{today}\",\"endsOn\":\"{today}\"}}"), Ct);
        Assert.Contains("可选：", FieldError((await RefusalAsync(campaign)).Body, "kind"), StringComparison.Ordinal);

        var business = await Registry.RegistryTests.RegisterAsync(officer, "210503001000", "答案测试店-" + Guid.NewGuid().ToString("N")[..6], "食品销售经营者");
        var sample = await officer.PostAsync($"/api/v1/sampling/businesses/{business}/samples",
            Json($"{{\"kind\":7,\"productName\":\"菠菜\",\"categoryCode\":\"VEG.LEAFY.SPINACH\",\"quantity\":\"2 kg\",\"sampledOn\":\"{today}\",\"samplers\":[\"甲\",\"乙\"],\"lab\":\"本溪市食品检验检测中心\",\"analytes\":[\"PB\"]}}"), Ct);
        Assert.Contains("“7”不是有效的取值", FieldError((await RefusalAsync(sample)).Body, "kind"), StringComparison.Ordinal);

        var answers = string.Join(",", Enumerable.Range(1, 10).Select(i => $"\"S{i:D2}\":{(i == 3 ? "7" : "\"Yes\"")}"));
        var record = await officer.PostAsync($"/api/v1/inspections/businesses/{business}/records",
            Json($"{{\"submissionId\":\"{Guid.NewGuid()}\",\"inspectedOn\":\"{today}\",\"answers\":{{{answers}}},\"inspectors\":[\"officer@210503\",\"inspector@210503\"]}}"), Ct);
        Assert.Contains("可选：", FieldError((await RefusalAsync(record)).Body, "answers.S03"), StringComparison.Ordinal);
        var records = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{business}/records", Ct);
        Assert.Equal(0, records.GetArrayLength());
    }

    [Fact]
    public async Task AnEnumInTheQueryString_IsRefusedByNumber()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (code, body) = await RefusalAsync(await officer.GetAsync("/api/v1/businesses?status=99", Ct));
        Assert.Equal("request.enum-invalid", code);
        Assert.Contains("“99”不是有效的取值", FieldError(body, "status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/businesses?status=Operating", Ct)).StatusCode);
    }

    [Fact]
    public async Task MalformedJsonAndWrongTypes_AreRefusedInChinese_NamingTheField()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var (_, syntax) = await RefusalAsync(await coordinator.PostAsync("/api/v1/incognito-checks", Json("{\"regionCode\": \"210503000000\", "), Ct));
        Assert.Contains("不是有效的 JSON", syntax.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (_, type) = await RefusalAsync(await coordinator.PostAsync("/api/v1/incognito-checks",
            Json("{\"regionCode\":\"210503000000\",\"checkedOn\":\"2026-11-20\",\"place\":\"某食堂\",\"findings\":\"无\",\"problems\":\"两个\",\"rating\":\"Good\"}"), Ct));
        Assert.Equal("取值格式不正确，应为整数", FieldError(type, "problems"));

        var (_, missing) = await RefusalAsync(await coordinator.GetAsync("/api/v1/calendar/add-working-days?start=2026-11-26", Ct));
        Assert.Equal("缺少此参数", FieldError(missing, "days"));
    }

    [Theory]
    [InlineData("\u202E店饭食美")]
    [InlineData("美食\u0000饭店")]
    public async Task NamesWithNulOrDirectionOverrides_AreRefused_NamingTheField(string name)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var body = JsonSerializer.SerializeToNode(Registry.RegistryTests.Business("210503001000", name, Registry.RegistryTests.NextIds()), JsonSerializerOptions.Web)!;
        var res = await officer.PostAsJsonAsync("/api/v1/businesses", body, Ct);
        var (code, refusal) = await RefusalAsync(res);
        Assert.Equal("request.invisible-characters", code);
        Assert.Contains("不可见的控制字符", FieldError(refusal, "name"), StringComparison.Ordinal);

        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        var check = await coordinator.PostAsJsonAsync("/api/v1/incognito-checks", new { regionCode = "210503000000", checkedOn = "2026-11-20", place = name, findings = "无", problems = 0, rating = "Good" }, Ct);
        Assert.Equal("request.invisible-characters", (await RefusalAsync(check)).Code);
    }

    [Fact]
    public async Task PageForms_RefuseForgedChoices_InChinese()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var business = await Registry.RegistryTests.RegisterAsync(officer, "210503001000", "表单测试店-" + Guid.NewGuid().ToString("N")[..6], "食品销售经营者");
        var (inspector, token) = await factory.BrowserAsAsync("inspector@210503");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["submissionId"] = Guid.NewGuid().ToString(), ["inspectors"] = "officer@210503、inspector@210503" };
        for (var i = 1; i <= 10; i++)
        {
            form[$"item-S{i:D2}"] = i == 3 ? "7" : "Yes";
        }

        var check = await inspector.PostAsync($"/inspections/check/{business}", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("第 S03 项的检查结果“7”无效", await check.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{business}/records", Ct)).GetArrayLength());

        var (coordinator, coordinatorToken) = await factory.BrowserAsAsync("coordinator@210503");
        var rating = await coordinator.PostAsync("/governance/checks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = coordinatorToken, ["Rating"] = "99", ["Place"] = "某食堂", ["Findings"] = "无", ["CheckedOn"] = "2026-11-20",
        }), Ct);
        var html = await rating.Content.ReadAsStringAsync(Ct);
        Assert.Contains("“99”不是有效的取值", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
    }
}

public sealed class BadInputSqliteTests(SqliteShianFactory factory) : BadInputTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class BadInputPostgresTests(PostgresShianFactory factory) : BadInputTests(factory), IClassFixture<PostgresShianFactory>;
