using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>双随机一公开: an officer draws, verifies and publishes; an inspector fills the checklist on a phone; the public sees list and result.</summary>
public sealed class InspectionJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOfficerDrawsTwentyPercent_VerifiesAndPublishes_AndThePublicSeesTheList()
    {
        var page = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "双随机", Exact = true }).ClickAsync();
        await page.GetByLabel("抽查区划").SelectOptionAsync("210503000000");
        await page.GetByLabel("抽取比例（%）").FillAsync("20");
        var preview = page.Locator("#draw-preview [data-count]"); // what the draw will take, before it is run
        await Assertions.Expect(preview).ToContainTextAsync("户在营经营者中抽取");
        var previewed = int.Parse(await preview.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("抽取比例（%）").FillAsync("10");
        await Assertions.Expect(preview).Not.ToHaveAttributeAsync("data-count", previewed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("抽取比例（%）").FillAsync("20");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-count", previewed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "抽取", Exact = true }).ClickAsync();
        Assert.Contains(fixture.Dialogs, m => m.Contains("不能重抽", StringComparison.Ordinal)); // asked before drawing
        await Assertions.Expect(page.Locator(".header-card")).ToContainTextAsync("shian-draw-v1");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("溪湖区"); // inspectors by display name, not login name
        await Assertions.Expect(rows.First).Not.ToContainTextAsync("@210503");
        await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("尚未核验");
        await page.GetByRole(AriaRole.Button, new() { Name = "复核抽取结果" }).ClickAsync(); // queued; the page polls until the job is done
        await Assertions.Expect(page.Locator("#verification [role=status]")).ToContainTextAsync("结果一致", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "draw-desktop.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "公开抽查名单" }).ClickAsync();
        Assert.Contains(fixture.Dialogs, m => m.Contains("公开后", StringComparison.Ordinal)); // asked before publishing
        var publicUrl = await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("已公开") }).GetAttributeAsync("href");
        var drawn = await rows.CountAsync();
        Assert.Equal(previewed, drawn); // the preview told the truth
        await page.Context.CloseAsync();

        // The inspector opens today's visits on a phone and fills the checklist of the first one.
        var phone = await fixture.SignedInAsync("inspector@210503", 375, 740);
        await Assertions.Expect(phone.Locator("main h1")).ToHaveTextAsync("今日任务"); // an inspector lands on the visits, not 工作台
        await Assertions.Expect(phone.GetByLabel("经营者名称")).ToBeVisibleAsync(); // searchable
        await phone.GetByRole(AriaRole.Link, new() { Name = "检查", Exact = true }).ClickAsync();
        var card = phone.Locator("ul.task-cards li").First;
        var business = (await card.Locator("strong").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = "开始检查" }).ClickAsync();

        // Count the items only once the whole form is there: under load the click returns while the page is still
        // arriving, and a count taken then misses the last items (which the server then refuses as unanswered).
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "提交检查结果" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var items = phone.Locator("ol.checklist > li");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).GetByLabel(i == 1 ? "否" : "是", new() { Exact = true }).CheckAsync(); // item 2 (公示) is a general item
        }

        await phone.GetByLabel("发现的问题").FillAsync("未公示监督检查结果记录表。");
        var pad = phone.Locator("#signature-pad");
        var box = (await pad.BoundingBoxAsync())!;
        await phone.Mouse.MoveAsync(box.X + 20, box.Y + 40);
        await phone.Mouse.DownAsync();
        await phone.Mouse.MoveAsync(box.X + 150, box.Y + 90, new() { Steps = 5 });
        await phone.Mouse.UpAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "checklist-phone.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交检查结果" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#inspections")).ToContainTextAsync("基本符合", new() { Timeout = 15_000 });
        await phone.Context.CloseAsync();

        // The public comes in by the front door: from the sign-in page to the public home, the list of draws, the draw.
        var open = await fixture.NewPageAsync(375, 740);
        await open.GotoAsync("/account/signin");
        await open.GetByRole(AriaRole.Link, new() { Name = "不是工作人员？查看公开的食品安全信息" }).ClickAsync();
        await open.GetByRole(AriaRole.Heading, new() { Name = "食品安全信息公开", Level = 1 }).WaitForAsync();
        await Assertions.Expect(open.Locator($"section.public-section a[href='{publicUrl}']")).ToBeVisibleAsync();
        Assert.True(await open.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the public home");
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-home-phone.png"), FullPage = true });
        await open.GetByRole(AriaRole.Link, new() { Name = "双随机抽查结果公开" }).ClickAsync();
        await open.GetByRole(AriaRole.Heading, new() { Name = "双随机抽查结果公开", Level = 1 }).WaitForAsync();
        Assert.True(await open.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the list of draws");
        await open.Locator($"a[href='{publicUrl}']").ClickAsync();
        await open.WaitForURLAsync("**" + publicUrl);
        await Assertions.Expect(open.Locator("table tbody tr")).ToHaveCountAsync(drawn);
        Assert.DoesNotContain("@210503", await open.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(open.GetByText("抽取规则：2 年内未进行全项目检查的经营者先行列入", new() { Exact = false })).ToBeVisibleAsync();
        Assert.True(await open.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling (the seed and pool hash wrap)");
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "draw-public-phone.png"), FullPage = true });

        // An officer reviews the result and publishes it (the office's 7-day target; the law allows 20 working days).
        var reviewer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await reviewer.GotoAsync("/inspections/publication");
        var queued = reviewer.Locator("#queue li[data-record]").Filter(new() { HasText = business }).First;
        await queued.GetByRole(AriaRole.Checkbox).CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核无误，公开所选结果" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("[role=status]")).ToContainTextAsync("已公开 1 条检查结果");
        await Assertions.Expect(reviewer.Locator("#delay [data-stat=median]")).Not.ToHaveTextAsync("—");
        await reviewer.Context.CloseAsync();

        // The result is on the public lookup.
        await open.GotoAsync("/public/businesses");
        await open.GetByLabel("名称或许可证编号").FillAsync(business);
        await open.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(open.Locator("section.card").Filter(new() { HasText = business }).First).ToContainTextAsync("基本符合");
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "lookup-public-phone.png"), FullPage = true });
        await open.GetByRole(AriaRole.Link, new() { Name = "公开信息首页" }).ClickAsync();
        await open.GetByRole(AriaRole.Heading, new() { Name = "食品安全信息公开", Level = 1 }).WaitForAsync();
        await open.Context.CloseAsync();
    }
}
