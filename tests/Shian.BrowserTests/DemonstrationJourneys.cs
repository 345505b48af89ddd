using System.IO.Compression;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 创建示范城市自评 (#21, seed 004): the city coordinator opens it from the indicator dashboard, starts this year's with the
/// plan's x's (a percentage over 100 refused and kept for correction), judges a criterion 不符合 (refused without its
/// rectification, then saved), sees each district's gaps, and downloads the .docx gap report; the same page at 375 px.
/// </summary>
public sealed class DemonstrationJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    [Fact]
    public async Task ACoordinator_StartsTheSelfAssessment_JudgesACriterion_SeesTheGaps_AndExportsTheReport()
    {
        var page = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        await page.GotoAsync("/indicators");
        await page.GetByRole(AriaRole.Link, new() { Name = "创建示范城市自评" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("创建示范城市自评");
        await Assertions.Expect(page.Locator("#start h2")).ToContainTextAsync("尚未建立");

        // The x's of the plan: 满意度 150 % is refused by name and kept for correction.
        await page.Locator("#x-satisfaction").FillAsync("150");
        await page.Locator("#x-regulator-hours").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "建立创建自评" }).ClickAsync();
        await Assertions.Expect(page.Locator("#start .errors")).ToContainTextAsync("群众对食品安全现状满意度在（xx %）”应在 1–100 % 之间");
        await Assertions.Expect(page.Locator("#x-satisfaction")).ToHaveValueAsync("150");
        await Assertions.Expect(page.Locator("#x-regulator-hours")).ToHaveValueAsync("40");
        await page.Locator("#x-satisfaction").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "建立创建自评" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator("[data-score]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-parameter='regulator-hours'] strong")).ToHaveTextAsync("40");
        await Assertions.Expect(page.Locator("[data-parameter='recall-rate']")).ToContainTextAsync("未设定");

        // The stages as a timeline (the demo's default dates: 自查整改 from October to December).
        var month = DateTime.UtcNow.AddHours(8).Month;
        var stage = month <= 3 ? "Preparation" : month <= 9 ? "Implementation" : "SelfCheck";
        await Assertions.Expect(page.Locator($"#stages li[data-stage='{stage}']")).ToContainTextAsync("当前阶段");

        // A criterion judged 不符合: refused without its rectification, then saved with it.
        var criterion = page.Locator("[data-criterion='1.6']");
        await Assertions.Expect(criterion.Locator("[data-status-label]")).ToHaveTextAsync("待评定");
        await criterion.GetByText("自查评定", new() { Exact = true }).ClickAsync();
        await criterion.GetByLabel("不符合", new() { Exact = true }).CheckAsync();
        await criterion.GetByLabel("评定依据（文件、文号、日期、查阅的记录）").FillAsync("地方规章草案尚在征求意见");
        await criterion.GetByRole(AriaRole.Button, new() { Name = "保存评定" }).ClickAsync();
        criterion = page.Locator("[data-criterion='1.6']");
        await Assertions.Expect(criterion.Locator(".errors")).ToContainTextAsync("须填写整改措施");
        await Assertions.Expect(criterion.GetByLabel("评定依据（文件、文号、日期、查阅的记录）")).ToHaveValueAsync("地方规章草案尚在征求意见");
        await criterion.GetByLabel("整改措施").FillAsync("12月提请市政府常务会议审议");
        await criterion.GetByLabel("整改期限").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await criterion.GetByRole(AriaRole.Button, new() { Name = "保存评定" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        criterion = page.Locator("[data-criterion='1.6']");
        await Assertions.Expect(criterion.Locator("[data-status-label]")).ToHaveTextAsync("未达标");
        await Assertions.Expect(criterion.Locator("[data-judgement]")).ToContainTextAsync("12月提请市政府常务会议审议");
        await Assertions.Expect(page.Locator("[data-notmet]")).Not.ToHaveTextAsync("0");

        // Each district against the city's x's.
        await Assertions.Expect(page.Locator("#areas tr[data-area='210503000000']")).ToContainTextAsync("溪湖区");
        await page.ScreenshotAsync(new() { Path = Shot("demonstration-desktop.png"), FullPage = true });

        // The gap report for the 创建 office.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "demonstration-" + Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            var xml = await reader.ReadToEndAsync(Ct);
            Assert.Contains("自查评估报告", xml, StringComparison.Ordinal);
            Assert.Contains("12月提请市政府常务会议审议", xml, StringComparison.Ordinal);
            Assert.Contains("溪湖区", xml, StringComparison.Ordinal);
        }

        File.Delete(path);
        await page.Context.CloseAsync();

        // On a phone.
        var phone = await fixture.SignedInAsync("coordinator@210500", 375, 740);
        await phone.GotoAsync("/indicators/demonstration");
        await Assertions.Expect(phone.Locator("[data-criterion='1.6'] [data-status-label]")).ToHaveTextAsync("未达标");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: 创建自评");
        await phone.ScreenshotAsync(new() { Path = Shot("demonstration-phone.png"), FullPage = true });
        await phone.Context.CloseAsync();
    }
}
