using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 指标 (#21): the city coordinator imports seed 002 for this year; 工作台 shows the plan's indicators against its
/// targets; the dashboard opens an indicator, its districts as bars and the year's trend, and drills into a district's
/// streets; on the plan the coordinator confirms a suggested link; an entered indicator is refused without evidence,
/// then saved. The dashboard, an indicator and the plan's targets at 375 px without sideways scrolling.
/// </summary>
public sealed class IndicatorJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Seed(string id) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), id + "_*.txt").Single();

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: " + what);

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    [Fact]
    public async Task ACoordinator_SeesThePlansIndicatorsOnTheWorkbench_DrillsDown_ConfirmsALink_AndEntersAFigure()
    {
        // The browser host runs on the real clock: this year's plan.
        var year = DateTime.UtcNow.AddHours(8).Year;
        var api = await fixture.ApiAsync("coordinator@210500");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Seed("002"), Ct)), "file", "温州.txt" },
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "year" },
            { new StringContent("210500000000"), "regionCode" },
        };
        var imported = await api.PostAsync("/api/v1/plans", form, Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        var planId = (await imported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        // 工作台: the plan's indicators against their targets; the register's 自查报告率 is far below 92 %.
        var page = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        var selfReport = page.Locator("#tiles [data-tile='食品生产企业主体责任自查报告率']");
        await Assertions.Expect(selfReport).ToContainTextAsync("目标 ≥92%");
        await Assertions.Expect(selfReport).ToContainTextAsync("未达标");
        await Assertions.Expect(page.Locator("[data-todo='Todo.IndicatorsBehind']")).ToContainTextAsync("未达目标的指标");
        await page.ScreenshotAsync(new() { Path = Shot("workbench-indicators-desktop.png"), FullPage = true });

        // The dashboard: every indicator of the city, grouped by module.
        await page.GetByRole(AriaRole.Link, new() { Name = "全部指标" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("指标看板");
        await Assertions.Expect(page.Locator("[data-indicator='complaints.reply-rate'] .kpi")).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("[data-indicator='duty.self-report']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("missed"));
        await page.ScreenshotAsync(new() { Path = Shot("indicators-desktop.png"), FullPage = true });

        // One indicator: its districts as bars, the year's trend; then a district's streets.
        await page.Locator("[data-indicator='inspection.coverage'] a").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("监督检查覆盖率");
        await Assertions.Expect(page.Locator("#chart-children canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart-trend canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#children tr[data-region='210503000000']")).ToContainTextAsync("溪湖区");
        await page.ScreenshotAsync(new() { Path = Shot("indicator-desktop.png"), FullPage = true });
        await page.Locator("#children").GetByRole(AriaRole.Link, new() { Name = "溪湖区", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#value h2")).ToContainTextAsync("溪湖区");
        var streets = await page.Locator("#children tr[data-region]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.region)");
        Assert.NotEmpty(streets);
        Assert.All(streets, s => Assert.StartsWith("210503", s, StringComparison.Ordinal));

        // The plan: the target's suggested indicator and its live value; the coordinator confirms the link.
        await page.GotoAsync($"/governance/plans/{planId}");
        var row = page.Locator("tr[data-indicator='duty.self-report']");
        await Assertions.Expect(row.Locator("[data-live]")).ToContainTextAsync("食品生产企业主体责任自查报告率");
        await Assertions.Expect(row.Locator(".tag")).ToHaveTextAsync("建议");
        await row.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-indicator='duty.self-report'] .tag")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-indicator='duty.self-report'] [data-live-value]")).ToHaveClassAsync("bad");

        // An entered indicator: refused without its evidence (the message says what is missing), then saved.
        await page.GotoAsync("/indicators/programme.hotline-answer-rate?region=210500000000");
        await page.GetByLabel("值（%）").FillAsync("88");
        await page.GetByRole(AriaRole.Button, new() { Name = "填报" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entry .errors")).ToContainTextAsync("请填写数据来源与佐证");
        await Assertions.Expect(page.GetByLabel("值（%）")).ToHaveValueAsync("88");
        await page.GetByLabel("数据来源与佐证（文件、文号、日期、出具部门）").FillAsync("本溪市12345热线11月运行报告（市营商环境局）");
        await page.GetByRole(AriaRole.Button, new() { Name = "填报" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator("[data-value]")).ToHaveTextAsync("88%");
        await Assertions.Expect(page.Locator("[data-history]")).ToContainTextAsync("本溪市12345热线11月运行报告");
        await page.Context.CloseAsync();

        // On a phone.
        var phone = await fixture.SignedInAsync("coordinator@210500", 375, 740);
        await Assertions.Expect(phone.Locator("#tiles")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(phone, "工作台 with indicator tiles");
        await phone.GotoAsync("/indicators");
        await NoSidewaysScrollAsync(phone, "指标看板");
        await phone.ScreenshotAsync(new() { Path = Shot("indicators-phone.png"), FullPage = true });
        await phone.GotoAsync("/indicators/inspection.coverage");
        await Assertions.Expect(phone.Locator("#chart-children canvas")).ToHaveCountAsync(1);
        await NoSidewaysScrollAsync(phone, "an indicator's drill-down");
        await phone.ScreenshotAsync(new() { Path = Shot("indicator-phone.png"), FullPage = true });
        await phone.GotoAsync($"/governance/plans/{planId}");
        await Assertions.Expect(phone.Locator("#targets")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(phone, "the plan's targets with their indicators");
        await phone.Locator("#targets").ScreenshotAsync(new() { Path = Shot("plan-targets-phone.png") });
        await phone.Context.CloseAsync();
    }
}
