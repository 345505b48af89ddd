using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// The public portal on a phone (#19): an inspection of the demo business is reviewed and published; the business replies
/// with its rectification and a photo; the officer confirms it; a citizen finds the business from the public home and sees
/// the result, the last inspection date and the reply — without sideways scrolling, within the page-weight budget, every
/// field labelled.
/// </summary>
public sealed class PortalJourneys(BrowserFixture fixture)
{
    private const string Shop = "溪湖区示范餐饮店（演示）";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: " + what);

    /// <summary>
    /// WCAG 2.1 AA checks of what a page shows: text contrast ≥ 4.5:1 (3:1 for large text, 1.4.3) against the nearest
    /// opaque background, and controls at least 44 px high (2.5.5, the target size). Returns the offenders.
    /// </summary>
    private const string AccessibilityProbe = """
        () => {
          const lum = c => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const L = ([r, g, b]) => 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
          const bg = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c; } return [255, 255, 255]; };
          const bad = [];
          for (const el of document.querySelectorAll('body *')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            const st = getComputedStyle(el);
            if (!own || st.visibility === 'hidden' || st.display === 'none' || el.offsetParent === null && st.position !== 'fixed') continue;
            const a = L(rgb(st.color)), b = L(bg(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(st.fontSize), large = size >= 24 || (size >= 18.66 && parseInt(st.fontWeight) >= 700);
            if (ratio < (large ? 3 : 4.5)) bad.push(`contrast ${ratio.toFixed(2)}: ${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}"`);
          }
          for (const el of document.querySelectorAll('button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, a.button')) {
            const r = el.getBoundingClientRect();
            if (r.height > 0 && r.height < 44) bad.push(`target ${Math.round(r.height)} px: ${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 20)}"`);
          }
          return bad;
        }
        """;

    private static async Task AccessibleAsync(IPage page, string what)
    {
        var bad = await page.EvaluateAsync<string[]>(AccessibilityProbe);
        Assert.True(bad.Length == 0, $"{what}: " + string.Join("; ", bad));
    }

