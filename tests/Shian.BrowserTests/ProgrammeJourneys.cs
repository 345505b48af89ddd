using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 社会共治 programmes (#21): on a phone, a district officer registers a volunteer (refused without a name, kept for
/// correction), marks them trained, records a publicity activity, and sees the counts the indicators take.
/// </summary>
public sealed class ProgrammeJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOfficer_RegistersAVolunteer_AndAnActivity_OnAPhone()
    {
        var page = await fixture.SignedInAsync("officer@210504", 375, 740);
        await page.GotoAsync("/programmes");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("社会共治：志愿者与科普宣传");
        var active = int.Parse(await page.Locator("[data-active]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByText("登记志愿者入队", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("所在单位或社区").FillAsync("平山社区");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记入队" }).ClickAsync();
        await Assertions.Expect(page.Locator("#volunteers .errors")).ToContainTextAsync("请填写志愿者姓名");
        await Assertions.Expect(page.GetByLabel("所在单位或社区")).ToHaveValueAsync("平山社区");
        var name = "志愿" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记入队" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator("[data-active]")).ToHaveTextAsync((active + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = page.Locator($"[data-volunteer='{name}']");
        await Assertions.Expect(row).ToContainTextAsync("未培训");
        await row.GetByRole(AriaRole.Button, new() { Name = "今天完成培训" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-volunteer='{name}']")).ToContainTextAsync("已培训");

        await page.GetByText("登记宣传活动", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "“五进”活动" });
        await page.GetByLabel("活动名称").FillAsync("食品安全进校园");
        await page.GetByLabel("地点（社区、村、学校等）").FillAsync("明山区实验小学");
        await page.GetByLabel("参加人数").FillAsync("120");
        await page.GetByLabel("佐证（照片、签到表、活动报告）").FillAsync("签到表、现场照片 6 张");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记活动" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator("[data-activities-list]")).ToContainTextAsync("食品安全进校园");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: 社会共治");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "programmes-phone.png") });
        await page.Context.CloseAsync();
    }
}
