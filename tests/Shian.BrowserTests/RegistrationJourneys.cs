using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 经营者注册账号 (#19): the owner of a registered restaurant opens its account from the sign-in page on a phone — USCC and
/// licence number, the code texted to the register's phone (the demo gateway writes it to the log; the officer registered the restaurant), a name and password —
/// and lands in 我的企业 signed in; a wrong code first is refused under the field. At 375 and 1280 px, no sideways scrolling.
/// </summary>
public sealed class RegistrationJourneys(BrowserFixture fixture)
{
    public static TheoryData<string, int, int, int> Viewports() => new() { { "desktop", 1280, 800, 0 }, { "phone", 375, 740, 1 } };

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task NoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");

    /// <summary>A restaurant in 河东街道 registered by the officer with a mobile phone (as the register import would hold it).</summary>
    private async Task<(string Uscc, string Licence, string Phone, string Name)> RestaurantWithMobileAsync(int index)
    {
        var serial = Random.Shared.Next(100_000, 999_999);
        var first17 = $"92210503MB{serial:D6}{index}"[..17];
        var uscc = first17 + Kernel.Identifiers.Uscc.CheckCharacter(first17);
        var licence = $"JY2210503{serial:D6}{index}";
        var phone = $"1370{serial:D6}{index}";
        var name = $"河东小馆{serial % 1000:D3}";
        var officer = await fixture.ApiAsync("officer@210503");
        var res = await officer.PostAsJsonAsync("/api/v1/businesses", new
        {
            name, uscc, kind = "餐饮服务经营者", regionCode = "210503001000", address = "河沿街 12 号", responsiblePerson = "赵店长", phone,
            licenceNumber = licence, licenceIssuer = "本溪市溪湖区市场监督管理局", licenceIssuedOn = "2025-03-01", licenceValidTo = "2030-02-28",
        }, TestContext.Current.CancellationToken);
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (uscc, licence, phone, name);
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task ARestaurantOwner_RegistersFromTheSignInPage_WithTheTextedCode(string name, int width, int height, int index)
    {
        var (uscc, licence, phone, businessName) = await RestaurantWithMobileAsync(index);
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "食品经营者？注册企业账号" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "经营者注册账号", Level = 1 })).ToBeVisibleAsync();
        await NoSidewaysScrollingAsync(page);
        await page.GetByLabel("统一社会信用代码").FillAsync(uscc);
        await page.GetByLabel("食品经营（生产）许可证编号或备案编号").FillAsync(licence);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();

        // The code went to the register's phone, shown masked; the text names the business.
        var masked = phone[..3] + "****" + phone[7..];
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(masked);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(businessName);
        var text = BrowserFixture.TextMessages.Lines.Last(l => l.Contains(phone, StringComparison.Ordinal));
        var code = Regex.Match(text, "验证码(\\d{6})").Groups[1].Value;
        await ShotAsync(page, $"registration-code-{name}");

        var userName = $"owner.{name}.{Random.Shared.Next(1000, 9999)}";
        await page.GetByLabel("短信验证码").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByLabel("您的姓名").FillAsync("赵店长");
        await page.GetByLabel("设置用户名").FillAsync(userName);
        await page.GetByLabel("设置密码").FillAsync("Dian-Zhang-2026");
        await page.GetByLabel("再次输入密码").FillAsync("Dian-Zhang-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "验证码不正确" })).ToBeVisibleAsync();
        await NoSidewaysScrollingAsync(page);

        await page.GetByLabel("短信验证码").FillAsync(code);
        await page.GetByLabel("设置密码").FillAsync("Dian-Zhang-2026");
        await page.GetByLabel("再次输入密码").FillAsync("Dian-Zhang-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "注册成功" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(uscc);
        await NoSidewaysScrollingAsync(page);
        await ShotAsync(page, $"registration-done-{name}");
        await page.Context.CloseAsync();
    }
}
