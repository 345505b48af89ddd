using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shian.Data;
using Shian.Kernel.Scoping;

namespace Shian.BrowserTests;

/// <summary>
/// 严重违法失信名单 on the desktop: a heavy food penalty arrives (its durable event), the officer serves notice of the
/// intended listing and records the party's statement, the head lists; the list and the barred-persons page fit a phone.
/// </summary>
public sealed class CreditJourneys(BrowserFixture fixture)
{
    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    [Fact]
    public async Task AHeavyPenalty_IsWeighed_Noticed_AndListedByTheHead()
    {
        var party = "浏览器失信测试店" + Guid.NewGuid().ToString("N")[..4];
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            scope.ServiceProvider.GetRequiredService<Shian.Kernel.Events.DomainEvents>().Raise(new Shian.Enforcement.Contracts.PenaltyDecided(
                Guid.NewGuid(), null, party, "210503001000", DateOnly.FromDateTime(DateTime.Now), 300_000m, 0m, false, "吊销食品经营许可证", "Art123",
                "罚〔2026〕" + party, "生产经营添加非食用物质的食品", "一般", false));
            await scope.ServiceProvider.GetRequiredService<ShianDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/credit/listings?status=Suggested");
        await officer.Locator("ul.task-cards a", new() { HasText = party }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("待研判");
        await officer.GetByLabel("列入的事实和理由").FillAsync("在凉菜中添加非食用物质，销往学校周边，社会影响恶劣");
        await officer.GetByRole(AriaRole.Button, new() { Name = "送达拟列入告知书" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("已告知，陈述申辩中");
        await Assertions.Expect(officer.Locator("[data-clock=statement]")).ToContainTextAsync("剩余 5 个工作日");
        await officer.GetByText("登记陈述申辩").ClickAsync();
        await officer.GetByLabel("陈述申辩", new() { Exact = true }).FillAsync("当事人承认违法事实，请求从轻");
        await officer.Locator("#step details[open] form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var url = officer.Url.Split('#')[0];

        var head = await fixture.SignedInAsync("coordinator@210503", 1280, 900);
        await head.GotoAsync(url);
        await head.GetByLabel("决定理由（听证情况）").FillAsync("陈述申辩理由不足以改变列入决定");
        head.Dialog += (_, d) => d.AcceptAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "列入严重违法失信名单" }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-status]")).ToHaveTextAsync("已列入");
        await Assertions.Expect(head.Locator("[data-clock=listed]")).ToContainTextAsync("列入");
        await ShotAsync(head, "credit-listing-desktop");

        await head.SetViewportSizeAsync(375, 740);
        await head.ReloadAsync();
        Assert.True(await head.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the listing page");
        await ShotAsync(head, "credit-listing-phone");
        await head.Context.CloseAsync();

        await officer.SetViewportSizeAsync(375, 740);
        await officer.GotoAsync("/credit/barred");
        await Assertions.Expect(officer.Locator("h1, h2").First).ToBeVisibleAsync();
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the barred-persons page");
        await officer.Context.CloseAsync();
    }
}
