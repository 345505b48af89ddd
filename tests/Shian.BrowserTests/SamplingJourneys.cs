using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>抽检: an officer samples on a phone, the lab enters a failing result, the office publishes, the public sees the business in the announcement.</summary>
public sealed class SamplingJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task ALabEntersAFailingResult_AndAfterPublicationTheBusinessIsInThePublicAnnouncement()
    {
        // An officer of 溪湖区 samples cowpeas at the demo restaurant (it has an account), on a phone; the category loads its test items.
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/registry?q=" + Uri.EscapeDataString("示范餐饮店"));
        var first = phone.Locator("a[href^='/registry/']").Filter(new() { HasText = "示范餐饮店" }).First;
        var business = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "抽样", Exact = true }).ClickAsync();
        await phone.GetByLabel("样品名称").FillAsync("豇豆");
        await phone.GetByLabel("食品类别").SelectOptionAsync("VEG.LEGUME.COWPEA");
        await Assertions.Expect(phone.GetByLabel("水胺硫磷")).ToBeCheckedAsync();
        await phone.GetByLabel("抽样数量").FillAsync("2 kg（含备份 1 kg）");
        await Assertions.Expect(phone.GetByLabel("溪湖区监管人员")).ToBeCheckedAsync(); // the signed-in officer is ticked
        await phone.GetByLabel("溪湖区检查员").CheckAsync(); // samplers are chosen from the staff, not typed
        await phone.GetByLabel("承检机构", new() { Exact = true }).FillAsync("本溪市食品检验检测中心");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "sample-phone.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存抽样单" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".header-card")).ToContainTextAsync("豇豆");
        await Assertions.Expect(phone.Locator(".header-card")).ToContainTextAsync("溪湖区检查员、溪湖区监管人员");
        var sampleUrl = phone.Url;
        await phone.GetByRole(AriaRole.Button, new() { Name = "登记寄送" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#custody")).ToContainTextAsync("寄送");
        await phone.Context.CloseAsync();

        // The city lab receives it and enters the results: isocarbophos 0.08 mg/kg against ≤0.05, the rest not detected.
        var lab = await fixture.SignedInAsync("lab@210500", 1280, 900);
        var code = sampleUrl[(sampleUrl.LastIndexOf('/') + 1)..];
        await lab.GotoAsync("/sampling");
        await lab.GetByLabel("查找样品").FillAsync("豇豆"); // the lab finds the sample among many
        await lab.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(lab.Locator("#list tbody tr").First).ToContainTextAsync("豇豆");
        await lab.Locator($"a[href^='/sampling/samples/{code}']").First.ClickAsync();
        await lab.GetByRole(AriaRole.Button, new() { Name = "登记接收" }).ClickAsync();
        var row = lab.Locator("fieldset.result-row").Filter(new() { HasText = "水胺硫磷" });
        await Assertions.Expect(row).ToContainTextAsync("限量 ≤0.05 mg/kg（GB 2763"); // the limit is on the entry form
        await Assertions.Expect(row.GetByLabel("单位")).ToHaveValueAsync("mg/kg"); // the limit's unit is the default
        await row.GetByLabel("检测值").FillAsync("0.08");
        await row.GetByLabel("小数位数").FillAsync("2");
        await lab.GetByRole(AriaRole.Button, new() { Name = "保存并判定" }).ClickAsync();
        await Assertions.Expect(lab.Locator("[data-verdict]")).ToHaveTextAsync("不合格");
        await Assertions.Expect(lab.Locator("#results")).ToContainTextAsync("> 限量 0.05 mg/kg");
        await Assertions.Expect(lab.Locator("#disposition")).ToContainTextAsync("核查处置");
        await lab.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "sample-results-desktop.png"), FullPage = true });
        await lab.Context.CloseAsync();

        // The business hears of it on its phone: the inbox on 工作台, then its own view with what to do and by when.
        var shop = await fixture.SignedInAsync("business@210503", 375, 740);
        await Assertions.Expect(shop.Locator("main")).ToContainTextAsync("抽检不合格：豇豆");
        await shop.GetByRole(AriaRole.Link, new() { Name = "抽检", Exact = true }).ClickAsync(); // the bottom bar
        await Assertions.Expect(shop.Locator("main h1")).ToHaveTextAsync("本企业抽检结果");
        await shop.Locator("ul.task-cards a").Filter(new() { HasText = "豇豆" }).First.ClickAsync();
        await Assertions.Expect(shop.Locator("[data-verdict]")).ToHaveTextAsync("不合格");
        await Assertions.Expect(shop.Locator("#rights")).ToContainTextAsync("检验结论尚未正式送达");
        await Assertions.Expect(shop.Locator("#rights")).ToContainTextAsync("第四十二条");
        await shop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-sample-phone.png"), FullPage = true });
        await shop.Context.CloseAsync();

        // The district office publishes the announcement.
        var office = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await office.GotoAsync("/sampling");
        await office.GetByLabel("抽查区划").SelectOptionAsync("210503000000");
        await office.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(office.Locator("table.announcement")).ToContainTextAsync(business);
        await office.Context.CloseAsync();

        // Anyone, on a phone, finds it among the announcements.
        var open = await fixture.NewPageAsync(375, 740);
        await open.GotoAsync("/public/sampling");
        await open.Locator("ul.plain li a").First.ClickAsync();
        // Its row: the business with the cowpeas (other journeys may fail another of its samples in the same announcement).
        await Assertions.Expect(open.Locator("table.announcement tr").Filter(new() { Has = open.Locator("[data-business]", new() { HasText = business }) }).Filter(new() { HasText = "豇豆" })).ToHaveCountAsync(1);
        await Assertions.Expect(open.Locator("table.announcement")).ToContainTextAsync("水胺硫磷║0.08mg/kg║≤0.05 mg/kg");
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "announcement-public-phone.png"), FullPage = true });
        await open.Context.CloseAsync();
    }
}
