using Microsoft.Playwright;
using Shian.Kernel.Users;

namespace Shian.BrowserTests;

/// <summary>The coordinator imports a plan; a district officer finds the tasks of their district on a phone.</summary>
public sealed class GovernanceJourneys(BrowserFixture fixture)
{
    private async Task<IPage> SignedInAsync(string user, int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 }).WaitForAsync();
        return page;
    }

    private static string Seed(string id) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), id + "_*.txt").Single();

    [Fact]
    public async Task Coordinator_ImportsSeed002_AndSees32Tasks_ThenADistrictOfficerSeesItsTasksOnAPhone()
    {
        var page = await SignedInAsync("coordinator@330300", 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "工作方案" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "导入工作方案" }).ClickAsync();
        await page.GetByLabel("工作方案文件").SetInputFilesAsync(Seed("002"));
        await page.GetByRole(AriaRole.Button, new() { Name = "解析并预览" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 个部分，32 项任务")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("年度")).ToHaveValueAsync("2018");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "plan-preview-desktop.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "2018年温州市食品安全工作责任分工一览表", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.Locator("li.task")).ToHaveCountAsync(32);
        await Assertions.Expect(page.Locator("#timeline canvas")).ToHaveCountAsync(1); // ECharts drew the milestone timeline
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "plan-desktop.png") });

        // Filter by a unit: the tasks of 市教育局.
        await page.GetByLabel("单位").SelectOptionAsync(new SelectOptionValue { Label = "温州市教育局" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.task")).ToHaveCountAsync(4); // two cells name 市教育局, two more give work to every 市食安委成员单位
        Assert.Contains("unit=330300%3Aeducation", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var phone = await SignedInAsync("officer@330302", 375, 740);
        await phone.GetByRole(AriaRole.Link, new() { Name = "任务" }).ClickAsync();
        await phone.GetByRole(AriaRole.Heading, new() { Name = "我的任务", Level = 1 }).WaitForAsync();
        await Assertions.Expect(phone.GetByText("建立完善党政同责制度：6月前各县（市、区）出台食品安全“党政同责”实施细则。")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("温州市鹿城区人民政府").First).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "my-tasks-phone.png"), FullPage = true });

        // The officer opens task 1 and reports progress from the phone.
        await phone.GetByRole(AriaRole.Link, new() { Name = "建立完善党政同责制度：6月前各县（市、区）出台食品安全“党政同责”实施细则。" }).ClickAsync();
        await phone.GetByLabel("报送单位").SelectOptionAsync(new SelectOptionValue { Label = "温州市鹿城区人民政府" });
        await phone.GetByLabel("进展情况").FillAsync("区政府已印发党政同责实施细则（鹿政办〔2018〕12号）。");
        await phone.GetByLabel("完成比例（%）").FillAsync("100");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "report-progress-phone.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");
        await phone.Context.CloseAsync();

        // The coordinator sees the report and the unit's status on the task.
        var back = await SignedInAsync("coordinator@330300", 1280, 900);
        await back.GetByRole(AriaRole.Link, new() { Name = "工作方案" }).ClickAsync();
        await back.GetByRole(AriaRole.Link, new() { Name = "2018年温州市食品安全工作责任分工一览表" }).ClickAsync();
        await back.GetByRole(AriaRole.Link, new() { Name = "6月前各县（市、区）出台食品安全“党政同责”实施细则。" }).ClickAsync();
        await Assertions.Expect(back.Locator("#reports")).ToContainTextAsync("区政府已印发党政同责实施细则");
        await Assertions.Expect(back.GetByRole(AriaRole.Row).Filter(new() { HasText = "温州市鹿城区人民政府" })).ToContainTextAsync("已完成");
        await back.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "task-desktop.png"), FullPage = true });
        await back.Context.CloseAsync();
    }
}
