using Microsoft.Playwright;
using Shian.Kernel.Users;

namespace Shian.BrowserTests;

/// <summary>The main journeys of the shell, at desktop (1280 px) and phone (375 px) widths.</summary>
public sealed class Journeys(BrowserFixture fixture)
{
    public static TheoryData<string, int, int> Viewports() => new() { { "desktop", 1280, 800 }, { "phone", 375, 740 } };

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 }).WaitForAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task SignIn_AsADistrictOfficer_ShowsTheWorkbenchWithTheDistrict(string name, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, $"signin-{name}");

        await SignInAsync(page, "officer@210503");
        var regions = page.Locator("#h-regions").Locator("..");
        await Assertions.Expect(regions).ToContainTextAsync("溪湖区");
        await Assertions.Expect(regions).ToContainTextAsync("本溪市");
        await Assertions.Expect(page.Locator("#h-units").Locator("..")).ToContainTextAsync("本溪市溪湖区市场监督管理局");
        await ShotAsync(page, $"home-{name}");
        var todos = page.Locator("#todos"); // what is due and overdue, each line linking to its list (the demo register has licences to renew)
        await Assertions.Expect(todos.Locator("[data-todo='Todo.Licences'] a").First).ToHaveAttributeAsync("href", "/registry?expiring=true");
        await Assertions.Expect(todos.Locator("[data-todo='Todo.Licences']")).ToContainTextAsync("共");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeVisibleAsync();
        await ShotAsync(page, $"home-{name}");

        if (width <= 640)
        {
            // On a phone the navigation is a bar at the bottom of the screen.
            var box = await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y + box.Height >= height - 1, $"navigation should sit at the bottom, is at {box.Y}+{box.Height}");
            Assert.Equal(width, (int)box.Width);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInChineseNextToTheField()
    {
        var page = await fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("用户名").FillAsync("officer@210502");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Password ~ .field-error")).ToContainTextAsync("用户名或密码错误"); // next to the field
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task SwitchLanguage_ToEnglish_IsRememberedAndSwitchesBack(string name, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await SignInAsync(page, "coordinator@210500");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Workbench", Level = 1 }).WaitForAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Workbench");
        Assert.Equal("en-US", await page.Locator("html").GetAttributeAsync("lang"));
        await ShotAsync(page, $"home-en-{name}");

        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作台");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task RegionTree_OpensLevelByLevel_DownToTheTownsOfADistrict(string name, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await SignInAsync(page, "officer@210503");
        if (width <= 640)
        {
            // The phone's bottom bar holds five places; the rest are under "更多".
            await page.GetByText("更多", new() { Exact = true }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "区划", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "区划", Level = 1 }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "展开 辽宁省 的下级区划" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "展开 本溪市 的下级区划" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "展开 溪湖区 的下级区划" }).ClickAsync();
        await Assertions.Expect(page.GetByText("河东街道")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("204,660")).ToBeVisibleAsync(); // 溪湖区's 2020 census figure
        await ShotAsync(page, $"regions-{name}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AuditPage_VerifiesAChain_ForAnAdministrator()
    {
        var page = await fixture.NewPageAsync(1280, 800);
        await SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "审计", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "审计链校验" }).WaitForAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "system" }).GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ok")).ToContainTextAsync("完整");
        await ShotAsync(page, "audit-desktop");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task AnAdministrator_SeesTheScheduledJobsAndTheEventDelivery(string name, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await SignInAsync(page, "admin");
        await page.GotoAsync("/admin/jobs");
        await page.GetByRole(AriaRole.Heading, new() { Name = "定时任务", Level = 1 }).WaitForAsync();

        // The daily passes run when the app starts: wait (in the page, on the jobs API) for the governance pass, then look.
        await page.WaitForFunctionAsync("""
            async () => {
                const r = await fetch('/api/v1/admin/jobs');
                return r.ok && (await r.json()).some(j => j.job === 'governance-daily' && j.last && j.last.outcome === 'Succeeded');
            }
            """, null, new() { Timeout = 30_000, PollingInterval = 200 });
        await page.ReloadAsync();
        var governance = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "工作任务日检" }).First;
        await Assertions.Expect(governance).ToContainTextAsync("成功");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "风险等级夜间重评" }).First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
        await ShotAsync(page, $"admin-jobs-{name}");

        await page.GotoAsync("/admin/events");
        await page.GetByRole(AriaRole.Heading, new() { Name = "事件投递", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByText("已完成").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
        await ShotAsync(page, $"admin-events-{name}");
        await page.Context.CloseAsync();
    }
}
