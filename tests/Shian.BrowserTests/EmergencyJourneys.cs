using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Shian.BrowserTests;

/// <summary>
/// 信息直报 and 应急指挥 (#20): a school canteen reports a suspected outbreak from a phone in under two minutes; the district
/// officer finds it graded Ⅲ级 (a school, raised one level) with the first report's hour clock running, sends the first
/// report in time and sees the next progress report fall due; the network page shows which streets have a reporter.
/// Each page at 375 px without sideways scrolling, and at 1280 px.
/// </summary>
public sealed class EmergencyJourneys(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> ApiAsync(string user) => fixture.ApiAsync(user);

    /// <summary>A school canteen registered in 河东街道 by the district, and an account for it.</summary>
    private async Task<(string UserName, string Name)> SchoolAsync()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var first17 = $"12210503MB{n:D6}X";
        var uscc = first17 + Kernel.Identifiers.Uscc.CheckCharacter(first17);
        var name = $"溪湖区实验小学食堂{n % 1000:D3}";
        var officer = await ApiAsync("officer@210503");
        var registered = await officer.PostAsJsonAsync("/api/v1/businesses", new
        {
            name, uscc, kind = "学校食堂", regionCode = "210503001000", address = "河沿街 18 号", responsiblePerson = "王校长", responsiblePersonId = "210503199001011235",
            floorArea = 300, employees = 12, licenceNumber = $"JY3210503{n:D6}1", licenceIssuer = "本溪市溪湖区市场监督管理局", licenceIssuedOn = "2024-03-01", licenceValidTo = "2029-02-28",
        }, Ct);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Kernel.Users.ShianUser>>();
        var user = new Kernel.Users.ShianUser { UserName = $"school{n}", DisplayName = "实验小学食堂负责人", BusinessUscc = uscc, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Kernel.Users.DemoOptions.DefaultPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Kernel.Users.ShianRoles.Business)).Succeeded);
        return (user.UserName, name);
    }

    private static async Task NoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling: " + what);

    [Fact]
    public async Task ASchoolReportsFromAPhone_TheDistrictFindsItGraded_AndSendsTheFirstReportInTime()
    {
        var (account, name) = await SchoolAsync();

        // The school, on a phone: 直报 from the bottom bar, the numbers, what happened, send.
        var school = await fixture.SignedInAsync(account, 375, 740);
        await school.GetByRole(AriaRole.Link, new() { Name = "直报", Exact = true }).ClickAsync();
        await Assertions.Expect(school.Locator("main h1")).ToHaveTextAsync("食品安全事故信息直报");
        await Assertions.Expect(school.GetByLabel("发生场所")).ToHaveValueAsync("School");
        await school.GetByLabel("发病人数").FillAsync("36");
        await school.GetByLabel("住院人数").FillAsync("8");
        await school.GetByLabel("发生了什么").FillAsync("午餐后约两小时，三年级多名学生腹痛、呕吐，已送区医院。");
        await school.GetByLabel("主要症状").FillAsync("腹痛、呕吐");
        await school.GetByLabel("可疑食品").FillAsync("午餐凉拌菜");
        await NoSidewaysScrollAsync(school, "the direct report form");
        await school.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "incident-report-phone.png"), FullPage = true });
        await school.GetByRole(AriaRole.Button, new() { Name = "立即报告" }).ClickAsync();
        await Assertions.Expect(school.Locator("[data-receipt]")).ToContainTextAsync("已报告");

        // A form sent with a wrong number is refused under its field, in Chinese.
        await school.GetByLabel("发病人数").FillAsync("3");
        await school.GetByLabel("住院人数").FillAsync("5");
        await school.GetByLabel("发生了什么").FillAsync("补报");
        await school.GetByRole(AriaRole.Button, new() { Name = "立即报告" }).ClickAsync();
        await Assertions.Expect(school.Locator("main")).ToContainTextAsync("住院人数应为 0 至发病人数");

        // The district officer at a desk: the incident is first in the list, graded Ⅲ级, the first report's clock running.
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/emergencies");
        var card = officer.Locator("li[data-incident]").Filter(new() { HasText = name });
        await Assertions.Expect(card).ToContainTextAsync("Ⅲ级（较大）");
        await Assertions.Expect(card.Locator("[data-next-report]")).ToContainTextAsync("首报");
        await Assertions.Expect(card.Locator("[data-clock]")).ToContainTextAsync("还剩");
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(officer.Locator("[data-grade]")).ToHaveTextAsync("Ⅲ级（较大）");
        await Assertions.Expect(officer.Locator("[data-numbers]")).ToContainTextAsync("发病 36 人，住院 8 人，死亡 0 人");
        await officer.GetByLabel("报告内容").FillAsync("实验小学 36 名学生午餐后发病，8 人住院，无危重；已封存留样。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "报送首报" }).ClickAsync();
        var initial = officer.Locator("li[data-report=Initial]");
        await Assertions.Expect(initial.Locator("[data-clock]")).ToHaveTextAsync("按时报送");
        await Assertions.Expect(officer.Locator("li[data-report=Progress] [data-clock]")).ToContainTextAsync("还剩 23 小时");
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("已报送首报");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "incident-command-desktop.png"), FullPage = true });

        // The same command view on a phone.
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync(officer.Url);
        await Assertions.Expect(phone.Locator("[data-grade]")).ToHaveTextAsync("Ⅲ级（较大）");
        await NoSidewaysScrollAsync(phone, "the incident command view");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "incident-command-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task TheNetworkPage_ShowsTheStreetsWithoutAReporter()
    {
        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync("/emergencies/network?within=210503000000");
        await Assertions.Expect(officer.Locator("main h1")).ToHaveTextAsync("信息直报网络");
        await Assertions.Expect(officer.Locator("[data-uncovered]")).ToContainTextAsync("尚无信息员");
        await Assertions.Expect(officer.Locator("#chart-coverage canvas")).ToHaveCountAsync(1);
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "reporting-network-desktop.png"), FullPage = true });
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/emergencies/network?within=210503000000");
        await NoSidewaysScrollAsync(phone, "the reporting network");
    }

    [Fact]
    public async Task AnOfficeRecordsATraining_OnAPhone_AndSeesItsNextDueDates()
    {
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/emergencies/preparedness");
        await Assertions.Expect(phone.Locator("main h1")).ToHaveTextAsync("应急准备");
        var office = phone.Locator("li[data-office='210503000000']");
        await Assertions.Expect(office).ToBeVisibleAsync();

        // A drill without its evaluation is refused in Chinese; a training is recorded.
        await phone.Locator("#a-kind").SelectOptionAsync("Drill");
        await phone.Locator("#a-held").FillAsync("2026-11-20");
        await phone.Locator("#a-title").FillAsync("农村集体聚餐食物中毒桌面推演");
        await phone.Locator("#a-participants").FillAsync("30");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#record-activity")).ToContainTextAsync("演练须记录评估情况");
        await phone.Locator("#a-lessons").FillAsync("各街道信息员联络表已过时，已更新。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        await Assertions.Expect(phone.Locator("li[data-office='210503000000'] [data-drill-due]")).ToHaveTextAsync("2028-11-20");
        await Assertions.Expect(phone.Locator("#activities")).ToContainTextAsync("农村集体聚餐食物中毒桌面推演");
        await NoSidewaysScrollAsync(phone, "the preparedness page");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "preparedness-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task AStreetReporter_SendsTheZeroReport_FromAPhone_AndTheBoardShowsIt()
    {
        // The district sets a daily schedule (the demo network names the officer as reporter of most streets).
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync("/emergencies/zero-reports");
        await Assertions.Expect(phone.Locator("main h1")).ToHaveTextAsync("零报告");
        var title = "冬季学校零报告" + Random.Shared.Next(1000, 9999);
        await phone.Locator("#z-title").FillAsync(title);
        await phone.Locator("#z-region").SelectOptionAsync("210503000000");
        await phone.Locator("#z-from").FillAsync("2026-01-05");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#new-schedule")).ToContainTextAsync("开始日期不能早于 31 天前");
        await Assertions.Expect(phone.Locator("#z-title")).ToHaveValueAsync(title);
        await phone.Locator("#z-from").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // Due at midnight: the browser host runs on the real clock, so the day's report is open whenever the test runs.
        await phone.Locator("#z-hour").FillAsync("24");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[data-rule]")).ToContainTextAsync("每日 24 时前报告当日情况");
        await Assertions.Expect(phone.Locator("#schedule option[selected]")).ToContainTextAsync(title);

        // As a reporter the officer owes today's report for each street; one button sends it.
        var first = phone.Locator("#mine li[data-state='Open']", new() { HasText = title }).First;
        var point = await first.GetAttributeAsync("data-owed");
        await first.GetByRole(AriaRole.Button, new() { Name = "本期无事件，报送零报告" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[role=status]")).ToHaveTextAsync("零报告已报送");
        await phone.GotoAsync("/emergencies/zero-reports");
        await phone.Locator("#schedule").SelectOptionAsync(new SelectOptionValue { Label = $"{title}（溪湖区）" });
        await Assertions.Expect(phone.Locator($"tr[data-point='{point}'] td").First).ToHaveTextAsync("按时");
        await Assertions.Expect(phone.Locator("[data-timeliness]")).ToContainTextAsync("100");
        await NoSidewaysScrollAsync(phone, "the zero-report page");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "zero-reports-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task AComplaintOfPupilsFallingIll_IsEscalated_AndTheCommandRecordsWhereTheyFellIll()
    {
        var api = await ApiAsync("officer@210503");
        var created = await api.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = "12345-" + Guid.NewGuid().ToString("N")[..8], kind = "Report", category = "SchoolArea",
            description = "河东街道某小学午饭后好几个学生肚子疼、呕吐", address = "河东街道某小学", regionCode = "210503001000", anonymous = true,
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var officer = await fixture.SignedInAsync("officer@210503", 1280, 900);
        await officer.GotoAsync($"/complaints/{id}");
        await officer.Locator("[data-escalate]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-from-complaint]")).ToContainTextAsync("由投诉举报");
        await Assertions.Expect(officer.Locator("#description")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("好几个学生肚子疼"));
        await officer.Locator("#harmed").FillAsync("7");
        await officer.GetByRole(AriaRole.Button, new() { Name = "立即报告" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-source-complaint]")).ToContainTextAsync("投诉举报转入");

        // On a phone, the command records the school and the hospital; the list and the chart show them.
        var phone = await fixture.SignedInAsync("officer@210503", 375, 740);
        await phone.GotoAsync(officer.Url);
        await phone.Locator("#pl-name").FillAsync("河东街道某小学");
        await phone.Locator("#pl-cases").FillAsync("7");
        await phone.GetByRole(AriaRole.Button, new() { Name = "登记场所" }).ClickAsync();
        await Assertions.Expect(phone.Locator("li[data-place='河东街道某小学']")).ToContainTextAsync("7 人");
        await Assertions.Expect(phone.Locator("#chart-places canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("[data-situation]")).ToHaveTextAsync("下载情况报告（.docx）");
        await NoSidewaysScrollAsync(phone, "the incident with its places");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "incident-places-phone.png"), FullPage = true });

        // The complaint shows it went to the emergency response.
        await officer.GotoAsync($"/complaints/{id}");
        await Assertions.Expect(officer.Locator("[data-incident-link]")).ToContainTextAsync("已转入食品安全事故应急处置", new() { Timeout = 30_000 });
    }
}
