using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 问卷调查 (#21): a district coordinator designs a 知晓率 survey (a question refused, then added), sees its sample size,
/// opens it and gets the public link with its QR code; a resident answers on a phone with the code on the card — an
/// unanswered question is named under it — and is thanked; the coordinator sees the response and the estimate. At 375
/// and 1280 px, no sideways scrolling.
/// </summary>
public sealed class SurveyJourneys(BrowserFixture fixture)
{
    public static TheoryData<string, int, int> Viewports() => new() { { "desktop", 1280, 800 }, { "phone", 375, 740 } };

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task NoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "no sideways scrolling; too wide: " + await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30)).join(' | ')"));

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task ACoordinatorRunsASurvey_AndAResidentAnswersOnAPhone(string name, int width, int height)
    {
        var title = $"溪湖区食品安全知识知晓率调查（{name}{Random.Shared.Next(100, 999)}）";
        var page = await fixture.SignedInAsync("coordinator@210503", width, height);
        await page.GotoAsync("/surveys");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "问卷调查", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#new summary").ClickAsync();
        await page.GetByLabel("调查名称").FillAsync(title);
        await page.GetByLabel("调查内容").SelectOptionAsync("Awareness");
        await page.GetByLabel("答卷方式").SelectOptionAsync("Invitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建调查" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("调查已创建");

        // One option only is refused in Chinese; two options and the right answer are added.
        await page.GetByLabel("题目", new() { Exact = true }).FillAsync("食品投诉举报电话是哪个？");
        await page.GetByLabel("选项（选择题，每行一个）").FillAsync("12315");
        await page.GetByLabel("正确选项序号（知识题）").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).Last.ClickAsync();
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("2 到 10 个互不相同的选项");
        await page.GetByLabel("选项（选择题，每行一个）").FillAsync("12315\n12306");
        await page.GetByLabel("正确选项序号（知识题）").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("题目已添加");
        await Assertions.Expect(page.Locator("[data-design-size]")).ToHaveTextAsync("384"); // 溪湖区, 204 660 people, ±5 points
        await NoSidewaysScrollingAsync(page);
        await ShotAsync(page, $"survey-design-{name}");

        await page.GetByRole(AriaRole.Button, new() { Name = "开始调查" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("调查已开始");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        var link = await page.Locator("[data-public-link]").InnerTextAsync();
        var id = Regex.Match(page.Url, "/surveys/([0-9a-f-]{36})").Groups[1].Value;
        await NoSidewaysScrollingAsync(page);

        // A code for a card (through the API: the page downloads them as a workbook).
        var api = await fixture.ApiAsync("coordinator@210503");
        var made = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/invitations", new { regionCode = "210503000000", count = 1 }, TestContext.Current.CancellationToken);
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var code = (await made.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("codes")[0].GetString()!;

        // The resident, on a phone, opens the card's link.
        var resident = await fixture.NewPageAsync(375, 740);
        await resident.GotoAsync(new Uri(link).PathAndQuery + "?c=" + code.Replace("-", "", StringComparison.Ordinal));
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "开始答题" }).ClickAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        await Assertions.Expect(resident.Locator(".field-error")).ToContainTextAsync("第 1 题：请选择一项");
        await resident.GetByLabel("12315").CheckAsync();
        await NoSidewaysScrollingAsync(resident);
        await ShotAsync(resident, $"survey-answer-{name}");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        await Assertions.Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("感谢您的参与");
        await resident.Context.CloseAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-district='210503000000'] [data-responses]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-estimate]")).ToHaveTextAsync("100.0%");
        await ShotAsync(page, $"survey-results-{name}");
        await page.Context.CloseAsync();
    }
}