    [Fact]
    public async Task ABusinessRepliesToItsResult_TheOfficerConfirms_AndACitizenSeesResultAndReply()
    {
        // An inspector inspects the demo business on a phone: one general item fails (基本符合).
        var inspector = await fixture.SignedInAsync("inspector@210503", 375, 740);
        await inspector.GotoAsync("/registry?q=" + Uri.EscapeDataString(Shop));
        await inspector.Locator("a[href^='/registry/']").Filter(new() { HasText = Shop }).First.ClickAsync();
        await inspector.GetByRole(AriaRole.Link, new() { Name = "开始检查" }).ClickAsync();
        await Assertions.Expect(inspector.GetByRole(AriaRole.Button, new() { Name = "提交检查结果" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        if (await inspector.Locator("[data-repeat]").CountAsync() > 0)
        {
            await inspector.GetByLabel("再次检查的原因").SelectOptionAsync("Assigned");
        }

        await inspector.GetByRole(AriaRole.Checkbox, new() { Name = "溪湖区监管人员", Exact = false }).CheckAsync(); // at least two officers (第二十三条)
        var items = inspector.Locator("ol.checklist > li");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).GetByLabel(i == 1 ? "否" : "是", new() { Exact = true }).CheckAsync();
        }

        await inspector.GetByLabel("发现的问题").FillAsync("未在显著位置公示监督检查结果记录表。");
        var pad = inspector.Locator("canvas").First;
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await inspector.Mouse.MoveAsync(box.X + 20, box.Y + 40);
        await inspector.Mouse.DownAsync();
        await inspector.Mouse.MoveAsync(box.X + 150, box.Y + 90, new() { Steps = 5 });
        await inspector.Mouse.UpAsync();
        await inspector.GetByRole(AriaRole.Button, new() { Name = "提交检查结果" }).ClickAsync();
        await Assertions.Expect(inspector.Locator("#inspections")).ToContainTextAsync("基本符合", new() { Timeout = 15_000 });
        await inspector.Context.CloseAsync();

        // The officer sees it on 工作台 and publishes it from the review page, on a phone.
        var officer = await fixture.SignedInAsync("officer@210503", 375, 740);
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("检查结果待审核公开");
        await officer.GotoAsync("/inspections/publication");
        await officer.Locator("#queue li[data-record]").Filter(new() { HasText = Shop }).First.GetByRole(AriaRole.Checkbox).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "审核无误，公开所选结果" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[role=status]")).ToContainTextAsync("已公开");
        await NoSidewaysScrollAsync(officer, "the publication page");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "publication-phone.png"), FullPage = true });
        await officer.Context.CloseAsync();

        // The business is told; it replies from its phone with what it did and a photo.
        var shop = await fixture.SignedInAsync("business@210503", 375, 740);
        await shop.Locator("main a").Filter(new() { HasText = "检查结果已公开：" + Shop }).First.ClickAsync();
        await Assertions.Expect(shop.Locator("[data-publication]")).ToContainTextAsync("已于");
        await shop.GetByLabel("整改情况（做了什么、何时完成）").FillAsync("已在店门口显著位置张贴监督检查结果记录表（见照片）。");
        await shop.GetByLabel("照片（可选，最多 6 张）").SetInputFilesAsync(new FilePayload { Name = "posted.png", MimeType = "image/png", Buffer = Png });
        await shop.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await Assertions.Expect(shop.Locator("#replies [data-reply=Submitted]")).ToContainTextAsync("已在店门口显著位置张贴");
        await Assertions.Expect(shop.Locator("#replies")).ToContainTextAsync("您的回复正在审核");
        await NoSidewaysScrollAsync(shop, "the record with the reply");
        await shop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-reply-phone.png"), FullPage = true });
        var recordUrl = shop.Url.Split('#')[0];
        await shop.Context.CloseAsync();

        // The officer confirms the rectification on the documents.
        var desk = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await desk.GotoAsync(recordUrl);
        var pending = desk.Locator("#replies [data-reply=Submitted]").First;
        await pending.GetByLabel("确认整改已完成（书面审核，免于现场复查）").CheckAsync();
        await pending.GetByLabel("审核意见（将告知经营者并随回复公示）").FillAsync("照片显示记录表已张贴，整改完成。");
        await pending.GetByRole(AriaRole.Button, new() { Name = "保存审核结论" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#replies [data-reply=Accepted]").First).ToContainTextAsync("照片显示记录表已张贴");
        await desk.Context.CloseAsync();

        // A citizen finds the business from the public home and sees the result, the date and the reply.
        var citizen = await fixture.NewPageAsync(375, 740);
        await citizen.GotoAsync("/public");
        await citizen.GetByLabel("名称或许可证编号").FillAsync("溪湖区示范餐饮店");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = Shop }).First.ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(Shop);
        await Assertions.Expect(citizen.Locator("[data-last-inspected]")).ToContainTextAsync("最近一次检查");
        var result = citizen.Locator("#inspections article.public-result").Filter(new() { Has = citizen.Locator("[data-public-reply]") }).First;
        await Assertions.Expect(result).ToContainTextAsync("基本符合");
        await Assertions.Expect(result.Locator("[data-public-reply]")).ToContainTextAsync("已在店门口显著位置张贴监督检查结果记录表");
        await Assertions.Expect(result.Locator("[data-public-reply]")).ToContainTextAsync("监管部门已认可");
        await Assertions.Expect(result).ToContainTextAsync("经复核已整改");
        Assert.DoesNotContain("未在显著位置公示", await citizen.ContentAsync(), StringComparison.Ordinal); // the inspector's notes stay internal
        Assert.DoesNotContain("210503001000", await citizen.ContentAsync(), StringComparison.Ordinal);  // places by name
        await NoSidewaysScrollAsync(citizen, "the business's public page");
        await AccessibleAsync(citizen, "the business's public page");
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "business-public-phone.png"), FullPage = true });

        // Light enough for a slow phone (≤ 300 KB before images) and every field labelled.
        var bytes = await citizen.EvaluateAsync<double>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                .filter(e => e.initiatorType !== 'img').reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)
            """);
        Assert.True(bytes < 300 * 1024, $"the public business page weighs {bytes / 1024:0} KB before images");
        await citizen.GotoAsync("/public");
        var unlabelled = await citizen.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label')).length
            """);
        Assert.Equal(0, unlabelled);
        await AccessibleAsync(citizen, "the public home");
        await citizen.GotoAsync("/public/penalties");
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("行政处罚信息公示");
        await NoSidewaysScrollAsync(citizen, "the penalties list");
        await AccessibleAsync(citizen, "the penalties list");
        await citizen.Context.CloseAsync();
    }
}
