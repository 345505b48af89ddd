using MiniExcelLibs;
using Microsoft.Playwright;
using Shian.Kernel.Identifiers;
using Shian.Kernel.Users;

namespace Shian.BrowserTests;

/// <summary>The register: a bulk import refused with its errors then accepted with progress; an officer finds the business on a phone.</summary>
public sealed class RegistryJourneys(BrowserFixture fixture)
{
    private static string Sheet(params (string Name, string Uscc, string Licence)[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, rows.Select(r => new Dictionary<string, object?>
        {
            ["名称"] = r.Name, ["统一社会信用代码"] = r.Uscc, ["主体类型"] = "餐饮服务经营者", ["区划代码"] = "210503001000", ["经营地址"] = "河沿街 1 号",
            ["许可证编号"] = r.Licence, ["有效期至"] = "2030-06-30",
        }));
        return path;
    }

    [Fact]
    public async Task ACityOfficer_ImportsARegister_SeesRowErrorsThenProgress_AndADistrictOfficerFindsTheBusinessOnAPhone()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        (string, string, string) Row(int i, string? licence = null)
        {
            var first17 = $"92210503MA{n:D6}{i}";
            return ($"浏览器测试餐馆{n}-{i}", first17 + Uscc.CheckCharacter(first17), licence ?? $"JY2210503{n:D6}{i}");
        }

        // The register is kept by the market-regulation officers (registry.import); a coordinator does not see the import.
        var coordinator = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "经营者", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "批量导入" })).ToHaveCountAsync(0);

        var page = await fixture.SignedInAsync("officer@210500", 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "经营者", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入" }).ClickAsync();
        await page.GetByLabel("名录文件（.xlsx）").SetInputFilesAsync(Sheet(Row(1), Row(2, "JY22105"), Row(3)));
        await page.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();
        var errors = page.Locator("#import-progress table");
        await Assertions.Expect(errors).ToContainTextAsync("许可证编号");
        await Assertions.Expect(errors.Locator("td").First).ToHaveTextAsync("3"); // the second data row is sheet row 3
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "registry-import-errors-desktop.png"), FullPage = true });

        await page.GetByLabel("名录文件（.xlsx）").SetInputFilesAsync(Sheet(Row(1), Row(2), Row(3)));
        await page.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-progress")).ToContainTextAsync("已导入 3 户经营者", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();

        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/registry");
        await Assertions.Expect(phone.Locator("table tbody tr").First).ToBeVisibleAsync(); // the demo register of 本溪 is there
        await phone.GetByLabel("查询").FillAsync($"浏览器测试餐馆{n}-2");
        await phone.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = $"浏览器测试餐馆{n}-2" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".header-card")).ToContainTextAsync($"JY2210503{n:D6}2");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "registry-profile-phone.png"), FullPage = true });
        await phone.Context.CloseAsync();
    }
}

/// <summary>The register kept by hand, and the reference data kept by an administrator, at 1280 and 375 px.</summary>
public sealed class RegisterAndReferenceJourneys(BrowserFixture fixture)
{
    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"no sideways scrolling on {what}");

    [Theory]
    [MemberData(nameof(Journeys.Viewports), MemberType = typeof(Journeys))]
    public async Task AnOfficer_RegistersOneBusinessByHand_ThenSuspendsIt(string name, int width, int height)
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var first17 = $"92210503MB{n:D6}A";
        var uscc = first17 + Uscc.CheckCharacter(first17);
        var page = await fixture.SignedInAsync("officer@210503", width, height);
        await page.GotoAsync("/registry");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记经营者" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync($"手工登记餐馆{n}");
        await page.GetByLabel("主体类型").SelectOptionAsync(new SelectOptionValue { Label = "餐饮服务经营者" });
        await page.GetByLabel("统一社会信用代码").FillAsync(uscc);
        await page.GetByLabel("区划", new() { Exact = true }).SelectOptionAsync("210503001000");
        await page.GetByLabel("经营地址").FillAsync("河沿街 12 号");
        await page.GetByLabel("经营面积（㎡）").FillAsync("六十");
        await NoSidewaysScrollAsync(page, "the registration form");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "不是“经营面积（㎡）”的有效取值" }).First).ToBeVisibleAsync();
        await page.GetByLabel("经营面积（㎡）").FillAsync("60");
        await page.GetByLabel("许可证编号").FillAsync($"JY2210503{n:D6}1");
        await page.GetByLabel("有效期至").FillAsync("2031-05-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".header-card")).ToContainTextAsync($"JY2210503{n:D6}1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");

        await page.GetByLabel("经营状态").SelectOptionAsync(new SelectOptionValue { Label = "停业" });
        await page.GetByRole(AriaRole.Button, new() { Name = "变更状态" }).ClickAsync();
        await Assertions.Expect(page.Locator(".header-card .status")).ToHaveTextAsync("停业");
        await Assertions.Expect(page.GetByText("该经营者已停业或注销")).ToBeVisibleAsync(); // no inspection or sampling offered
        await Assertions.Expect(page.Locator("#inspections").GetByRole(AriaRole.Link, new() { Name = "开始检查" })).ToHaveCountAsync(0);
        await NoSidewaysScrollAsync(page, "the profile");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"registry-by-hand-{name}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Journeys.Viewports), MemberType = typeof(Journeys))]
    public async Task AnAdministrator_EntersAMissingPopulation_AndReviewsTheUnitAliases(string name, int width, int height)
    {
        var page = await fixture.SignedInAsync("admin", width, height);
        await page.GotoAsync("/admin/reference");
        await page.GetByRole(AriaRole.Link, new() { Name = "人口数据" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "人口数据", Level = 1 }).WaitForAsync();
        await NoSidewaysScrollAsync(page, "the population page");
        var row = page.Locator("section.card").First.Locator("form.pop-form").First;
        var region = (await row.GetAttributeAsync("aria-label"))!;
        await row.GetByLabel("常住人口（人）").FillAsync("123456");
        await row.GetByLabel("来源").FillAsync("第七次全国人口普查公报（浏览器测试）");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已保存：{region}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"admin-populations-{name}.png"), FullPage = true });

        await page.GotoAsync("/admin/units?q=市场监督管理局&region=210500000000");
        await Assertions.Expect(page.Locator("section.unit-card").First).ToContainTextAsync("市场监督管理局");
        await Assertions.Expect(page.Locator("section.unit-card").First).ToContainTextAsync("目录自带");
        await NoSidewaysScrollAsync(page, "the units page");
        await page.GotoAsync("/admin/calendar");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("国办发明电");
        await NoSidewaysScrollAsync(page, "the calendar page");
        await page.GotoAsync("/admin/risk-schemes");
        await NoSidewaysScrollAsync(page, "the risk schemes page");
        await page.GotoAsync("/admin/limits");
        await NoSidewaysScrollAsync(page, "the limits page");
        await page.Context.CloseAsync();
    }
}
