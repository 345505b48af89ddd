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
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "经营者" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "批量导入" })).ToHaveCountAsync(0);

        var page = await fixture.SignedInAsync("officer@210500", 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "经营者" }).ClickAsync();
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
