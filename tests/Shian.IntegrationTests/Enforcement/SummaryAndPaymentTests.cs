using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shian.Enforcement.Rules;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;
using Shian.Kernel.Calendar;

namespace Shian.IntegrationTests.Enforcement;

/// <summary>
/// 简易程序 and 延期/分期缴纳 over HTTP on both databases: an on-the-spot penalty refused outside its limits and its district,
/// one taken on the spot with its receipt and filed by the head, one settling a failed sample's clue that the sampling record
/// then shows; a fine paid in two parts on the head's schedule after the party applied online, the late part with its own
/// surcharge, and an application after the payment date refused. The class's clock starts at Wed 25 Nov 2026 and the plan
/// test moves it on.
/// </summary>
public abstract class SummaryAndPaymentTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private WorkingDayCalendar Calendar => factory.Services.GetRequiredService<WorkingDayCalendarProvider>().Current;

    private Task<JsonElement> JsonAsync(HttpResponseMessage res, HttpStatusCode expected) => EnforcementHttp.JsonAsync(factory, res, expected);

    private async Task<JsonElement> ErrorsAsync(HttpResponseMessage res) => (await JsonAsync(res, HttpStatusCode.BadRequest)).GetProperty("errors");

    /// <summary>An on-the-spot decision by 溪湖区's officer and inspector, with what differs from a 150-yuan fine to a vendor.</summary>
    private static Dictionary<string, object?> Decision(params (string Key, object? Value)[] changes)
    {
        var d = new Dictionary<string, object?>
        {
            ["party"] = "流动摊贩张某", ["partyIsPerson"] = true, ["regionCode"] = "210503001000", ["cause"] = "食品摊贩未按规定公示登记卡",
            ["facts"] = "执法人员在河东街道夜市检查，当事人经营烤冷面，未在摊位醒目位置公示登记卡，现场拍照 2 张。",
            ["legalBasis"] = "《辽宁省食品小作坊小餐饮及食品摊贩管理条例》（示例条款）", ["fine"] = 150m, ["decidedOn"] = null, ["place"] = "河东街道夜市",
            ["officers"] = new[] { "officer@210503", "inspector@210503" }, ["statement"] = "无异议", ["collectedOnSpot"] = false,
        };
        foreach (var (k, v) in changes)
        {
            d[k] = v;
        }

        return d;
    }

    [Fact]
    public async Task AnOnTheSpotPenalty_StaysWithinItsLimits_IsCollectedAgainstAReceipt_AndIsFiledByTheHead()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var today = factory.Today;

        // Refusals name their fields: 3 500 yuan to an organisation, one officer, no basis or statement, a 500-yuan fine taken on the spot.
        var bad = await ErrorsAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("partyIsPerson", false), ("fine", 3500m), ("legalBasis", " "),
            ("statement", null), ("officers", new[] { "officer@210503" }), ("decidedOn", Day(today))), Ct));
        Assert.Contains("3000 元", bad.GetProperty("fine")[0].GetString(), StringComparison.Ordinal);
        Assert.True(bad.TryGetProperty("legalBasis", out _) && bad.TryGetProperty("statement", out _));
        Assert.Contains("两人", bad.GetProperty("officers")[0].GetString(), StringComparison.Ordinal);
        var collected = await ErrorsAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("partyIsPerson", false), ("fine", 500m), ("collectedOnSpot", true),
            ("receiptNumber", "No.1"), ("decidedOn", Day(today))), Ct));
        Assert.Contains("100 元以下", collected.GetProperty("collectedOnSpot")[0].GetString(), StringComparison.Ordinal);
        var foodLaw = await ErrorsAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("partyIsPerson", false), ("fine", 2000m), ("article", "Art124"),
            ("decidedOn", Day(today))), Ct));
        Assert.Contains("普通程序", foodLaw.GetProperty("article")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("article", 9), ("decidedOn", Day(today))), Ct)).StatusCode);

        // Another district's place is refused as such; a lab account may not decide penalties at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("regionCode", "210504002000"), ("decidedOn", Day(today))), Ct)).StatusCode);
        var lab = await factory.ClientAsAsync("lab@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await lab.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("decidedOn", Day(today))), Ct)).StatusCode);

        // 100 yuan taken on the spot against the receipt: decided, paid and closed at once; numbered in its own series.
        var created = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("fine", 100m), ("collectedOnSpot", true),
            ("receiptNumber", "辽财罚 No.0012345"), ("decidedOn", Day(today))), Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{id}", Ct);
        Assert.Equal("Summary", c.GetProperty("procedure").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("number").ValueKind);
        Assert.Matches($@"^当罚〔{today.Year}〕\d+ 号$", c.GetProperty("decisionNumber").GetString()!);
        Assert.Equal("Closed", c.GetProperty("stage").GetString());
        Assert.Equal(100m, c.GetProperty("amountPaid").GetDecimal());
        Assert.Equal("辽财罚 No.0012345", c.GetProperty("receiptNumber").GetString());
        Assert.Equal(SummaryProcedure.FileBy(Calendar, today, 7), Date(c.GetProperty("fileBy")));
        var clue = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{c.GetProperty("clueId").GetString()}", Ct);
        Assert.Equal("Summary", clue.GetProperty("status").GetString());

        // The next one takes the next number of the series; the 立案 numbers are untouched.
        var next = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("party", "流动摊贩李某"), ("fine", 0m), ("warning", true),
            ("decidedOn", Day(today))), Ct), HttpStatusCode.Created);
        var n1 = int.Parse(System.Text.RegularExpressions.Regex.Match(c.GetProperty("decisionNumber").GetString()!, @"〕(\d+) 号").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var second = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{next.GetProperty("id").GetString()}", Ct);
        Assert.Equal($"当罚〔{today.Year}〕{n1 + 1} 号", second.GetProperty("decisionNumber").GetString());

        // The decision document: its own form, the receipt, the officers' certificates; no 立案审批表.
        var text = await EnforcementHttp.DocxTextAsync(await officer.GetAsync($"/api/v1/enforcement/cases/{id}/documents/Decision", Ct));
        Assert.Contains("当场行政处罚决定书", text, StringComparison.Ordinal);
        Assert.Contains(c.GetProperty("decisionNumber").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("辽财罚 No.0012345", text, StringComparison.Ordinal);
        Assert.Contains("执法证号", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/v1/enforcement/cases/{id}/documents/Opening", Ct)).StatusCode);

        // The photos taken on the spot are added as evidence until the decision is filed.
        var photo = await Uploads.UploadTextAsync(officer, "210503001000", "现场照片说明.txt", "摊位未公示登记卡的照片 2 张", Ct);
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{id}/evidence",
            new { kind = "SiteRecord", description = "现场照片，证明摊位未公示登记卡", collectedOn = Day(today), attachmentId = photo }, Ct), HttpStatusCode.Created);

        // 备案 by the head, once; the deciding officer may not (and has no approval right); 明山区 cannot see the decision.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{id}/filing", new { }, Ct)).StatusCode);
        await JsonAsync(await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{id}/filing", new { note = "程序合法" }, Ct), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{id}/filing", new { }, Ct)).StatusCode);
        var late = await Uploads.UploadTextAsync(officer, "210503001000", "补充照片.txt", "备案后补充", Ct);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{id}/evidence",
            new { kind = "SiteRecord", description = "备案后补充", collectedOn = Day(today), attachmentId = late }, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{id}", Ct);
        Assert.Equal(Day(today), c.GetProperty("filedOn").GetString());
        Assert.Contains(c.GetProperty("history").EnumerateArray(), e => e.GetProperty("text").GetString()!.StartsWith("当场处罚决定已备案：程序合法", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210504")).GetAsync($"/api/v1/enforcement/cases/{id}", Ct)).StatusCode);
        Assert.Contains(id, await officer.GetStringAsync("/api/v1/enforcement/cases?stage=Closed", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSamplesClue_SettledByAnOnTheSpotWarning_ShowsOnTheSample()
    {
        var name = "当场处罚菜店" + Guid.NewGuid().ToString("N")[..4];
        var (_, sampleId, _) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, name);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{sampleId}/results", Sampling.SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");
        var clueId = await EnforcementHttp.ArrivedClueAsync(officer, name);

        var created = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("clueId", clueId), ("party", null), ("regionCode", null),
            ("partyIsPerson", false), ("fine", 0m), ("warning", true), ("cause", "未履行进货查验义务"), ("legalBasis", "《食品安全法》第一百二十六条第一款第（三）项"), ("article", "Art126"),
            ("place", name), ("decidedOn", Day(factory.Today))), Ct), HttpStatusCode.Created);
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{created.GetProperty("id").GetString()}", Ct);
        Assert.StartsWith(name, c.GetProperty("party").GetString(), StringComparison.Ordinal);
        Assert.Equal("Closed", c.GetProperty("stage").GetString());

        // The clue is settled: not again, and not as a case.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", Decision(("clueId", clueId), ("decidedOn", Day(factory.Today))), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new { open = false, reason = "再议" }, Ct)).StatusCode);

        await Eventually.TrueAsync(async () =>
        {
            var sample = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{sampleId}", Ct);
            var step = sample.GetProperty("disposition").GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "案件线索（立案决定）");
            return step.GetProperty("note").GetString() == $"已当场处罚（{c.GetProperty("decisionNumber").GetString()}）";
        }, "the on-the-spot decision on the sample's disposition");
    }

    [Fact]
    public async Task AFine_IsPaidInParts_OnTheHeadsSchedule_TheLatePartWithItsOwnSurcharge()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var ids = RegistryTests.NextIds();
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "分期缴纳小吃店", ids: ids);
        var owner = await RegistryTests.BusinessAccountAsync(factory, ids.Uscc);
        var today = factory.Today;
        var fine = Decision(("businessId", businessId), ("party", null), ("partyIsPerson", false), ("fine", 3000m), ("decidedOn", Day(today)));
        var caseId = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", fine, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var other = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/enforcement/summary-penalties", fine, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal("Executing", c.GetProperty("stage").GetString());
        var payBy = Date(c.GetProperty("payBy"));
        Assert.Equal(CaseDeadlines.PayBy(Calendar, today), payBy);

        // The party applies online from 我的企业; the officers are told; a second request waits for the first.
        var (browser, _) = await factory.BrowserAsAsync(owner);
        Assert.Contains("申请延期或分期缴纳", System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/enforcement/mine", Ct)), StringComparison.Ordinal);
        var blank = await AccountsTests.PostFormAsync(browser, $"/enforcement/mine?id={caseId}", AccountsTests.Form(("kind", "Instalments"), ("reason", " ")), handler: "Plan");
        Assert.Contains("经济困难", System.Net.WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var applied = await AccountsTests.PostFormAsync(browser, $"/enforcement/mine?id={caseId}", AccountsTests.Form(("kind", "Instalments"), ("reason", "受疫情影响营业额下降，申请分两期缴纳。")), handler: "Plan");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray(), n => n.GetProperty("title").GetString() == "当事人申请分期缴纳：分期缴纳小吃店");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment-plans", new { kind = "Deferral", reason = "再申请", receivedOn = Day(today) }, Ct)).StatusCode);

        // The head decides: officers may not; a schedule that does not add up is refused by field; then two parts.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment-plans/decision", new { approve = true }, Ct)).StatusCode);
        var (first, second) = (today.AddDays(10), today.AddDays(40));
        var wrong = await ErrorsAsync(await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment-plans/decision",
            new { approve = true, schedule = new[] { new { dueOn = Day(first), amount = 1500m }, new { dueOn = Day(second), amount = 1000m } } }, Ct));
        Assert.Contains("应等于应缴的罚没款 3000.00 元", wrong.GetProperty("schedule")[0].GetString(), StringComparison.Ordinal);
        await JsonAsync(await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment-plans/decision",
            new { approve = true, schedule = new[] { new { dueOn = Day(first), amount = 1500m }, new { dueOn = Day(second), amount = 1500m } }, opinion = "同意分两期" }, Ct), HttpStatusCode.NoContent);
        var plans = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/payment-plans", Ct);
        Assert.Equal("Approved", plans[0].GetProperty("status").GetString());
        Assert.True(plans[0].GetProperty("byParty").GetBoolean());
        Assert.Equal(2, plans[0].GetProperty("schedule").GetArrayLength());
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal(Day(first), c.GetProperty("payBy").GetString());

        // Part 1 on its date; the case waits for part 2.
        Assert.Contains("1500.00", (await ErrorsAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(today), amount = 3000m }, Ct)))
            .GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(today), amount = 1500m }, Ct), HttpStatusCode.NoContent);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal(Day(second), c.GetProperty("payBy").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("paidOn").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/close", new { }, Ct)).StatusCode);

        // Part 2 two days late: 1 500 × 3 % × 2 = 90 yuan on that part alone.
        factory.Clock.Advance(TimeSpan.FromDays(second.DayNumber - today.DayNumber + 2));
        officer = await factory.ClientAsAsync("officer@210503"); // the access token ran out with the days
        var late = second.AddDays(2);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal(1500m, c.GetProperty("owed").GetProperty("principal").GetDecimal());
        Assert.Equal(90m, c.GetProperty("owed").GetProperty("surcharge").GetDecimal());
        Assert.Contains("1590.00", (await ErrorsAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(late), amount = 1500m }, Ct)))
            .GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(late), amount = 1590m }, Ct), HttpStatusCode.NoContent);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal(Day(late), c.GetProperty("paidOn").GetString());
        Assert.Equal(3090m, c.GetProperty("amountPaid").GetDecimal());
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/close", new { note = "分期缴清" }, Ct), HttpStatusCode.NoContent);

        // The other fine's date has passed: an application now is refused, with the reason.
        var tooLate = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{other}/payment-plans", new { kind = "Deferral", reason = "资金周转困难", receivedOn = Day(late) }, Ct);
        Assert.Contains("届满前", (await JsonAsync(tooLate, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210504")).GetAsync($"/api/v1/enforcement/cases/{caseId}/payment-plans", Ct)).StatusCode);
    }
}

public sealed class SummaryAndPaymentSqliteTests(SqliteShianFactory factory) : SummaryAndPaymentTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class SummaryAndPaymentPostgresTests(PostgresShianFactory factory) : SummaryAndPaymentTests(factory), IClassFixture<PostgresShianFactory>;
