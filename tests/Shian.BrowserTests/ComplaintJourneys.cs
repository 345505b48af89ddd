using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>投诉举报: a citizen files on a phone and tracks it; an officer handles, merges a duplicate, replies and closes; every filer sees the outcome.</summary>
public sealed class ComplaintJourneys(BrowserFixture fixture)
{
    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task NoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on " + page.Url);

    private static async Task<string> FileAsync(IPage page, string description, string name, string phone, bool report = false)
    {
        await page.GotoAsync("/public/complaints/new");
        await Assertions.Expect(page.GetByLabel("投诉", new() { Exact = false }).First).ToBeCheckedAsync();
        if (report)
        {
            await page.Locator("input[name=Kind][value=Report]").CheckAsync();
        }

        await page.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Label = "过期变质" });
        await page.GetByLabel("发生了什么").FillAsync(description);
        await page.GetByLabel("经营者名称").PressSequentiallyAsync("示范餐饮");
        var match = page.Locator("#business-matches label").Filter(new() { HasText = "示范餐饮店" }).First;
        await match.ClickAsync(); // the register lookup (htmx) offers the business
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("手机或电话").FillAsync(phone);
        await NoSidewaysScrollingAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-receipt] h1")).ToHaveTextAsync("已收到您的投诉举报");
        return (await page.Locator("[data-code]").InnerTextAsync()).Trim();
    }

    private static async Task<ILocator> TrackAsync(IPage page, string code, string secret)
    {
        await page.GotoAsync("/public/complaints");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByLabel("手机号后四位（匿名的填密钥）").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        return page.Locator("[data-tracked]");
    }

    [Fact]
    public async Task ACitizenFilesOnAPhone_AndTracksIt_TheOfficerMergesADuplicate_RepliesAndCloses_AndBothFilersSeeTheOutcome()
    {
        // A citizen on a phone finds the complaints entry on the public home and files about the demo restaurant.
        var phone = await fixture.NewPageAsync(375, 740);
        await phone.GotoAsync("/public");
        await phone.GetByRole(AriaRole.Link, new() { Name = "食品安全投诉举报" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "我要投诉举报" }).ClickAsync();
        await ShotAsync(phone, "complaint-form-phone");
        var code = await FileAsync(phone, "在示范餐饮店买的盒饭有酸味，疑似变质", "周小红", "13700001111");
        await Assertions.Expect(phone.Locator("[data-receipt]")).ToContainTextAsync("由溪湖区办理");
        await NoSidewaysScrollingAsync(phone);
        await ShotAsync(phone, "complaint-receipt-phone");

        var tracked = await TrackAsync(phone, code, "1111");
        await Assertions.Expect(tracked).ToContainTextAsync("已收到，等待受理");
        await NoSidewaysScrollingAsync(phone);
        await phone.Context.CloseAsync();

        // A second diner files the same problem.
        var other = await fixture.NewPageAsync(1280, 900);
        var second = await FileAsync(other, "示范餐饮店的盒饭馊了", "吴大伟", "13700002222");

        // The district officer sees both, merges the second into the first, then handles the first to closure.
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/complaints");
        await Assertions.Expect(officer.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "投诉举报", Exact = true }).First).ToBeVisibleAsync();
        await officer.GetByLabel("查找").FillAsync(second);
        await officer.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var card = officer.Locator($"[data-complaint='{second.Replace("-", "", StringComparison.Ordinal)}']");
        await Assertions.Expect(card).ToContainTextAsync("吴*");
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(officer.Locator("#complainant")).ToContainTextAsync("137****2222"); // masked
        var duplicate = officer.Locator("#duplicates li").Filter(new() { HasText = code });
        await duplicate.GetByRole(AriaRole.Button, new() { Name = "合并到该件" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".header-card")).ToContainTextAsync("已合并");
        Assert.Contains(fixture.Dialogs, m => m.Contains("合并", StringComparison.Ordinal));

        await officer.GotoAsync("/complaints?q=" + Uri.EscapeDataString(code));
        await officer.Locator($"[data-complaint='{code.Replace("-", "", StringComparison.Ordinal)}'] a").First.ClickAsync();
        await Assertions.Expect(officer.Locator("#duplicates")).ToContainTextAsync(second); // merged here
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#steps")).ToContainTextAsync("调解");
        await officer.Locator("summary").Filter(new() { HasText = "记录调解结果" }).ClickAsync();
        var mediation = officer.Locator("details").Filter(new() { HasText = "记录调解结果" });
        await mediation.GetByLabel("调解结果").SelectOptionAsync("Agreed");
        await mediation.GetByLabel("挽回经济损失（元）").FillAsync("50");
        await mediation.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#steps")).ToContainTextAsync("调解达成协议");
        await officer.GetByLabel("答复内容").FillAsync("经调解，店家退款并赔偿 50 元，已责令整改。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator(".header-card [data-status]")).ToHaveTextAsync("已办结");
        await ShotAsync(officer, "complaint-closed-desktop");
        await officer.Context.CloseAsync();

        // Both filers see the outcome on their phones; the first rates it.
        var first = await fixture.NewPageAsync(375, 740);
        tracked = await TrackAsync(first, code, "1111");
        await Assertions.Expect(tracked.Locator("[data-reply]")).ToContainTextAsync("退款并赔偿 50 元");
        await first.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(first.Locator("[role=status]")).ToContainTextAsync("感谢您的评价");
        await NoSidewaysScrollingAsync(first);
        await ShotAsync(first, "complaint-tracked-phone");

        tracked = await TrackAsync(await fixture.NewPageAsync(375, 740), second, "2222");
        await Assertions.Expect(tracked).ToContainTextAsync("退款并赔偿 50 元");
    }

    [Fact]
    public async Task AnInsider_ReportsAnonymouslyOnAPhone_AndFollowsUpWithTheKey()
    {
        var page = await fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/public/complaints");
        await page.GetByRole(AriaRole.Link, new() { Name = "内部人员举报" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("匿名（不留姓名和电话）")).ToBeCheckedAsync();
        await page.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Label = "非法添加" });
        await page.GetByLabel("发生了什么").FillAsync("后厨往卤汤里加罂粟壳");
        await page.GetByLabel("经营者名称").FillAsync("某卤味作坊");
        await page.GetByLabel("所在区县").SelectOptionAsync(new SelectOptionValue { Label = "溪湖区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var code = (await page.Locator("[data-code]").InnerTextAsync()).Trim();
        var key = (await page.Locator("[data-key]").InnerTextAsync()).Trim();
        await Assertions.Expect(page.Locator("[data-receipt]")).ToContainTextAsync("密钥只显示这一次");
        await NoSidewaysScrollingAsync(page);
        await ShotAsync(page, "whistleblower-receipt-phone");

        var tracked = await TrackAsync(page, code, key);
        await Assertions.Expect(tracked).ToContainTextAsync("举报");
        await page.GetByLabel("内容").FillAsync("每天凌晨操作");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("已发送");
    }

    [Fact]
    public async Task AReportLeadsToACase_TheAwardIsApprovedClaimedAsPhoneCreditAndPaid_AndPublished()
    {
        var citizen = await fixture.NewPageAsync(375, 740);
        var code = await FileAsync(citizen, "示范餐饮店后厨用病死猪肉做卤味", "陈举报", "13700003333", report: true);

        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/complaints?q=" + Uri.EscapeDataString(code));
        await officer.Locator($"[data-complaint='{code.Replace("-", "", StringComparison.Ordinal)}'] a").First.ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理并开始核查" }).ClickAsync();
        await officer.GetByLabel("属实", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("涉嫌违法，移送立案线索（计入经营者风险）").CheckAsync();
        await officer.GetByLabel("核查情况").FillAsync("冷库查获病死猪肉 30 公斤");
        await officer.Locator("#steps details[open] form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#steps")).ToContainTextAsync("已移送案件线索");
        await officer.Locator("#steps form").Filter(new() { Has = officer.GetByLabel("立案决定日期") }).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#steps")).ToContainTextAsync("已立案");
        await officer.GetByLabel("奖励等级").SelectOptionAsync("2");
        await officer.GetByLabel("罚没款（元）").FillAsync("200000");
        await officer.GetByLabel("举报前本部门未掌握该违法行为").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "提出奖励" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#reward")).ToContainTextAsync("拟奖励，待审批");
        var url = officer.Url;

        var coordinator = await fixture.SignedInAsync("coordinator@210503", 1280, 900);
        await coordinator.GotoAsync(url);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#reward")).ToContainTextAsync("已批准，待申领发放");
        await coordinator.Context.CloseAsync();

        var tracked = await TrackAsync(citizen, code, "3333");
        await Assertions.Expect(tracked).ToContainTextAsync("举报奖励 6000 元已批准");
        await citizen.GetByLabel("手机号或银行卡号（现金领取不填）").FillAsync("13700003333");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "申领奖励" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("[role=status]")).ToContainTextAsync("已申领");
        await NoSidewaysScrollingAsync(citizen);
        await ShotAsync(citizen, "reward-claim-phone");

        await officer.ReloadAsync();
        await officer.GetByLabel("凭证号").FillAsync("话费充值 CZ-0001");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记发放" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#reward")).ToContainTextAsync("已发放");
        await ShotAsync(officer, "reward-paid-desktop");
        await officer.Context.CloseAsync();

        var open = await fixture.NewPageAsync(375, 740);
        await open.GotoAsync("/public/complaints/rewards");
        await Assertions.Expect(open.Locator("[data-award]").First).ToContainTextAsync("¥6,000（二级）");
        await Assertions.Expect(open.Locator("main")).Not.ToContainTextAsync("陈举报");
        await NoSidewaysScrollingAsync(open);
    }
}
