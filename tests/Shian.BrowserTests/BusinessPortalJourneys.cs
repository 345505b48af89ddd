using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 我的企业 on a phone (#19): the demo business opens its portal from the bottom bar and sees what it must do, by date — the
/// 复检 window of a failed 监督抽检 sample and the 陈述申辩 period of a case; it applies for 复检 online and states its case
/// with a request for a hearing, and both disappear from its list; no sideways scrolling; each page at 375 and 1280 px.
/// </summary>
public sealed class BusinessPortalJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> ApiAsync(string user) => fixture.ApiAsync(user);

    /// <summary>A 监督抽检 sample of spinach at the demo business failing on lead, its conclusion served today (through the API, as the office and the lab would).</summary>
    private async Task FailedSpinachAsync()
    {
        var officer = await ApiAsync("officer@210503");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Kernel.Users.DemoAccounts.DemoBusinessUscc}", Ct);
        var business = found.GetProperty("rows")[0].GetProperty("id").GetString();
        var created = await officer.PostAsJsonAsync($"/api/v1/sampling/businesses/{business}/samples", new
        {
            kind = "Supervision", productName = "菠菜", categoryCode = "VEG.LEAFY.SPINACH", quantity = "2 kg（含备份 1 kg）", sampledOn = today, batch = "散装",
            samplers = new[] { "officer@210503", "inspector@210503" }, lab = "本溪市食品检验检测中心", analytes = new[] { "PB", "CD" },
        }, Ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/sent", new { on = today }, Ct)).EnsureSuccessStatusCode();
        var lab = await ApiAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/received", new { on = today }, Ct)).EnsureSuccessStatusCode();
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", new
        {
            items = new object[]
            {
                new { analyte = "PB", value = 0.35m, unit = "mg/kg", lod = 0.005m, decimals = 2, method = "GB 5009.12-2017" },
                new { analyte = "CD", value = 0.05m, unit = "mg/kg", lod = 0.001m, decimals = 2 },
            },
        }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/disposition/notified", new { on = today }, Ct)).EnsureSuccessStatusCode();
    }

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: " + what);

    [Fact]
    public async Task TheBusiness_SeesWhatToDoOnItsPhone_AppliesForARetest_AndStatesItsCase()
    {
        await FailedSpinachAsync();

        var shop = await fixture.SignedInAsync("business@210503", 375, 740);
        await shop.GetByRole(AriaRole.Link, new() { Name = "企业", Exact = true }).ClickAsync(); // the bottom bar
        await Assertions.Expect(shop.Locator("main h1")).ToHaveTextAsync("我的企业");
        var actions = shop.Locator("#actions li[data-action]");
        await Assertions.Expect(actions.Filter(new() { HasText = "可申请复检或提出异议：菠菜" })).ToHaveCountAsync(1);
        await Assertions.Expect(actions.Filter(new() { HasText = "陈述、申辩或要求听证：经营超过保质期的食品" })).ToHaveCountAsync(1);
        // The 复检 window's own date (another journey may leave the demo business an overdue item, listed first).
        await Assertions.Expect(actions.Filter(new() { HasText = "可申请复检或提出异议：菠菜" }).Locator("[data-due]")).ToContainTextAsync("前办理");
        await Assertions.Expect(shop.Locator("#sites")).ToContainTextAsync("溪湖区示范餐饮店（演示）");
        await NoSidewaysScrollAsync(shop, "我的企业");
        await shop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-portal-phone.png"), FullPage = true });

        // 复检 online from the action, inside its 7-working-day window.
        await actions.Filter(new() { HasText = "可申请复检或提出异议：菠菜" }).GetByRole(AriaRole.Link).ClickAsync();
        await shop.GetByRole(AriaRole.Button, new() { Name = "在线申请复检" }).ClickAsync();
        await Assertions.Expect(shop.Locator("main")).ToContainTextAsync("申请复检");
        await NoSidewaysScrollAsync(shop, "the sample after the retest application");

        // Back on 我的企业 the 复检 action is gone; the case's 陈述申辩 is filed with a request for a hearing.
        await shop.GotoAsync("/business");
        await Assertions.Expect(actions.Filter(new() { HasText = "可申请复检或提出异议：菠菜" })).ToHaveCountAsync(0);
        await actions.Filter(new() { HasText = "陈述、申辩或要求听证" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(shop.Locator("main h1")).ToHaveTextAsync("我的案件");
        var notifiedCase = shop.Locator("section[data-case]").Filter(new() { HasText = "经营超过保质期的食品" });
        await notifiedCase.GetByLabel("陈述、申辩的内容").FillAsync("涉案食品系供货商错发，发现后已全部下架销毁，请求从轻处罚。");
        await notifiedCase.GetByLabel("要求举行听证").CheckAsync();
        await notifiedCase.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(shop.Locator("[role=status]")).ToContainTextAsync("已提交");
        await Assertions.Expect(notifiedCase).ToContainTextAsync("涉案食品系供货商错发");
        await Assertions.Expect(notifiedCase).ToContainTextAsync("要求听证");
        await NoSidewaysScrollAsync(shop, "我的案件");
        await shop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-cases-phone.png"), FullPage = true });
        await shop.GotoAsync("/business");
        await Assertions.Expect(actions.Filter(new() { HasText = "陈述、申辩或要求听证" })).ToHaveCountAsync(0);
        await shop.Context.CloseAsync();

        // The case officer hears of it on 工作台; the portal also reads well on a desktop.
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await Assertions.Expect(officer.Locator("#inbox")).ToContainTextAsync("当事人要求听证");
        await officer.Context.CloseAsync();
        var desk = await fixture.SignedInAsync("business@210503", 1280, 900);
        await desk.GotoAsync("/business");
        await Assertions.Expect(desk.Locator("#samples")).ToContainTextAsync("菠菜");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-portal-desktop.png"), FullPage = true });
        await desk.Context.CloseAsync();
    }
}

/// <summary>
/// A consumer complaint passed to the business (#19): the officer passes it from the complaint page at 1280 px with a
/// summary, the demo business answers on a 375 px phone from 我的企业, and the officer reads the answer on the complaint.
/// </summary>
public sealed class ComplaintAnswerJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheBusiness_AnswersAComplaintOnItsPhone_AndTheOfficerReadsTheAnswer()
    {
        var api = await fixture.ApiAsync("officer@210503");
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?q={Kernel.Users.DemoAccounts.DemoBusinessUscc}", Ct);
        var business = found.GetProperty("rows")[0].GetProperty("id").GetString();
        var filed = await api.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12315", ticketId = "J-" + Guid.NewGuid().ToString("N")[..10], kind = "Complaint", category = "ExpiredOrSpoiled",
            description = "在该店吃的凉拌菜有异味，要求退款。", businessId = business, anonymous = false, name = "郑投诉", phone = "13912345678",
        }, Ct);
        filed.EnsureSuccessStatusCode();
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/v1/complaints/{id}/accept", new { mediationConsented = true }, Ct)).EnsureSuccessStatusCode();

        // The officer passes it on; a summary naming the complainant is refused, the form keeps what was typed.
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync($"/complaints/{id}");
        var section = officer.Locator("#respondent");
        await section.GetByLabel("转给经营者的投诉摘要").FillAsync("郑投诉反映凉拌菜有异味，要求退款。");
        await section.GetByRole(AriaRole.Button, new() { Name = "转经营者答复" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#respondent .errors")).ToContainTextAsync("姓名或电话");
        await officer.Locator("#respondent").GetByLabel("转给经营者的投诉摘要").FillAsync("消费者反映 11 月在店内食用的凉拌菜有异味，要求退款。");
        await officer.Locator("#respondent").GetByRole(AriaRole.Button, new() { Name = "转经营者答复" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#respondent [data-request]")).ToContainTextAsync("待答复");

        // The business answers on its phone from 我的企业.
        var shop = await fixture.SignedInAsync("business@210503", 375, 740);
        await shop.GotoAsync("/business");
        var action = shop.Locator("#actions li[data-action]").Filter(new() { HasText = "答复消费者投诉" });
        await Assertions.Expect(action).ToHaveCountAsync(1);
        await action.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(shop.Locator("main h1")).ToHaveTextAsync("投诉答复");
        var request = shop.Locator("section[data-request]").Filter(new() { HasText = "凉拌菜有异味" });
        await Assertions.Expect(request).Not.ToContainTextAsync("郑投诉");
        await request.GetByLabel("处理意见").SelectOptionAsync(new SelectOptionValue { Label = "退货退款" });
        await request.GetByLabel("退款或赔偿金额（元，仅退款、赔偿时填写）").FillAsync("38");
        await request.GetByLabel("情况说明").FillAsync("已核实当日凉拌菜存放时间过长，已向消费者致歉并同意退款，后厨已整改。");
        await request.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Assertions.Expect(shop.Locator("[role=status]")).ToContainTextAsync("答复已提交");
        await Assertions.Expect(shop.Locator("section[data-request]").Filter(new() { HasText = "凉拌菜有异味" })).ToContainTextAsync("已答复");
        Assert.True(await shop.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on 投诉答复");
        await shop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "complaint-answer-phone.png"), FullPage = true });

        // The officer reads the answer on the complaint.
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("#respondent [data-answer]")).ToContainTextAsync("退货退款 · 38 元");
        await Assertions.Expect(officer.Locator("#respondent")).ToContainTextAsync("后厨已整改");
    }
}
