using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>案件办理 on the officer's desktop: a clue entered by hand becomes a case on the head's approval and is carried to its close.</summary>
public sealed class EnforcementJourneys(BrowserFixture fixture)
{
    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    [Fact]
    public async Task AnOfficerEntersAClue_TheHeadApproves立案_AndTheCaseRunsToItsClose()
    {
        var party = "浏览器测试食品店" + Guid.NewGuid().ToString("N")[..4];
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/enforcement");
        await ShotAsync(officer, "enforcement-clues-desktop");
        await officer.GetByRole(AriaRole.Link, new() { Name = "登记案件线索" }).ClickAsync();
        await officer.GetByLabel("执法检查发现").CheckAsync();
        await officer.GetByLabel("当事人").FillAsync(party);
        await officer.GetByLabel("线索内容").FillAsync("日常检查发现经营无中文标签的进口饼干 20 箱");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("待核查");
        await Assertions.Expect(officer.Locator("#clock")).ToContainTextAsync("剩余 15 个工作日");

        // One officer is not enough (程序规定 第十九条): the refusal names the field in Chinese.
        await officer.GetByLabel("案由").FillAsync("经营无中文标签的进口预包装食品");
        await officer.GetByLabel("违法行为日期（连续、继续的为终了日）").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await officer.GetByLabel("核查情况和立案理由").FillAsync("现场查见无中文标签饼干 20 箱，货值约 3000 元");
        await officer.GetByRole(AriaRole.Button, new() { Name = "提交负责人审批" }).First.ClickAsync();
        await Assertions.Expect(officer.Locator("#decision .errors")).ToContainTextAsync("两名以上");
        await Assertions.Expect(officer.GetByLabel("案由")).ToHaveValueAsync("经营无中文标签的进口预包装食品"); // kept after the refusal
        await officer.Locator("#decision input[name=officers]").Nth(1).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "提交负责人审批" }).First.ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("待负责人审批");
        var clueUrl = officer.Url.Split('#')[0];

        var head = await fixture.SignedInAsync("coordinator@210503", 1280, 900);
        await head.GotoAsync(clueUrl);
        await head.SetViewportSizeAsync(375, 740); // the head approves on a phone as well
        await ShotAsync(head, "enforcement-clue-approval-phone");
        await head.SetViewportSizeAsync(1280, 900);
        await head.GetByRole(AriaRole.Button, new() { Name = "批准立案" }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-stage]")).ToHaveTextAsync("调查取证");
        var caseUrl = head.Url.Split('#')[0];
        await Assertions.Expect(head.Locator("[data-number]")).ToContainTextAsync("立〔");

        await officer.GotoAsync(caseUrl);
        await officer.GetByLabel("调查终结报告").FillAsync("当事人经营无中文标签的进口饼干 20 箱，货值 3000 元。");
        await officer.GetByLabel("处罚依据").SelectOptionAsync("Art125");
        await officer.GetByLabel("货值金额（元）").FillAsync("3000");
        await officer.GetByLabel("罚款（元）").FillAsync("80000");
        await officer.GetByRole(AriaRole.Button, new() { Name = "调查终结，提交审核" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#step .errors")).ToContainTextAsync("超过《食品安全法》第一百二十五条的上限 50000 元");
        await Assertions.Expect(officer.GetByLabel("货值金额（元）")).ToHaveValueAsync("3000");
        await officer.GetByLabel("罚款（元）").FillAsync("8000");
        await officer.GetByRole(AriaRole.Button, new() { Name = "调查终结，提交审核" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-stage]")).ToHaveTextAsync("审核");
        await Assertions.Expect(officer.Locator("[data-band]")).ToContainTextAsync("5000–50000 元");

        await head.GotoAsync(caseUrl);
        await head.GetByLabel("审核意见").FillAsync("事实清楚，证据确凿");
        await head.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();

        await officer.ReloadAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "送达行政处罚告知书" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-stage]")).ToHaveTextAsync("已告知");
        await Assertions.Expect(officer.Locator("[data-clock=statement]")).ToContainTextAsync("不属于听证范围");
        await officer.GetByLabel("当事人书面放弃陈述、申辩和听证").CheckAsync();
        await officer.Locator("#step details[open] form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await head.ReloadAsync();
        head.Dialog += (_, d) => d.AcceptAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "作出决定" }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-outcome]")).ToContainTextAsync("罚〔");
        await head.Context.CloseAsync();

        await officer.ReloadAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "送达决定书" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-clock=pay]")).ToContainTextAsync("罚没款 8000.00 元");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记缴款" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "结案" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-stage]")).ToHaveTextAsync("已结案");
        await Assertions.Expect(officer.Locator("#history")).ToContainTextAsync("缴纳 8000.00 元");
        await ShotAsync(officer, "enforcement-case-closed-desktop");

        // The decision waits in 行政处罚信息公示 (Order 45): an 8 000 yuan fine on an organisation is shown three months.
        await officer.GotoAsync("/credit");
        await officer.Locator("ul.task-cards a", new() { HasText = party }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("待公示");
        await Assertions.Expect(officer.Locator("[data-summary]")).ToContainTextAsync("罚款 8000 元");
        await Assertions.Expect(officer.Locator("[data-summary]")).ToContainTextAsync("三个月");
        await Assertions.Expect(officer.Locator("[data-clock=publish]")).ToContainTextAsync("剩余 20 个工作日");
        officer.Dialog += (_, d) => d.AcceptAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "公示", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status]")).ToHaveTextAsync("公示中");
        await Assertions.Expect(officer.Locator("[data-clock=until]")).ToContainTextAsync("公示至");
        await ShotAsync(officer, "credit-publication-desktop");

        await officer.SetViewportSizeAsync(375, 740);
        await officer.ReloadAsync();
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the case page");
        await ShotAsync(officer, "enforcement-case-phone");
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task ACaseAsksAnotherDistrictToAssist_WhichAnswersOnAPhone_AndTheCaseSeesTheAnswer()
    {
        // A case of 溪湖区 (set up through the API as its officers and head would).
        var party = "协查测试批发部" + Guid.NewGuid().ToString("N")[..4];
        var api = await fixture.ApiAsync("officer@210503");
        var today = DateTime.Today.ToString("yyyy-MM-dd");
        var ct = TestContext.Current.CancellationToken;
        var clue = await (await api.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Field", regionCode = "210503001000", businessName = party, summary = "销售来源不明的冻肉", foundOn = today }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var clueId = clue.GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "来源不明", party, cause = "经营来源不明的肉类", violationEndedOn = today, officers = new[] { "officer@210503", "inspector@210503" },
        }, ct)).EnsureSuccessStatusCode();
        var approved = await (await fixture.ApiAsync("coordinator@210503")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, ct);
        var caseId = (await approved.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("caseId").GetString();

        // The case officer sends a 协助调查函 to 明山区 from the case page; a missing 协查事项 is refused by name, in Chinese.
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync($"/enforcement/cases/{caseId}#assistance");
        await officer.Locator("[data-new-assistance] summary").ClickAsync();
        await officer.GetByLabel("被请求协助的区县（协助调查）").SelectOptionAsync(new SelectOptionValue { Label = "明山区" });
        await officer.GetByLabel("协查对象").FillAsync("明山区某冷冻品批发部");
        await officer.GetByRole(AriaRole.Button, new() { Name = "发出", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#assistance .errors")).ToContainTextAsync("请填写协查事项");
        await Assertions.Expect(officer.GetByLabel("协查对象")).ToHaveValueAsync("明山区某冷冻品批发部"); // kept after the refusal
        await officer.GetByLabel("协查事项").FillAsync("核实该批发部向当事人销售冻肉的进货单据、检疫证明和销售记录");
        await officer.GetByRole(AriaRole.Button, new() { Name = "发出", Exact = true }).ClickAsync();
        var row = officer.Locator("#assistance li[data-assistance=Investigation]");
        await Assertions.Expect(row).ToContainTextAsync("明山区市场监督管理局");
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("待办理");
        await Assertions.Expect(row).ToContainTextAsync("回复期限");

        // 明山区's officer finds it among the letters received and answers on a phone.
        var mingshan = await fixture.SignedInAsync("officer@210504", 375, 740);
        await mingshan.GotoAsync("/enforcement/assistance");
        await mingshan.GetByRole(AriaRole.Link, new() { Name = "明山区某冷冻品批发部" }).First.ClickAsync();
        await Assertions.Expect(mingshan.Locator("[data-matters]")).ToContainTextAsync("检疫证明");
        await mingshan.GetByLabel("协查结果").FillAsync("经核查，该批发部 11 月向当事人销售冻猪肉 2 批次，检疫证明齐全，单据复印件已寄送。");
        Assert.True(await mingshan.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the letter page");
        await ShotAsync(mingshan, "enforcement-assistance-phone");
        await mingshan.GetByRole(AriaRole.Button, new() { Name = "回复请求方" }).ClickAsync();
        await Assertions.Expect(mingshan.Locator("[data-status]")).ToHaveTextAsync("已办结");
        await Assertions.Expect(mingshan.Locator("[data-answer]")).ToContainTextAsync("检疫证明齐全");
        await mingshan.GotoAsync("/enforcement/assistance#rates");
        await Assertions.Expect(mingshan.Locator("[data-rates] tr[data-county=明山区] [data-rate]")).Not.ToHaveTextAsync("—");
        Assert.True(await mingshan.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the assistance list");

        // Back on the case, the answer is there and the history says so.
        await officer.ReloadAsync();
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(row.Locator("[data-answer]")).ToContainTextAsync("检疫证明齐全");
        await Assertions.Expect(officer.Locator("#history")).ToContainTextAsync("【协查】明山区市场监督管理局回复");
        await ShotAsync(officer, "enforcement-assistance-desktop");
        await officer.Context.CloseAsync();
        await mingshan.Context.CloseAsync();
    }
    [Fact]
    public async Task AnOfficerPenalisesOnTheSpotOnAPhone_TheHeadFilesIt_AndSchedulesThePartysInstalments()
    {
        var party = "夜市烧烤摊" + Guid.NewGuid().ToString("N")[..4];
        var officer = await fixture.SignedInAsync("officer@210503", 375, 740);
        await officer.GotoAsync("/enforcement");
        await officer.GetByRole(AriaRole.Link, new() { Name = "当场处罚（简易程序）" }).ClickAsync();
        await officer.GetByLabel("当事人", new() { Exact = true }).FillAsync(party);
        await officer.GetByLabel("违法行为", new() { Exact = true }).FillAsync("从业人员未按规定穿戴清洁的工作衣帽");
        await officer.GetByLabel("违法事实和证据").FillAsync("检查时两名从业人员未戴工作帽加工烤串，现场拍照 3 张。");
        await officer.GetByLabel("处罚依据", new() { Exact = true }).FillAsync("《辽宁省食品安全条例》（地方性法规）");
        await officer.GetByLabel("罚款（元）").FillAsync("500");
        await officer.GetByLabel("地点").FillAsync("河东街道夜市 12 号摊位");
        await officer.Locator("input[name=Officers]").Nth(1).CheckAsync();
        await officer.GetByLabel("当事人陈述、申辩").FillAsync("当事人表示立即改正，无其他异议");
        await officer.GetByLabel("已当场收缴罚款").CheckAsync();

        // 500 yuan is not taken on the spot (第六十八条): refused by its field in Chinese, with what was typed kept.
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存当场处罚决定" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".errors, .error").First).ToContainTextAsync("100 元以下");
        await Assertions.Expect(officer.GetByLabel("当事人", new() { Exact = true })).ToHaveValueAsync(party);
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the on-the-spot form");
        await ShotAsync(officer, "enforcement-summary-phone");
        await officer.GetByLabel("已当场收缴罚款").UncheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存当场处罚决定" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-summary]")).ToHaveTextAsync("简易程序");
        await Assertions.Expect(officer.Locator("[data-number]")).ToContainTextAsync("当罚〔");
        await Assertions.Expect(officer.Locator("[data-stage]")).ToHaveTextAsync("执行中");
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on the decision");
        var caseUrl = officer.Url.Split('#')[0];

        // The party's written application to pay in two parts, recorded by the officer.
        await officer.Locator("[data-plan-request] summary").ClickAsync();
        await officer.GetByLabel("经济困难的情况").FillAsync("摊位刚开业，现金不足，申请分两期缴纳。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存" }).Last.ClickAsync();
        await Assertions.Expect(officer.Locator("#payment-plan [data-plan=Pending]")).ToContainTextAsync("待批准");

        // The head, at the desk, files the decision and sets the schedule.
        var head = await fixture.SignedInAsync("coordinator@210503", 1280, 900);
        await head.GotoAsync(caseUrl);
        await head.GetByRole(AriaRole.Button, new() { Name = "备案", Exact = true }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-clock=file]")).ToContainTextAsync("已备案");
        var first = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd");
        var second = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd");
        await head.GetByLabel("第 1 期日期").FillAsync(first);
        await head.GetByLabel("第 1 期金额").FillAsync("250");
        await head.GetByLabel("第 2 期日期").FillAsync(second);
        await head.GetByLabel("第 2 期金额").FillAsync("200");
        await head.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(head.Locator("#payment-plan .errors")).ToContainTextAsync("应等于应缴的罚没款 500.00 元");
        await head.GetByLabel("第 1 期日期").FillAsync(first);
        await head.GetByLabel("第 1 期金额").FillAsync("250");
        await head.GetByLabel("第 2 期日期").FillAsync(second);
        await head.GetByLabel("第 2 期金额").FillAsync("250");
        await head.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(head.Locator("#payment-plan [data-plan=Approved] [data-instalments] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(head.Locator("[data-clock=pay]")).ToContainTextAsync(first);
        await ShotAsync(head, "enforcement-instalments-desktop");

        // On the officer's phone, the next part is what the payment form asks for.
        await officer.ReloadAsync(); // the page the officer left open shows the head's schedule
        await Assertions.Expect(officer.Locator("[data-next-part]")).ToContainTextAsync("第 1 期");
        await Assertions.Expect(officer.GetByLabel("缴纳金额（元）")).ToHaveValueAsync("250.00");
        await officer.Context.CloseAsync();
        await head.Context.CloseAsync();
    }
}
