using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shian.Credit.Domain;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Inspections;

/// <summary>
/// The public portal (#19): a result is public only after an officer's review (7-day target); the business replies on
/// its own record and the officer's conclusion stands beside the result on the business's public page, with its
/// current penalties; nothing unpublished or internal reaches the public.
/// </summary>
public abstract partial class PublicPortalTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// <summary>Records a 基本符合 inspection (one general item failed) of a business; returns the record id and the failed item's wording.</summary>
    private async Task<(string Id, string FailedText)> RecordBasicAsync(string businessId)
    {
        var inspector = await factory.ClientAsAsync("inspector@210503");
        var checklist = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{businessId}/checklist", Ct);
        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        var answers = items.ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        var general = items.First(i => !i.GetProperty("key").GetBoolean());
        answers[general.GetProperty("code").GetString()!] = "No";
        var res = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{businessId}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = factory.Today.ToString("yyyy-MM-dd"), answers, findings = "后厨地面积水，排水沟盖板缺失。",
            inspectors = new[] { "inspector@210503", "officer@210503" }, repeat = "Assigned",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("基本符合", body.GetProperty("resultLabel").GetString());
        return (body.GetProperty("id").GetString()!, general.GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task AResult_IsPublicAfterReview_TheBusinessReplies_TheOfficerConfirms_AndThePublicPageShowsBoth()
    {
        var businessId = await RegistryTests.DemoBusinessAsync(factory);
        var (recordId, failedText) = await RecordBasicAsync(businessId);
        var officer = await factory.ClientAsAsync("officer@210503");
        var anonymous = factory.CreateClient();

        // Awaiting review: in the queue with the 7-day target; not on the public page.
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/inspections/publication/queue", Ct);
        var queued = queue.EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId);
        Assert.Equal(factory.Today.AddDays(7).ToString("yyyy-MM-dd"), queued.GetProperty("publishTarget").GetString());
        var before = await anonymous.GetStringAsync($"/public/businesses/{businessId}", Ct);
        Assert.DoesNotContain(failedText, before, StringComparison.Ordinal);

        // The business reads its own record and replies with a photo; a second reply waits for the review.
        var business = await factory.ClientAsAsync("business@210503");
        var reply = await business.PostAsJsonAsync($"/api/v1/inspections/records/{recordId}/replies", new
        {
            text = "已于当日修复排水沟盖板并清理积水，附整改后照片。", photos = new[] { new { fileName = "after.png", contentBase64 = Png } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyId = (await reply.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var again = await business.PostAsJsonAsync($"/api/v1/inspections/records/{recordId}/replies", new { text = "补充说明" }, Ct);
        Assert.Equal("inspections.reply-pending", await again.ProblemCodeAsync(Ct));
        var empty = await business.PostAsJsonAsync($"/api/v1/inspections/records/{recordId}/replies", new { text = " " }, Ct);
        Assert.Equal("inspections.reply-invalid", await empty.ProblemCodeAsync(Ct));

        // The officer publishes it; the business is told, the public page shows it in plain words — not the findings text.
        (await officer.PostAsync($"/api/v1/inspections/publication/{recordId}", null, Ct)).EnsureSuccessStatusCode();
        var inbox = await business.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct);
        Assert.Contains("检查结果已公开", inbox.ToString(), StringComparison.Ordinal);
        var published = await anonymous.GetStringAsync($"/public/businesses/{businessId}", Ct);
        Assert.Contains("基本符合", published, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(failedText), published, StringComparison.Ordinal);
        Assert.Contains("最近一次检查", published, StringComparison.Ordinal);
        Assert.DoesNotContain("排水沟盖板缺失", published, StringComparison.Ordinal); // the inspector's own words stay internal
        Assert.DoesNotContain("已于当日修复", published, StringComparison.Ordinal);   // a reply is public once reviewed
        Assert.DoesNotContain("210503001000", published, StringComparison.Ordinal);   // places by name, never the code

        // Not accepted without a reason; accepted and the rectification confirmed on the documents: the re-inspection is dropped.
        var noReason = await officer.PostAsJsonAsync($"/api/v1/inspections/replies/{replyId}/review", new { accept = false, rectified = false }, Ct);
        Assert.Equal("inspections.review-invalid", await noReason.ProblemCodeAsync(Ct));
        var elsewhere = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/inspections/replies/{replyId}/review", new { accept = true, rectified = false }, Ct)).StatusCode);
        (await officer.PostAsJsonAsync($"/api/v1/inspections/replies/{replyId}/review", new { accept = true, rectified = true, note = "整改照片与现场情况相符。" }, Ct)).EnsureSuccessStatusCode();
        var records = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{businessId}/records", Ct);
        Assert.True(records.EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId).GetProperty("rectified").GetBoolean());
        var visits = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{businessId}/visits", Ct);
        Assert.DoesNotContain(visits.EnumerateArray(), v => v.GetProperty("followsRecordId").GetString() == recordId && v.GetProperty("status").GetString() == "Planned");

        var after = await anonymous.GetStringAsync($"/public/businesses/{businessId}", Ct);
        Assert.Contains("已于当日修复排水沟盖板并清理积水", after, StringComparison.Ordinal);
        Assert.Contains("监管部门已认可", after, StringComparison.Ordinal);
        Assert.Contains("整改照片与现场情况相符", after, StringComparison.Ordinal);
        Assert.Contains("经复核已整改", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=File", after, StringComparison.Ordinal); // photos stay with the record

        // The same as open data (JSON): the result with its reply, no internal notes, places by name.
        var json = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/businesses/{businessId}", Ct);
        Assert.Equal("溪湖区", json.GetProperty("district").GetString());
        var result = json.GetProperty("sections").GetProperty("inspections").GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId);
        Assert.Equal("BasicallyConforming", result.GetProperty("outcome").GetString());
        Assert.Equal(failedText, Assert.Single(result.GetProperty("found").EnumerateArray()).GetString());
        Assert.Equal("Accepted", Assert.Single(result.GetProperty("replies").EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain("排水沟盖板缺失", json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("210503001000", json.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/businesses/{Guid.NewGuid()}", Ct)).StatusCode);

        // The statistic counts it: published today, within the target.
        var delay = await officer.GetFromJsonAsync<JsonElement>("/api/v1/inspections/publication/delay", Ct);
        Assert.True(delay.GetProperty("published").GetInt32() >= 1);
        Assert.True(delay.GetProperty("withinTarget").GetInt32() >= 1);
        // Per district: the district office sees only its own; the city sees each district, adding up to its total.
        var own = Assert.Single(delay.GetProperty("districts").EnumerateArray());
        Assert.Equal("210503000000", own.GetProperty("regionCode").GetString());
        Assert.Equal(delay.GetProperty("published").GetInt32(), own.GetProperty("published").GetInt32());
        var city = await (await factory.ClientAsAsync("coordinator@210500")).GetFromJsonAsync<JsonElement>("/api/v1/inspections/publication/delay", Ct);
        var districts = city.GetProperty("districts").EnumerateArray().ToList();
        Assert.Contains(districts, d => d.GetProperty("regionCode").GetString() == "210503000000" && d.GetProperty("published").GetInt32() >= 1);
        Assert.Equal(city.GetProperty("total").GetInt32(), districts.Sum(d => d.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task ABusiness_RepliesOnlyOnItsOwnResults_AndOfficersOutsideTheDistrictCannotPublish()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var other = await RegistryTests.RegisterAsync(officer, "210503001000", "别家饭店" + Guid.NewGuid().ToString("N")[..6]);
        var (recordId, _) = await RecordBasicAsync(other);

        var business = await factory.ClientAsAsync("business@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await business.PostAsJsonAsync($"/api/v1/inspections/records/{recordId}/replies", new { text = "不是我家" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync($"/api/v1/inspections/records/{recordId}/replies", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/inspections/records/{recordId}/replies", new { text = "代答" }, Ct)).StatusCode);

        var elsewhere = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsync($"/api/v1/inspections/publication/{recordId}", null, Ct)).StatusCode);
        var lab = await factory.ClientAsAsync("lab@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await lab.PostAsync($"/api/v1/inspections/publication/{recordId}", null, Ct)).StatusCode);

        // Held back with a reason, then published; a published one cannot be held.
        var noReason = await officer.PostAsJsonAsync($"/api/v1/inspections/publication/{recordId}/hold", new { reason = "" }, Ct);
        Assert.Equal("inspections.hold-reason", await noReason.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/inspections/publication/{recordId}/hold", new { reason = "检查表第 3 项勾选有误，待更正" }, Ct)).StatusCode);
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/inspections/publication/queue", Ct);
        Assert.Equal("检查表第 3 项勾选有误，待更正", queue.EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId).GetProperty("heldReason").GetString());
        (await officer.PostAsync($"/api/v1/inspections/publication/{recordId}", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("inspections.already-published", await (await officer.PostAsJsonAsync($"/api/v1/inspections/publication/{recordId}/hold", new { reason = "晚了" }, Ct)).ProblemCodeAsync(Ct));
        Assert.DoesNotContain((await officer.GetFromJsonAsync<JsonElement>("/api/v1/inspections/publication/queue", Ct)).EnumerateArray(), r => r.GetProperty("id").GetString() == recordId);
    }

    [Fact]
    public async Task ABusinessPage_ShowsItsFoodSafetyGradeInForce_AndItsTitle_NotAnExpiredGrade()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var business = await RegistryTests.RegisterAsync(officer, "210503001000", "量化分级店" + Guid.NewGuid().ToString("N")[..4]);
        var anonymous = factory.CreateClient();
        Assert.DoesNotContain("量化分级与示范评定", await anonymous.GetStringAsync($"/public/businesses/{business}", Ct), StringComparison.Ordinal);

        // Last year's A has expired; this year's B stands, recorded by the officer (confirmed as recorded).
        var today = factory.Today;
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{business}/duties", new { kind = "QuantifiedRating", value = "A", since = today.AddYears(-2), until = today.AddYears(-1) }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{business}/duties", new { kind = "QuantifiedRating", value = "B", since = today.AddMonths(-1), until = today.AddMonths(11) }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{business}/duties", new { kind = "ModelStore", value = "阳光厨房示范店", since = today.AddDays(-10) }, Ct)).EnsureSuccessStatusCode();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/businesses/{business}", Ct));
        Assert.Contains("餐饮服务食品安全量化分级：B 级（良好）", page, StringComparison.Ordinal);
        Assert.Contains("data-rating=\"B\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rating=\"A\"", page, StringComparison.Ordinal);
        Assert.Contains("阳光厨房示范店", page, StringComparison.Ordinal);
        var json = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/businesses/{business}", Ct);
        Assert.Equal("B", json.GetProperty("sections").GetProperty("rating").GetProperty("rating").GetProperty("grade").GetString());
        Assert.Equal("良好", json.GetProperty("sections").GetProperty("rating").GetProperty("rating").GetProperty("meaning").GetString());
    }

    [Fact]
    public async Task ABusinessPage_ShowsItsAnnouncedSupervisionSamples_NotUnannouncedOrRiskMonitoringOnes()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var (business, id, _) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, "抽检公开店" + tag);
        var (monitored, monitoringId, _) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, "监测样品店" + tag, kind: "RiskMonitoring");
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{id}/results", Sampling.SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{monitoringId}/results", Sampling.SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var anonymous = factory.CreateClient();
        Assert.Contains("没有已公布的监督抽检结果", await anonymous.GetStringAsync($"/public/businesses/{business}", Ct), StringComparison.Ordinal);

        var officer = await factory.ClientAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/sampling/announcements", new { regionCode = "210503000000" }, Ct)).StatusCode);
        var page = await anonymous.GetStringAsync($"/public/businesses/{business}", Ct);
        Assert.Contains("菠菜", page, StringComparison.Ordinal);
        Assert.Contains("不合格项目：", page, StringComparison.Ordinal);
        Assert.Contains("/public/sampling/", page, StringComparison.Ordinal);
        Assert.Contains("没有已公布的监督抽检结果", await anonymous.GetStringAsync($"/public/businesses/{monitored}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATraceCode_TypedOnThePublicHome_OpensTheLotsPage_OrSaysWhatIsWrong()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ok = await client.GetAsync("/public?handler=Trace&gtin=6901234567892&lot=" + Uri.EscapeDataString("20261120 A"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/01/06901234567892/10/20261120%20A", ok.Headers.Location?.OriginalString);
        var pasted = await client.GetAsync("/public?handler=Trace&gtin=" + Uri.EscapeDataString("https://id.example.cn/01/06901234567892/10/L7?x=1"), Ct);
        Assert.Equal("/01/06901234567892/10/L7", pasted.Headers.Location?.OriginalString);
        var wrong = await client.GetStringAsync("/public?handler=Trace&gtin=6901234567891&lot=L7", Ct);
        Assert.Contains("校验位", wrong, StringComparison.Ordinal);
        Assert.Contains("请填写批号", await client.GetStringAsync("/public?handler=Trace&gtin=6901234567892", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPage_ShowsPenaltiesInTheirPeriodOnly_AndNoPageForAnUnknownOrClosedBusiness()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "公示测试店" + Guid.NewGuid().ToString("N")[..6]);
        var today = factory.Today;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            PenaltyPublication Publication(string number, PublicationStatus status, DateOnly? until) => new()
            {
                RegionCode = "210503001000", CaseId = Guid.NewGuid(), BusinessId = Guid.Parse(id), Party = "公示测试店", DecisionNumber = number, DecidedOn = today.AddMonths(-2),
                Violation = "经营超过保质期的食品", Content = "罚款人民币五千元", PeriodMonths = 36, PublishBy = today, Status = status, PublishedOn = today.AddMonths(-2), ShowUntil = until,
                UpdatedAtUtc = DateTime.UtcNow,
            };
            db.Set<PenaltyPublication>().AddRange(
                Publication("溪市监罚〔2026〕901号", PublicationStatus.Published, today.AddYears(3)),
                Publication("溪市监罚〔2026〕902号", PublicationStatus.Ended, today.AddDays(-1)),
                Publication("溪市监罚〔2026〕903号", PublicationStatus.Pending, null));
            await db.SaveChangesAsync(Ct);
        }

        var anonymous = factory.CreateClient();
        var page = await anonymous.GetStringAsync($"/public/businesses/{id}", Ct);
        Assert.Contains("溪市监罚〔2026〕901号", page, StringComparison.Ordinal);
        Assert.Contains("罚款人民币五千元", page, StringComparison.Ordinal);
        Assert.DoesNotContain("902号", page, StringComparison.Ordinal);
        Assert.DoesNotContain("903号", page, StringComparison.Ordinal);
        Assert.Contains("未列入严重违法失信名单", page, StringComparison.Ordinal);
        Assert.Contains("溪湖区市场监督管理局", page, StringComparison.Ordinal);

        // The public list and its CSV: current publications only, linked to the business's page.
        var list = await anonymous.GetStringAsync("/public/penalties?q=" + Uri.EscapeDataString("溪市监罚〔2026〕90"), Ct);
        Assert.Contains("溪市监罚〔2026〕901号", list, StringComparison.Ordinal);
        Assert.Contains($"/public/businesses/{id}", list, StringComparison.Ordinal);
        Assert.DoesNotContain("902号", list, StringComparison.Ordinal);
        var csv = await anonymous.GetAsync("/public/penalties?handler=Csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("决定文书号", csvText, StringComparison.Ordinal);
        Assert.Contains("溪市监罚〔2026〕901号", csvText, StringComparison.Ordinal);
        Assert.DoesNotContain("903号", csvText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public/dishonest", Ct)).StatusCode);
        Assert.Contains("严重违法失信名单", await anonymous.GetStringAsync("/public", Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/businesses/{Guid.NewGuid()}", Ct)).StatusCode);
        (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/status", new { status = "Closed" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/businesses/{id}", Ct)).StatusCode);
    }
}

public sealed class PublicPortalSqliteTests(SqliteShianFactory factory) : PublicPortalTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PublicPortalPostgresTests(PostgresShianFactory factory) : PublicPortalTests(factory), IClassFixture<PostgresShianFactory>;
