using Microsoft.Playwright;
using Shian.Kernel.Users;

namespace Shian.BrowserTests;

/// <summary>双随机一公开: a district officer runs a draw, verifies and publishes it; anyone reads the list on a phone.</summary>
public sealed class InspectionJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOfficerDrawsTwentyPercent_VerifiesAndPublishes_AndThePublicSeesTheList()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("用户名").FillAsync("officer@210503");
        await page.GetByLabel("密码").FillAsync(DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "双随机" }).ClickAsync();
        await page.GetByLabel("抽查区划").SelectOptionAsync("210503000000");
        await page.GetByLabel("抽取比例（%）").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "抽取", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".header-card")).ToContainTextAsync("shian-draw-v1");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("@210503");
        await page.GetByRole(AriaRole.Link, new() { Name = "复核抽取结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("结果一致");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "draw-desktop.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "公开抽查名单" }).ClickAsync();
        var publicUrl = await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("已公开") }).GetAttributeAsync("href");
        var drawn = await rows.CountAsync();
        await context.CloseAsync();

        var visitor = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "zh-CN" });
        var open = await visitor.NewPageAsync();
        await open.GotoAsync(publicUrl!);
        await Assertions.Expect(open.Locator("table tbody tr")).ToHaveCountAsync(drawn);
        Assert.DoesNotContain("@210503", await open.ContentAsync(), StringComparison.Ordinal);
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "draw-public-phone.png"), FullPage = true });
        await visitor.CloseAsync();
    }
}
