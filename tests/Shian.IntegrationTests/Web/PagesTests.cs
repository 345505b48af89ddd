using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Web;

/// <summary>Cookie sign-in for pages, its idle timeout, the language cookie and the OpenAPI document.</summary>
public abstract partial class PagesTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/account/signin", Ct);
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    [Fact]
    public async Task AMissingRecordsPage_ShowsAChinesePage_WhileTheApiKeepsProblemJson()
    {
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        var page = await browser.GetAsync($"/registry/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("您要找的页面或记录不存在", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var api = await factory.ClientAsAsync("officer@210503");
        var missing = await api.GetAsync($"/api/v1/businesses/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheFavicon_IsServedToAnyone()
    {
        var res = await factory.CreateClient().GetAsync("/favicon.ico", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/x-icon", res.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Home_WithoutSigningIn_RedirectsToTheChineseSignInPage()
    {
        var client = Browser();
        var res = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/signin", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/account/signin", Ct);
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("登录食安云", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieSignIn_OpensTheWorkbench_AndEndsAfter30IdleMinutes()
    {
        var client = Browser();
        var res = await SignInAsync(client, "officer@210503", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Contains("溪湖区", html, StringComparison.Ordinal);
        Assert.Contains("本溪市溪湖区人民政府", html, StringComparison.Ordinal); // the district's own government is listed first

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode); // activity renews the session

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/signin", expired.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRole_LandsOnItsStartPage_AfterSigningIn()
    {
        foreach (var (user, landing) in new[] { ("inspector@210503", "/inspections/visits"), ("lab@210500", "/sampling"), ("officer@210503", "/") })
        {
            var client = Browser();
            var res = await SignInAsync(client, user, DemoOptions.DefaultPassword);
            Assert.Equal("/start", res.Headers.Location!.OriginalString);
            var start = await client.GetAsync("/start", Ct);
            Assert.Equal(landing, start.Headers.Location!.OriginalString);
        }

        // A food business's 工作台 leads to its own record (the register shows it only its own entry).
        var business = Browser();
        await SignInAsync(business, "business@210503", DemoOptions.DefaultPassword);
        Assert.Contains("本企业档案", await business.GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await business.GetAsync("/registry", Ct)).StatusCode);

        var inspector = Browser();
        await SignInAsync(inspector, "inspector@210503", DemoOptions.DefaultPassword);
        var visits = await inspector.GetAsync("/inspections/visits?q=%E9%A4%90&overdue=true&p=2", Ct);
        Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
    }

    [Fact]
    public async Task CookieSignIn_WithAWrongPassword_StaysOnThePageWithAChineseError()
    {
        var client = Browser();
        var res = await SignInAsync(client, "officer@210502", "wrong-Password-1");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("用户名或密码错误", await res.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_IsRememberedByCookie()
    {
        var client = Browser();
        var res = await client.PostAsync("/culture?culture=en-US&returnUrl=%2Faccount%2Fsignin", null, Ct);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/account/signin", res.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/account/signin", Ct);
        Assert.Contains("<html lang=\"en-US\">", page, StringComparison.Ordinal);
        Assert.Contains("Sign in to Shian", page, StringComparison.Ordinal);

        var offsite = await client.PostAsync("/culture?culture=zh-CN&returnUrl=%2F%2Fevil.example", null, Ct);
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AuditPage_IsForAdministratorsOnly()
    {
        var client = Browser();
        await SignInAsync(client, "coordinator@210500", DemoOptions.DefaultPassword);
        var res = await client.GetAsync("/admin/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/denied", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAndTaskPages_OfAnotherDistrict_Are404()
    {
        var api = await factory.ClientAsAsync("coordinator@210504");
        var created = await api.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.SmallDistrictPlan("明山区", Guid.NewGuid().ToString("N")[..8]), "b.txt"), Ct);
        created.EnsureSuccessStatusCode();
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}", Ct);
        var taskId = plan.GetProperty("sections")[0].GetProperty("tasks")[0].GetProperty("id").GetString();

        var own = Browser();
        await SignInAsync(own, "officer@210504", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/governance/tasks/{taskId}", Ct)).StatusCode);

        var other = Browser();
        await SignInAsync(other, "coordinator@210503", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/governance/plans/{planId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/governance/tasks/{taskId}", Ct)).StatusCode);
        Assert.DoesNotContain(planId!, await other.GetStringAsync("/governance/plans", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("明山区", await other.GetStringAsync("/governance/tasks", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentPages_AreTheOfficesOwn_AndPublicOnlyOncePublished()
    {
        var api = await factory.ClientAsAsync("coordinator@210504");
        var title = "明山区乡镇考核-" + Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostAsJsonAsync("/api/v1/assessments", new { regionCode = "210504000000", year = 2033 + Random.Shared.Next(0, 60), title }, Ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var item = await api.PostAsJsonAsync($"/api/v1/assessments/{id}/items", new { name = "现场评估", kind = "Manual", weight = 100 }, Ct);
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var own = Browser();
        await SignInAsync(own, "coordinator@210504", DemoOptions.DefaultPassword);
        var page = await own.GetStringAsync($"/governance/assessments/{id}", Ct);
        Assert.Contains(title, page, StringComparison.Ordinal);

        // The district's officer reads published results only: the draft and its ranking stay with the office.
        var (officer, _) = await factory.BrowserAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/governance/assessments/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(title, await officer.GetStringAsync("/governance/assessments", Ct), StringComparison.Ordinal);

        // A weight that is not a number: a Chinese error naming the item, nothing saved.
        var token = TokenPattern().Match(page).Groups[1].Value;
        var bad = await own.PostAsync($"/governance/assessments/{id}?handler=Weights", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [$"weight-{itemId}"] = "八十", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("第 1 项分值：“八十”不是数字", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}", Ct);
        Assert.Equal(100m, stored.GetProperty("items")[0].GetProperty("weight").GetDecimal());

        var other = Browser();
        await SignInAsync(other, "coordinator@210503", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/governance/assessments/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(title, await other.GetStringAsync("/governance/assessments", Ct), StringComparison.Ordinal);

        var anonymous = Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/assessments/{id}", Ct)).StatusCode);

        // Nothing scored yet: the ranking says so instead of grading everyone 不合格, and it cannot be published.
        Assert.Contains("尚无可评分的数据", await own.GetStringAsync($"/governance/assessments/{id}", Ct), StringComparison.Ordinal);
        var early = await api.PostAsync($"/api/v1/assessments/{id}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚无考核数据", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var assessee = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}", Ct)).GetProperty("districts")[0].GetProperty("key").GetString();
        var scoredOne = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/items/{itemId}/scores", new { assesseeKey = assessee, points = 85 }, Ct);
        Assert.True(scoredOne.StatusCode == HttpStatusCode.NoContent, await scoredOne.Content.ReadAsStringAsync(Ct));
        (await api.PostAsync($"/api/v1/assessments/{id}/publish", null, Ct)).EnsureSuccessStatusCode();
        Assert.Contains(title, await anonymous.GetStringAsync("/public/assessments", Ct), StringComparison.Ordinal);
        var open = await anonymous.GetAsync($"/public/assessments/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("考核得分排名", await open.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryPages_ShowTheDistrictsOwnBusinesses_AndAnotherDistrictsProfileIs404()
    {
        var api = await factory.ClientAsAsync("officer@210504");
        var name = "明山区页面测试店-" + Guid.NewGuid().ToString("N")[..6];
        var id = await Registry.RegistryTests.RegisterAsync(api, "210504002000", name);

        var own = Browser();
        await SignInAsync(own, "officer@210504", DemoOptions.DefaultPassword);
        Assert.Contains(name, await own.GetStringAsync($"/registry?q={Uri.EscapeDataString(name)}", Ct), StringComparison.Ordinal);
        var profile = await own.GetStringAsync($"/registry/{id}", Ct);
        Assert.Contains(name, profile, StringComparison.Ordinal);
        Assert.Contains("210503********1235", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("199001011235", profile, StringComparison.Ordinal);

        var other = Browser();
        await SignInAsync(other, "officer@210503", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/registry/{id}", Ct)).StatusCode);
        Assert.DoesNotContain($"/registry/{id}", await other.GetStringAsync($"/registry?q={Uri.EscapeDataString(name)}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectionPages_RenderForTheDistrict_AndAnotherDistrictsCoverageIs404()
    {
        var own = Browser();
        await SignInAsync(own, "officer@210503", DemoOptions.DefaultPassword);
        Assert.Contains("检查覆盖率", await own.GetStringAsync("/inspections/coverage?region=210503000000", Ct), StringComparison.Ordinal);
        Assert.Contains("双随机", await own.GetStringAsync("/inspections/draws", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync("/inspections/coverage?region=210504000000", Ct)).StatusCode);
        var anonymous = Browser();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public/businesses?q=%E9%85%92%E5%BA%97", Ct)).StatusCode);
    }

    [Fact]
    public async Task SamplingPages_RenderForTheDistrictAndTheLab_AndAnotherDistrictsSampleIs404()
    {
        var api = await factory.ClientAsAsync("officer@210504");
        var business = await Registry.RegistryTests.RegisterAsync(api, "210504002000", "明山区抽样页面测试店-" + Guid.NewGuid().ToString("N")[..6], "食品销售经营者");
        var today = factory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await api.PostAsJsonAsync($"/api/v1/sampling/businesses/{business}/samples", new
        {
            kind = "Supervision", productName = "页面测试韭菜", categoryCode = "VEG.BULB.CHIVE", quantity = "1 kg", sampledOn = today, samplers = new[] { "甲", "乙" }, lab = "本溪市食品检验检测中心", analytes = new[] { "PROCYMIDONE" },
        }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var own = Browser();
        await SignInAsync(own, "officer@210504", DemoOptions.DefaultPassword);
        Assert.Contains("页面测试韭菜", await own.GetStringAsync($"/sampling/samples/{id}", Ct), StringComparison.Ordinal);
        Assert.Contains("<svg", await own.GetStringAsync($"/sampling/samples/{id}/label", Ct), StringComparison.Ordinal);
        Assert.Contains("页面测试韭菜", await own.GetStringAsync("/sampling", Ct), StringComparison.Ordinal);
        Assert.Contains("腐霉利", await own.GetStringAsync($"/sampling/businesses/{business}/new?handler=Analytes&CategoryCode=VEG.BULB.CHIVE", Ct), StringComparison.Ordinal);
        Assert.Contains("合格率", await own.GetStringAsync("/sampling/stats", Ct), StringComparison.Ordinal);
        Assert.Contains("韭菜", await own.GetStringAsync("/standards?category=VEG.BULB.CHIVE", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/sampling/plans", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/sampling/rapid-tests", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/inspections/plans", Ct)).StatusCode);

        var lab = Browser();
        await SignInAsync(lab, "lab@210500", DemoOptions.DefaultPassword);
        Assert.Contains("页面测试韭菜", await lab.GetStringAsync($"/sampling/samples/{id}", Ct), StringComparison.Ordinal);

        var other = Browser();
        await SignInAsync(other, "officer@210503", DemoOptions.DefaultPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sampling/samples/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sampling/samples/{id}/label", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sampling/businesses/{business}/new", Ct)).StatusCode);
        Assert.DoesNotContain("页面测试韭菜", await other.GetStringAsync("/sampling", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/sampling/stats?region=210504000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync("/public/sampling", Ct)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApiWithBearerAuth()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        Assert.Equal("食安云 Shian API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/attachments", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/scalar/v1", Ct)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class PagesSqliteTests(SqliteShianFactory factory) : PagesTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PagesPostgresTests(PostgresShianFactory factory) : PagesTests(factory), IClassFixture<PostgresShianFactory>;
