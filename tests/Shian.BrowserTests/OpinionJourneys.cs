using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 舆情 (#20): the city coordinator opens a push source for a monitoring vendor and hands over its key; the vendor pushes
/// a story (and its repost) naming a register business; the district officer, on a phone, finds it as an alert with the
/// 核实 clock running, verifies it, records the response and publishes the result; the trend view shows the business.
/// Each page at 375 px without sideways scrolling, and at 1280 px.
/// </summary>
public sealed class OpinionJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: " + what);

    [Fact]
    public async Task AStoryNamingABusiness_BecomesTheDistrictsAlert_ThatItVerifiesOnAPhone()
    {
        var n = Random.Shared.Next(100, 999);
        var name = $"溪湖区味香居饭店{n}号店";
        var first17 = $"92210503MA{Random.Shared.Next(100_000, 999_999):D6}X";
        var uscc = first17 + Kernel.Identifiers.Uscc.CheckCharacter(first17);
        var officerApi = await fixture.ApiAsync("officer@210503");
        var registered = await officerApi.PostAsJsonAsync("/api/v1/businesses", new
        {
            name, uscc, kind = "餐饮服务经营者", regionCode = "210503001000", address = "河沿街 20 号", responsiblePerson = "李经理", responsiblePersonId = "210503199001011235",
            floorArea = 200, employees = 8, licenceNumber = $"JY2210503{uscc[10..16]}1", licenceIssuer = "本溪市溪湖区市场监督管理局", licenceIssuedOn = "2024-03-01", licenceValidTo = "2029-02-28",
        }, Ct);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));

        // The city coordinator opens a push source and is shown its key once.
        var coordinator = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        await coordinator.GotoAsync("/opinion/feeds");
        await Assertions.Expect(coordinator.Locator("main h1")).ToHaveTextAsync("舆情来源");
        await coordinator.GetByLabel("来源类型").SelectOptionAsync("Push");
        await coordinator.GetByLabel("来源名称").FillAsync($"舆情监测服务{n}");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "新建来源" }).ClickAsync();
        var key = (await coordinator.Locator("[data-new-key] code").TextContentAsync())!.Trim();
        Assert.StartsWith("op_", key, StringComparison.Ordinal);

        // The vendor pushes the story and a repost of it.
        using var vendor = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        vendor.DefaultRequestHeaders.Add("X-Api-Key", key);
        var story = $"网友爆料：昨晚在溪湖区味香居饭店{n}号店聚餐的8名顾客饭后腹泻呕吐，3人送医，怀疑凉拌菜不新鲜。";
        var pushed = await vendor.PostAsJsonAsync("/api/v1/opinion/push", new
        {
            items = new object[]
            {
                new { title = $"味香居饭店{n}号店聚餐后多人送医", body = story, source = "本溪论坛", url = $"https://bbs.example.cn/t/{n}" },
                new { title = $"味香居饭店{n}号店聚餐后多人送医！", body = "转自本溪论坛。" + story, source = "微博", url = $"https://weibo.example.cn/p/{n}" },
            },
        }, Ct);
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync(Ct));

        // The district officer, on a phone: the alert, high severity, the 核实 clock running.
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/opinion");
        await Assertions.Expect(phone.Locator("main h1")).ToHaveTextAsync("舆情");
        var card = phone.Locator("li[data-alert]").Filter(new() { HasText = $"味香居饭店{n}号店" });
        await Assertions.Expect(card.Locator("[data-severity]")).ToHaveTextAsync("高危");
        await Assertions.Expect(card.Locator("[data-next-step]")).ToContainTextAsync("核实");
        await Assertions.Expect(card.Locator("[data-clock]")).ToContainTextAsync("还剩");
        await NoSidewaysScrollAsync(phone, "the alerts list");
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(phone.Locator("[data-business]")).ToHaveTextAsync(name);
        await Assertions.Expect(phone.Locator("[data-copies]")).ToHaveTextAsync("转载 1 次");
        await Assertions.Expect(phone.Locator("[data-status]")).ToHaveTextAsync("待核实");
        await NoSidewaysScrollAsync(phone, "the alert");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "opinion-alert-phone.png"), FullPage = true });

        // A finding without its text is refused in Chinese; then verified, answered and published.
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交核实结论" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("请写明核实情况");
        await phone.GetByLabel("核实结论").SelectOptionAsync("True");
        await phone.GetByLabel("核实情况").FillAsync("执法人员到店检查，凉拌菜加工间未消毒，已责令整改并抽样送检。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交核实结论" }).ClickAsync();
        await Assertions.Expect(phone.Locator("li[data-step=Verify] [data-clock]")).ToHaveTextAsync("按时完成");
        await Assertions.Expect(phone.Locator("[data-status]")).ToHaveTextAsync("已核实");
        await phone.GetByLabel("回应方式").SelectOptionAsync("Statement");
        await phone.GetByLabel("回应内容").FillAsync("溪湖区市场监管局政务微博发布情况通报。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "记录回应" }).ClickAsync();
        await Assertions.Expect(phone.Locator("li[data-step=Respond] [data-clock]")).ToHaveTextAsync("按时完成");
        await phone.GetByLabel("发布内容与渠道").FillAsync("门户网站公布处置结果。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-status]")).ToHaveTextAsync("已办结");
        await Assertions.Expect(phone.Locator("#timeline")).ToContainTextAsync("核实：属实");
        await NoSidewaysScrollAsync(phone, "the closed alert");

        // The trend view at a desk: the chart drawn, the business among those most named.
        var desk = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await desk.GotoAsync("/opinion/trends");
        await Assertions.Expect(desk.Locator("#opinion-trend canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(desk.Locator("#businesses")).ToContainTextAsync(name);
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "opinion-trends-desktop.png"), FullPage = true });
        await desk.Locator("#businesses a").Filter(new() { HasText = name }).ClickAsync();
        await Assertions.Expect(desk.Locator("li[data-item]")).ToHaveCountAsync(1);
        var trendsPhone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await trendsPhone.GotoAsync("/opinion/trends");
        await NoSidewaysScrollAsync(trendsPhone, "the trend view");
        await trendsPhone.GotoAsync("/opinion/items");
        await NoSidewaysScrollAsync(trendsPhone, "the items");
    }
}
