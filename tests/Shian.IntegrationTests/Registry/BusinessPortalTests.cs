using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.IntegrationTests.Registry;

/// <summary>
/// 我的企业 (#19): a food business's own portal lists what it must do across the modules, by date — renew a licence, report a
/// rectification, apply for 复检, state its case, pay a fine, ask for credit repair — and lets it act online; its
/// 主体责任 self-reports count only once an officer confirms them; another business sees none of it.
/// </summary>
public abstract partial class BusinessPortalTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Day(int offset = 0) => factory.Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<string> BusinessAccountAsync(string uscc) => RegistryTests.BusinessAccountAsync(factory, uscc);

    /// <summary>Stores records as the enforcement and credit modules would have (their own flows are tested in their modules).</summary>
    private async Task StoreAsync(params object[] records)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        foreach (var r in records)
        {
            db.Add(r);
        }

        await db.SaveChangesAsync(Ct);
    }

    private readonly List<object> _clues = [];

    /// <summary>A case (with the opened clue it rests on) as the enforcement module would store it.</summary>
    private EnforcementCase Case(string uscc, string cause, CaseStage stage)
    {
        var clue = new CaseClue
        {
            RegionCode = "210503001000", Source = Shian.Enforcement.Contracts.CaseClueSource.Field, BusinessName = "门户测试餐馆", Summary = cause, FoundOn = factory.Today.AddDays(-60),
            DecisionDue = factory.Today.AddDays(-40), Status = ClueStatus.Opened, ReceivedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        _clues.Add(clue);
        return NewCase(uscc, cause, stage, clue.Id);
    }

    private EnforcementCase NewCase(string uscc, string cause, CaseStage stage, Guid clueId) => new()
    {
        RegionCode = "210503001000", County = "210503000000", ClueId = clueId, BusinessUscc = uscc, Party = "门户测试餐馆", Cause = cause,
        Officers = "officer@210503、inspector@210503", Stage = stage, ViolationEndedOn = factory.Today.AddDays(-60), DecisionDue = factory.Today.AddDays(30),
        Outcome = CaseOutcome.Penalty, Fine = 5_000m, UpdatedAtUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task TheBusiness_SeesWhatItMustDoByDate_AndActsOnline_WhileAnotherBusinessSeesNothing()
    {
        var ids = RegistryTests.NextIds();
        var officer = await factory.ClientAsAsync("officer@210503");
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "门户测试餐馆", ids: ids);
        var owner = await BusinessAccountAsync(ids.Uscc);
        var strangerIds = RegistryTests.NextIds();
        await RegistryTests.RegisterAsync(officer, "210503001000", "门户测试邻店", ids: strangerIds);
        var stranger = await BusinessAccountAsync(strangerIds.Uscc);

        // The licence renewed to a date 30 days away: the 经营许可 window (90 working days) is open and closes 15 working days before.
        var profile = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{businessId}", Ct);
        var licenceId = profile.GetProperty("licences")[0].GetProperty("id").GetString();
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{businessId}/licences", new
        {
            number = RegistryTests.NextIds().Licence, issuer = "溪湖区市场监督管理局", issuedOn = "2021-12-26", validTo = "2026-12-25", supersedes = licenceId,
        }, Ct)).EnsureSuccessStatusCode();
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Shian.Registry.RenewalReminders>().RunAsync(factory.Today, Ct);
        }

        Assert.Contains((await (await factory.ClientAsAsync(owner)).GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray(),
            n => n.GetProperty("title").GetString()!.StartsWith("许可证即将到期：", StringComparison.Ordinal)); // the business is told, not only the district

        // Cases from the 告知 on: one in its 陈述申辩 period, one decided and served but unpaid past its date; a suggestion and
        // another business's case stay out of sight.
        var notified = Case(ids.Uscc, "经营超过保质期的食品", CaseStage.Notified);
        notified.NoticeServedOn = factory.Today.AddDays(-1);
        notified.StatementBy = new DateOnly(2026, 12, 1);
        notified.HearingRight = true;
        var unpaid = Case(ids.Uscc, "未按规定查验进货凭证", CaseStage.Executing);
        unpaid.NoticeServedOn = new DateOnly(2026, 10, 10);
        unpaid.DecidedOn = new DateOnly(2026, 10, 28);
        unpaid.DecisionYear = 2026;
        unpaid.DecisionNumber = 41;
        unpaid.ServedOn = new DateOnly(2026, 11, 1);
        unpaid.PayBy = new DateOnly(2026, 11, 16);
        var paid = Case(ids.Uscc, "从业人员未取得健康证明", CaseStage.Closed);
        paid.NoticeServedOn = new DateOnly(2025, 9, 1);
        paid.DecidedOn = new DateOnly(2025, 9, 20);
        paid.ServedOn = new DateOnly(2025, 9, 22);
        paid.PaidOn = new DateOnly(2025, 10, 1);
        paid.ClosedOn = new DateOnly(2025, 10, 8);
        var investigating = Case(ids.Uscc, "调查中的案件不告诉当事人", CaseStage.Investigating);
        var others = Case(strangerIds.Uscc, "邻店的案件", CaseStage.Notified);
        others.NoticeServedOn = factory.Today.AddDays(-1);
        others.StatementBy = new DateOnly(2026, 12, 1);

        // Credit: a 3-year publication past its first year (repair open), a listing notice in its period, a suggestion.
        var publication = new PenaltyPublication
        {
            RegionCode = "210503001000", CaseId = paid.Id, Party = "门户测试餐馆", Uscc = ids.Uscc, DecisionNumber = "罚〔2025〕9 号", DecidedOn = paid.DecidedOn.Value,
            Violation = "从业人员未取得健康证明", Content = "罚款 5000 元", PeriodMonths = 36, PublishBy = new DateOnly(2025, 10, 15), Status = PublicationStatus.Published,
            PublishedOn = new DateOnly(2025, 10, 9), ShowUntil = new DateOnly(2028, 10, 9), UpdatedAtUtc = DateTime.UtcNow,
        };
        var noticed = new SeriousListing
        {
            RegionCode = "210503001000", CaseId = unpaid.Id, Party = "门户测试餐馆", Uscc = ids.Uscc, DecisionNumber = "罚〔2026〕41 号", PenaltyDecidedOn = unpaid.DecidedOn.Value,
            Penalty = "罚款 5000 元", Status = ListingStatus.Noticed, NoticeServedOn = factory.Today.AddDays(-2), StatementBy = new DateOnly(2026, 12, 2), UpdatedAtUtc = DateTime.UtcNow,
        };
        var suggested = new SeriousListing
        {
            RegionCode = "210503001000", CaseId = notified.Id, Party = "门户测试餐馆", Uscc = ids.Uscc, DecisionNumber = "内部建议不告诉当事人", PenaltyDecidedOn = factory.Today,
            Penalty = "罚款", Status = ListingStatus.Suggested, UpdatedAtUtc = DateTime.UtcNow,
        };
        await StoreAsync([.. _clues, notified, unpaid, paid, investigating, others, publication, noticed, suggested]);

        // 我的企业: the actions in date order, each with its date; the investigation and the suggestion are not shown.
        var (browser, _) = await factory.BrowserAsAsync(owner);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/business", Ct));
        Assert.Contains("门户测试餐馆", page, StringComparison.Ordinal);
        var actions = System.Text.RegularExpressions.Regex.Matches(page, "<li data-action[^>]*>\\s*<a href=\"[^\"]+\"><strong>([^<]+)</strong></a>\\s*(?:<span class=\"[^\"]*\" data-due=\"([0-9-]+)\")?")
            .Select(m => (Title: m.Groups[1].Value, Due: m.Groups[2].Value)).ToList();
        Assert.Equal(("缴纳罚没款 5000 元（罚〔2026〕41 号）", "2026-11-16"), actions[0]); // overdue first
        Assert.Contains(("陈述、申辩或要求听证：经营超过保质期的食品", "2026-12-01"), actions);
        Assert.Contains(("对拟列入严重违法失信名单陈述申辩", "2026-12-02"), actions);
        Assert.Contains(actions, a => a.Title.StartsWith("申请延续许可证：", StringComparison.Ordinal) && a.Due == "2026-12-04");
        Assert.Contains(actions, a => a.Title == "可申请信用修复（提前停止公示）" && a.Due == "");
        Assert.DoesNotContain("调查中的案件", page, StringComparison.Ordinal);
        Assert.DoesNotContain("内部建议", page, StringComparison.Ordinal);
        Assert.DoesNotContain("邻店的案件", page, StringComparison.Ordinal);

        // The fine's surcharge: 3 % a day for the 9 days past 16 November (《行政处罚法》第七十二条).
        var cases = WebUtility.HtmlDecode(await browser.GetStringAsync("/enforcement/mine", Ct));
        Assert.Contains("data-surcharge=\"1350\"", cases, StringComparison.Ordinal);
        Assert.Contains("六十日内申请行政复议", cases, StringComparison.Ordinal);

        // The 陈述申辩 online: the officers are told; a second one is refused; another business's case is not found.
        var stated = await AccountsTests.PostFormAsync(browser, $"/enforcement/mine?id={notified.Id}", AccountsTests.Form(("statement", "所涉食品系供货商错发，已全部下架销毁。"), ("hearing", "true")), handler: "Statement");
        Assert.Equal(HttpStatusCode.Redirect, stated.StatusCode);
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray(), n => n.GetProperty("title").GetString() == "当事人要求听证：门户测试餐馆");
        var caseJson = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{notified.Id}", Ct);
        Assert.Equal(Day(), caseJson.GetProperty("hearingRequestedOn").GetString());
        var again = await AccountsTests.PostFormAsync(browser, $"/enforcement/mine?id={notified.Id}", AccountsTests.Form(("statement", "再说一次")), handler: "Statement");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the page again, with the error
        Assert.Contains("已经提交过陈述申辩", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var foreign = await AccountsTests.PostFormAsync(browser, $"/enforcement/mine?id={others.Id}", AccountsTests.Form(("statement", "不是我的案件")), handler: "Statement");
        Assert.Contains("案件不存在或不在您的辖区", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // Credit through the API: the listing statement once, within its period; repair of the publication; the suggestion is not found.
        var api = await factory.ClientAsAsync(owner);
        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/credit/mine", Ct);
        Assert.Single(mine.GetProperty("listings").EnumerateArray());
        Assert.True(mine.GetProperty("publications")[0].GetProperty("mayApplyRepair").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/credit/mine/listings/{noticed.Id}/statement", new { statement = "已足额缴纳罚款，请求不予列入。" }, Ct)).StatusCode);
        Assert.Equal("credit.statement-filed", await (await api.PostAsJsonAsync($"/api/v1/credit/mine/listings/{noticed.Id}/statement", new { statement = "再次" }, Ct)).ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/credit/mine/listings/{suggested.Id}/statement", new { statement = "x" }, Ct)).StatusCode);
        var refused = await api.PostAsJsonAsync($"/api/v1/credit/mine/publications/{publication.Id}/repair", new { application = "已整改", harmRemoved = false }, Ct);
        Assert.Equal("credit.repair-refused", await refused.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/credit/mine/publications/{publication.Id}/repair", new { application = "已履行处罚决定，全员取得健康证明。", harmRemoved = true }, Ct)).StatusCode);

        // Another business: nothing of this one's, and no action on its records; staff cannot open 我的企业.
        var (other, _) = await factory.BrowserAsAsync(stranger);
        var otherPage = WebUtility.HtmlDecode(await other.GetStringAsync("/business", Ct));
        Assert.DoesNotContain("门户测试餐馆", otherPage, StringComparison.Ordinal);
        Assert.Contains("邻店的案件", WebUtility.HtmlDecode(await other.GetStringAsync("/enforcement/mine", Ct)), StringComparison.Ordinal);
        var otherApi = await factory.ClientAsAsync(stranger);
        Assert.Empty((await otherApi.GetFromJsonAsync<JsonElement>("/api/v1/credit/mine", Ct)).GetProperty("publications").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsJsonAsync($"/api/v1/credit/mine/publications/{publication.Id}/repair", new { application = "冒名", harmRemoved = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/credit/mine", Ct)).StatusCode);
        var (staff, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/business", Ct)).StatusCode);
    }

    [Fact]
    public async Task ASelfReport_CountsOnlyOnceAnOfficerConfirmsIt_AndADeclinedOneTellsTheBusinessWhy()
    {
        var ids = RegistryTests.NextIds();
        var officer = await factory.ClientAsAsync("officer@210503");
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "自报测试餐馆", ids: ids);
        var owner = await BusinessAccountAsync(ids.Uscc);
        var business = await factory.ClientAsAsync(owner);

        async Task<int> InsuredAsync() => (await officer.GetFromJsonAsync<JsonElement>("/api/v1/businesses/duty-rates?regionCode=210503000000", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "LiabilityInsurance").GetProperty("meeting").GetInt32();
        var before = await InsuredAsync();

        // The business reports its insurance on its portal form with the policy as evidence.
        var (browser, _) = await factory.BrowserAsAsync(owner);
        var portal = await browser.GetStringAsync("/business", Ct);
        var form = new MultipartFormDataContent
        {
            { new StringContent("LiabilityInsurance"), "kind" }, { new StringContent("PICC-2026-7788"), "value" }, { new StringContent("2026-01-01"), "since" },
            { new StringContent("2026-12-31"), "until" }, { new StringContent(ShianFactory.AntiforgeryToken(portal)), "__RequestVerificationToken" },
        };
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "evidence", "policy.pdf");
        var posted = await browser.PostAsync($"/registry/{businessId}?handler=Duty", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/business?saved=duty#duties", posted.Headers.Location?.OriginalString);

        var duties = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{businessId}/duties", Ct);
        var duty = duties.EnumerateArray().Single();
        Assert.False(duty.GetProperty("confirmed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, duty.GetProperty("evidenceId").ValueKind);
        Assert.Equal(before, await InsuredAsync()); // not counted while it waits
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray(), n => n.GetProperty("title").GetString() == "经营者自报主体责任事项待确认：自报测试餐馆");
        Assert.Contains("待确认", WebUtility.HtmlDecode(await browser.GetStringAsync("/business", Ct)), StringComparison.Ordinal);

        // The business cannot confirm its own report; a decline needs a reason; the officer confirms and the rate counts it.
        var dutyId = duty.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostAsJsonAsync($"/api/v1/duties/{dutyId}/review", new { confirm = true }, Ct)).StatusCode);
        Assert.Equal("registry.duty-review-invalid", await (await officer.PostAsJsonAsync($"/api/v1/duties/{dutyId}/review", new { confirm = false }, Ct)).ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210504")).PostAsJsonAsync($"/api/v1/duties/{dutyId}/review", new { confirm = true }, Ct)).StatusCode);
        (await officer.PostAsJsonAsync($"/api/v1/duties/{dutyId}/review", new { confirm = true }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(before + 1, await InsuredAsync());
        Assert.Equal("registry.duty-reviewed", await (await officer.PostAsJsonAsync($"/api/v1/duties/{dutyId}/review", new { confirm = true }, Ct)).ProblemCodeAsync(Ct));

        // A second report (self-inspection) declined with a reason: the business is told and the portal asks it to report again.
        (await business.PostAsJsonAsync($"/api/v1/businesses/{businessId}/duties", new { kind = "SelfInspectionReport", value = "2026 年度自查", since = "2026-11-01" }, Ct)).EnsureSuccessStatusCode();
        var second = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{businessId}/duties", Ct)).EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "SelfInspectionReport");
        (await officer.PostAsJsonAsync($"/api/v1/duties/{second.GetProperty("id").GetString()}/review", new { confirm = false, reason = "未附自查报告" }, Ct)).EnsureSuccessStatusCode();
        Assert.Contains((await business.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct)).EnumerateArray(), n => n.GetProperty("title").GetString() == "主体责任事项被退回：食品安全自查报告");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/business", Ct));
        Assert.Contains("主体责任事项被退回：食品安全自查报告", page, StringComparison.Ordinal);
        Assert.Contains("未附自查报告", page, StringComparison.Ordinal);

        // An unknown kind from the form is a clear error, nothing stored.
        var bad = await AccountsTests.PostFormAsync(browser, $"/registry/{businessId}", AccountsTests.Form(("kind", "99")), handler: "Duty");
        Assert.Contains("请选择主体责任事项", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(2, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{businessId}/duties", Ct)).GetArrayLength());
    }
}

public sealed class BusinessPortalSqliteTests(SqliteShianFactory factory) : BusinessPortalTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class BusinessPortalPostgresTests(PostgresShianFactory factory) : BusinessPortalTests(factory), IClassFixture<PostgresShianFactory>;
