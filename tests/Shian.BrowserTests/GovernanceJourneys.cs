using Microsoft.Playwright;
using Shian.Kernel.Users;

namespace Shian.BrowserTests;

/// <summary>The coordinator imports a plan; a district officer finds the tasks of their district on a phone.</summary>
public sealed class GovernanceJourneys(BrowserFixture fixture)
{
    private static string Seed(string id) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), id + "_*.txt").Single();

    [Fact]
    public async Task Coordinator_ImportsSeed002_AndSees32Tasks_ThenADistrictOfficerSeesItsTasksOnAPhone()
    {
        var page = await fixture.SignedInAsync("coordinator@330300", 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "工作方案", Exact = true }).ClickAsync();
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

        var phone = await fixture.SignedInAsync("officer@330302", 375, 740);
        await phone.GetByRole(AriaRole.Link, new() { Name = "任务", Exact = true }).ClickAsync();
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
        var back = await fixture.SignedInAsync("coordinator@330300", 1280, 900);
        await back.GetByRole(AriaRole.Link, new() { Name = "工作方案", Exact = true }).ClickAsync();
        await back.GetByRole(AriaRole.Link, new() { Name = "2018年温州市食品安全工作责任分工一览表" }).ClickAsync();
        await back.GetByRole(AriaRole.Link, new() { Name = "6月前各县（市、区）出台食品安全“党政同责”实施细则。" }).ClickAsync();
        await Assertions.Expect(back.Locator("#reports")).ToContainTextAsync("区政府已印发党政同责实施细则");
        await Assertions.Expect(back.GetByRole(AriaRole.Row).Filter(new() { HasText = "温州市鹿城区人民政府" })).ToContainTextAsync("已完成");
        await back.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "task-desktop.png"), FullPage = true });
        await back.Context.CloseAsync();
    }

    /// <summary>
    /// A plan in a layout the parser does not know (issue #22): the import shows the rows it read, the coordinator marks
    /// the header row and what each column holds, previews and imports — on a desktop and on a phone.
    /// </summary>
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 375, 740)]
    public async Task Coordinator_ImportsAPlanInAnUnknownLayout_ByMarkingItsColumns(string name, int width, int height)
    {
        var file = Path.Combine(Path.GetTempPath(), $"xihu-layout-{name}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, $"溪湖区2025年食品安全专项工作推进表（{name}）\n\n编码\t事由\t主抓\t截止\n"
            + "1\t开展校园食品安全专项检查，学校食堂检查覆盖率100%。\t区市场监督管理局\t9月底前\n2\t开展农村集体聚餐指导。\t区卫生健康局\t11月底前\n", TestContext.Current.CancellationToken);

        var page = await fixture.SignedInAsync("coordinator@210503", width, height);
        await page.GotoAsync("/governance/plans/import");
        await page.GetByLabel("工作方案文件").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "解析并预览" }).ClickAsync();

        // Not refused: what was read, to be marked.
        var layout = page.Locator("#layout");
        await Assertions.Expect(layout.GetByRole(AriaRole.Heading, new() { Name = "未能自动识别任务，请标出版式" })).ToBeVisibleAsync();
        await Assertions.Expect(layout.Locator("table.sample")).ToContainTextAsync("开展农村集体聚餐指导。");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"plan-layout-{name}.png"), FullPage = true });

        await layout.Locator("input[name=HeaderRow][value='2']").CheckAsync();
        await page.GetByLabel("第 1 列").SelectOptionAsync("number");
        await page.GetByLabel("第 2 列").SelectOptionAsync("text");
        await page.GetByLabel("第 3 列").SelectOptionAsync("units");
        await page.GetByLabel("第 4 列").SelectOptionAsync("time");
        await page.GetByRole(AriaRole.Button, new() { Name = "按此重新识别" }).ClickAsync();

        await Assertions.Expect(page.Locator("li.task")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"溪湖区2025年食品安全专项工作推进表（{name}）", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "开展农村集体聚餐指导。" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// 督办 → reply → 暗访 → 考核: the city presses 溪湖区 on a task, the district answers and reports from a phone, the
    /// office records an incognito check, scores the year, publishes, and the public sees the ranking.
    /// </summary>
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 375, 740)]
    public async Task Coordinator_ImportsSeed000_IdentifiesTheUnknownUnitsAtTheTop_AndTheBreadcrumbNamesThePlan(string name, int width, int height)
    {
        var page = await fixture.SignedInAsync("coordinator@210500", width, height);
        await page.GotoAsync("/governance/plans/import");
        await page.GetByLabel("工作方案文件").SetInputFilesAsync(Seed("000"));
        await page.GetByRole(AriaRole.Button, new() { Name = "解析并预览" }).ClickAsync();

        // The names the catalogue does not know are gathered at the top, each once, above the save button.
        var mapping = page.Locator("#mapping");
        await Assertions.Expect(mapping).ToContainTextAsync("需要指定的单位");
        var save = await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).BoundingBoxAsync();
        var top = await mapping.BoundingBoxAsync();
        Assert.True(top!.Y < save!.Y, "the mapping comes before the save button");
        var group = mapping.Locator("li").Filter(new() { HasText = "各责任单位" });
        await Assertions.Expect(group.Locator("fieldset.map-many")).ToBeVisibleAsync(); // a name meaning several units: tick several

        // A task's unknown unit links up to its place in the list.
        var chip = page.Locator("li.task a.unit.unresolved").Filter(new() { HasText = "各责任单位" }).First;
        var target = await chip.GetAttributeAsync("href");
        Assert.Equal(target, "#" + await group.GetAttributeAsync("id"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"plan-mapping-{name}.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Coordinator_SupervisesAndAssesses_ADistrictRepliesOnAPhone_AndThePublicSeesTheRanking()
    {
        var file = Path.Combine(Path.GetTempPath(), $"benxi-2019-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "本溪市2019年食品安全重点工作\n\n一、强化抽检\n（一）加大抽检力度。全年食品抽检量达到4.5份/千人。（责任单位：各县（区）政府）\n"
            + "（二）完善追溯体系。年底前建成市级追溯平台。（责任单位：市市场监督管理局）\n", TestContext.Current.CancellationToken);
        const string Task1 = "（一）加大抽检力度。全年食品抽检量达到4.5份/千人。";

        var page = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        await page.GotoAsync("/governance/plans/import");
        await page.GetByLabel("工作方案文件").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "解析并预览" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "本溪市2019年食品安全重点工作", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Task1 }).ClickAsync();
        var taskUrl = page.Url;
        await page.Locator("#sv-unit").SelectOptionAsync("gov:210503000000");
        await page.GetByLabel("督办事项").FillAsync("请于年底前报送全年抽检完成情况。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发出督办" }).ClickAsync();
        await Assertions.Expect(page.Locator("#supervision")).ToContainTextAsync("请于年底前报送全年抽检完成情况。");
        await page.Context.CloseAsync();

        // 溪湖区 answers the notice and reports its measured value from a phone.
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync(taskUrl);
        await phone.Locator("#supervision textarea[name=reply]").FillAsync("已完成全年抽检，达到 4.6 份/千人。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#supervision")).ToContainTextAsync("已完成全年抽检，达到 4.6 份/千人。");
        await phone.GetByLabel("进展情况").FillAsync("全年抽检 4.6 份/千人。");
        await phone.GetByLabel("完成比例（%）").FillAsync("100");
        await phone.GetByLabel("已全部完成").CheckAsync();
        await phone.Locator("#report input[name^=measure-]").FillAsync("4.6");
        await Assertions.Expect(phone.Locator("#report label[for^=measure-]").First).ToContainTextAsync("≥4.5"); // the label names the figure
        var photo = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), TestContext.Current.CancellationToken);
        await phone.Locator("#evidence").SetInputFilesAsync(photo);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");
        // The evidence photo is shown with the report (it was stored but never shown before).
        var shown = phone.Locator("#reports .evidence img").First;
        await Assertions.Expect(shown).ToBeVisibleAsync();
        // Visible is not yet loaded (a race on a busy machine): wait for the image's bytes, then check it decoded.
        await phone.WaitForFunctionAsync("() => { const i = document.querySelector('#reports .evidence img'); return i && i.complete; }");
        Assert.True(await shown.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the evidence image loads");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "supervision-reply-phone.png"), FullPage = true });
        await phone.Context.CloseAsync();

        // The office sees the plan's targets with each district's latest value, and the breadcrumb names the plan.
        var office = await fixture.SignedInAsync("coordinator@210500", 1280, 900);
        await office.GotoAsync(taskUrl);
        await office.Locator("nav.crumbs a").Filter(new() { HasText = "本溪市2019年食品安全重点工作" }).ClickAsync();
        var targets = office.Locator("#targets");
        await Assertions.Expect(targets).ToContainTextAsync("≥4.5份/千人");
        await Assertions.Expect(targets.Locator(".ok")).ToHaveTextAsync("4.6份/千人");
        await Assertions.Expect(targets).ToContainTextAsync("本溪市溪湖区人民政府");

        // The office records an incognito check in 明山区, then scores 2019 from the plan and publishes.
        await office.GotoAsync("/governance/checks");
        await office.GetByLabel("被检查区划").SelectOptionAsync("210504000000");
        await office.GetByLabel("检查日期").FillAsync("2019-06-10");
        await office.GetByLabel("检查地点").FillAsync("明山区农贸市场");
        await office.GetByLabel("检查情况").FillAsync("索证索票不全，两处冷柜超温。");
        await office.GetByLabel("发现问题数").FillAsync("2");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Cell, new() { Name = "明山区农贸市场" })).ToBeVisibleAsync();

        await office.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await office.GetByLabel("组织考核的食安办").SelectOptionAsync("210500000000");
        await office.GetByLabel("年度", new() { Exact = true }).FillAsync("2019");
        await office.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickAsync();
        await office.GetByRole(AriaRole.Heading, new() { Name = "本溪市2019年度食品安全工作考核", Level = 1 }).WaitForAsync();
        var xihu = office.Locator("table.ranking tr").Filter(new() { HasText = "溪湖区" });
        await Assertions.Expect(xihu).ToContainTextAsync("优秀");
        await Assertions.Expect(office.Locator("#chart-districts canvas")).ToHaveCountAsync(1);
        await office.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "assessment-desktop.png"), FullPage = true });
        await office.GetByRole(AriaRole.Button, new() { Name = "公布考核结果" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("考核结果已公布");
        await office.GetByRole(AriaRole.Link, new() { Name = "约谈" }).First.ClickAsync();
        await Assertions.Expect(office.Locator("section.interview").Filter(new() { HasText = "平山区" })).ToContainTextAsync("考核不合格");
        await office.Context.CloseAsync();

        // Anyone sees the published ranking, on a phone too.
        var open = await fixture.NewPageAsync(375, 740);
        await open.GotoAsync("/public/assessments");
        await open.GetByRole(AriaRole.Link, new() { Name = "本溪市2019年度食品安全工作考核" }).ClickAsync();
        await Assertions.Expect(open.Locator("table.ranking").First).ToContainTextAsync("溪湖区");
        await Assertions.Expect(open.Locator("#chart-districts canvas")).ToHaveCountAsync(1);
        await open.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "assessment-public-phone.png"), FullPage = true });
        await open.Context.CloseAsync();
    }
}
