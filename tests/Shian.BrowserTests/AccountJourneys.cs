using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>Accounts: an administrator creates an inspector's account and hands over its password; the inspector signs in and changes it.</summary>
public sealed class AccountJourneys(BrowserFixture fixture)
{
    public static TheoryData<string, int, int> Viewports() => new() { { "desktop", 1280, 800 }, { "phone", 375, 740 } };

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task NoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task AnAdministrator_CreatesAnInspector_WhoSignsInAndChangesThePassword(string name, int width, int height)
    {
        var userName = $"zhang.{name}.{Random.Shared.Next(1000, 9999)}";
        var admin = await fixture.SignedInAsync("admin", width, height);
        await admin.GotoAsync("/admin/users");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "用户账号", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("table")).ToContainTextAsync("officer@210503");
        await NoSidewaysScrollingAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();

        // A first try without a region is refused in Chinese under the field; nothing is created.
        await admin.GetByLabel("用户名").FillAsync(userName);
        await admin.GetByLabel("显示名称").FillAsync("张检查员（平山区）");
        await admin.GetByLabel("检查员", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".field-error").Filter(new() { HasText = "须授权至少一个区划" })).ToBeVisibleAsync();

        await admin.GetByLabel("授权区划代码").FillAsync("210502000000");
        await admin.GetByLabel("执法证号").FillAsync("辽B-2026-0042");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已创建账号“{userName}”");
        var password = (await admin.Locator("code.key").InnerTextAsync()).Trim();
        Assert.Equal(24, password.Length);
        await NoSidewaysScrollingAsync(admin);
        await ShotAsync(admin, $"admin-user-created-{name}");
        await admin.Context.CloseAsync();

        // The inspector signs in with it, finds 账号安全 and changes the password.
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "今日任务", Level = 1 }).WaitForAsync(); // an inspector starts on the visits
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("检查员");
        await page.GetByLabel("当前密码").FillAsync(password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Xin-Mima-2026!");
        await page.GetByLabel("再次输入新密码").FillAsync("Xin-Mima-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasTextRegex = new Regex("不一致") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".saved")).ToHaveCountAsync(0);
        await page.GetByLabel("当前密码").FillAsync(password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Xin-Mima-2026!");
        await page.GetByLabel("再次输入新密码").FillAsync("Xin-Mima-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("密码已修改");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync(); // the authenticator can be set up here
        await NoSidewaysScrollingAsync(page);
        await ShotAsync(page, $"account-security-{name}");
        await page.Context.CloseAsync();
    }
}
