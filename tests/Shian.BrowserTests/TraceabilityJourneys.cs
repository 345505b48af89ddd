using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 召回 and 追溯: the city officer follows the demo recall (scope from the trace, the districts' tasks), 明山区's officer
/// checks the shop in the district, and a consumer on a phone finds the recall on the public site and opens the lot's
/// 追溯码 page.
/// </summary>
public sealed class TraceabilityJourneys(BrowserFixture fixture)
{
    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task NoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on " + page.Url);

    [Fact]
    public async Task TheCityFollowsARecallsScope_ADistrictChecksItsShop_AndAConsumerOnAPhoneSeesTheRecallAndTheLot()
    {
        // The city officer opens the recall: 二级, under way, its scope from the trace with the two districts it reached.
        var city = await fixture.SignedInAsync("officer@210500", 1280, 900);
        await city.GotoAsync("/trace/recalls");
        var row = city.Locator("tr[data-recall]").Filter(new() { HasText = "原味酸奶" });
        await Assertions.Expect(row).ToContainTextAsync("二级召回");
        await Assertions.Expect(row).ToContainTextAsync("召回中");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(city.Locator("[data-quantities]")).ToContainTextAsync("应召回 150"); // shipped to others (not the move to its own warehouse)
        await Assertions.Expect(city.Locator("[data-rate]")).ToHaveTextAsync("80.0%");
        var scope = city.Locator("table[data-scope]");
        await Assertions.Expect(scope.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(scope).ToContainTextAsync("20 CS");
        await Assertions.Expect(city.Locator("#tasks li")).ToHaveCountAsync(2);
        await Assertions.Expect(city.GetByRole(AriaRole.Link, new() { Name = "导出 .xlsx" })).ToBeVisibleAsync();
        await ShotAsync(city, "recall-city");

        // The trace graph of the lot draws.
        await city.GetByRole(AriaRole.Link, new() { Name = "追溯图" }).ClickAsync();
        await Assertions.Expect(city.Locator("[data-trace-summary]")).ToContainTextAsync("个事件");
        await Assertions.Expect(city.Locator("#trace-graph canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(city.Locator("table[data-trace-events]")).ToContainTextAsync("发货");
        await ShotAsync(city, "trace-graph");

        // 明山区's officer has the task for the wholesaler in the district and records the check, on a phone.
        var district = await fixture.SignedInAsync("officer@210504", 375, 740);
        await district.GotoAsync("/trace/recalls");
        await district.Locator("#tasks a").Filter(new() { HasText = "原味酸奶" }).ClickAsync();
        await Assertions.Expect(district.Locator("[data-parties]")).ToContainTextAsync("150 CS");
        await NoSidewaysScrollingAsync(district);
        await district.GetByLabel("已召回").FillAsync("130");
        await district.GetByLabel("核查情况").FillAsync("批发部已停止销售，剩余 130 箱封存待退回");
        await district.GetByRole(AriaRole.Button, new() { Name = "完成核查" }).ClickAsync();
        await Assertions.Expect(district.Locator(".header-card")).ToContainTextAsync("已核查");
        await ShotAsync(district, "recall-task-phone");

        // 溪湖区's officer on a phone sees who sends trace data: the demo restaurant's capture, the district's coverage.
        var xihu = await fixture.SignedInAsync("officer@210503", 375, 740);
        await xihu.GotoAsync("/trace/captures");
        await Assertions.Expect(xihu.Locator("[data-coverage]")).ToContainTextAsync("应追溯的在营经营者");
        await Assertions.Expect(xihu.Locator("table[data-jobs] tbody tr").First).ToContainTextAsync("成功");
        await NoSidewaysScrollingAsync(xihu);
        await ShotAsync(xihu, "trace-captures-phone");

        // A consumer on a phone finds the recall on the public home and opens the lot's 追溯码 page.
        var phone = await fixture.NewPageAsync(375, 740);
        await phone.GotoAsync("/public");
        await phone.GetByRole(AriaRole.Link, new() { Name = "食品召回" }).First.ClickAsync();
        await phone.Locator("a").Filter(new() { HasText = "原味酸奶" }).First.ClickAsync();
        await Assertions.Expect(phone.Locator("[data-public-recall]")).ToContainTextAsync("凭购物凭证");
        await NoSidewaysScrollingAsync(phone);
        await ShotAsync(phone, "recall-public-phone");
        await phone.GetByRole(AriaRole.Link, new() { Name = "追溯码页面" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-recall-alert]")).ToContainTextAsync("正在召回");
        await Assertions.Expect(phone.Locator("[data-steps] li").First).ToContainTextAsync("生产");
        await Assertions.Expect(phone.Locator("[data-steps]")).ToContainTextAsync("收货");
        await Assertions.Expect(phone.Locator("[data-steps] li").First).ToContainTextAsync("（生产车间）"); // the dairy's own name for the place (master data)
        await Assertions.Expect(phone.Locator(".qr svg")).ToHaveCountAsync(1);
        await NoSidewaysScrollingAsync(phone);
        await ShotAsync(phone, "lot-page-phone");
    }
}
