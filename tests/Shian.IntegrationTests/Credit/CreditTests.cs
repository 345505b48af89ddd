using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shian.Credit.Rules;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;
using Shian.Kernel.Calendar;

namespace Shian.IntegrationTests.Credit;

/// <summary>
/// A penalty decision flows, as a durable event, into the business's credit file, its publication (Order 45) and — when it is
/// a heavy food penalty — a listing matter (Order 44): published, listed after notice, looked up by another department's
/// system with a key, and out again by repair after a year; a revoked decision takes the publication and listing down.
/// Over HTTP on both databases.
/// </summary>
public abstract class CreditTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private WorkingDayCalendar Calendar => factory.Services.GetRequiredService<WorkingDayCalendarProvider>().Current;

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var res = await call;
        Assert.True(res.StatusCode == HttpStatusCode.NoContent, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<string> DetailAsync(HttpResponseMessage res, HttpStatusCode expected)
    {
        Assert.Equal(expected, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
    }

    /// <summary>A business of 溪湖区 with a case decided today (statement waived) on the given findings; (business id, USCC, case id, decision number).</summary>
    private async Task<(string BusinessId, string Uscc, string CaseId, string DecisionNumber)> DecidedAsync(string name, object findings)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var ids = RegistryTests.NextIds();
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", name, ids: ids);
        var created = await officer.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Field", regionCode = "210503001000", businessId, businessName = name, summary = "执法检查发现", foundOn = Day(factory.Today) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clueId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "证据确凿", party = name, cause = "经营致病性微生物超过食品安全标准限量的食品", violationEndedOn = Day(factory.Today), officers = new[] { "officer@210503", "inspector@210503" },
        }, Ct));
        var approved = await head.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct);
        var caseId = (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseId").GetString()!;
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings, Ct));
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/review", new { pass = true, opinion = "同意" }, Ct));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/notify", new { on = Day(factory.Today) }, Ct));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/statement", new { waived = true }, Ct));
        await NoContentAsync(head.PostAsync($"/api/v1/enforcement/cases/{caseId}/decide", null, Ct));
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        return (businessId, ids.Uscc, caseId, c.GetProperty("decisionNumber").GetString()!);
    }

    private async Task<JsonElement> EventuallyFindAsync(HttpClient client, string list, string caseId)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>(list, Ct);
            foreach (var row in page.GetProperty("items").EnumerateArray())
            {
                var id = row.GetProperty("id").GetString()!;
                var one = await client.GetFromJsonAsync<JsonElement>($"{list.Split('?')[0]}/{id}", Ct);
                var item = one.TryGetProperty("publication", out var p) ? p : one.GetProperty("listing");
                if (item.GetProperty("caseId").GetString() == caseId)
                {
                    found = item;
                    return true;
                }
            }

            return false;
        }, $"{list} of case {caseId}");
        return found;
    }

    private static object Findings(string level, string? other = null, string article = "Art124", decimal fine = 300_000m) => new
    {
        report = "当事人经营的凉拌菜菌落总数超标，货值 2 万元。", proposedOutcome = "Penalty", article, goodsValue = 20_000m, fine, confiscated = 0m, warning = false,
        otherMeasures = other, discretionLevel = level, discretionReason = level == "一般" ? null : "多次违法，情节严重",
    };

    [Fact]
    public async Task AHeavyPenalty_IsPublished_Listed_LookedUpWithAKey_AndRepairedAfterAYear()
    {
        var today = factory.Today;
        var (businessId, uscc, caseId, number) = await DecidedAsync("信用流程餐馆" + Guid.NewGuid().ToString("N")[..6], Findings("从重"));
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var admin = await factory.ClientAsAsync("admin");

        // The decision arrives as a durable event: a publication due in 20 working days (three years: 300 000 is not a low fine) …
        var pub = await EventuallyFindAsync(officer, "/api/v1/credit/publications?status=Pending", caseId);
        var pubId = pub.GetProperty("id").GetString()!;
        Assert.Equal(PublicationRules.PublishBy(Calendar, today), Date(pub.GetProperty("publishBy")));
        Assert.Equal(36, pub.GetProperty("periodMonths").GetInt32());
        Assert.Equal(number, pub.GetProperty("decisionNumber").GetString());
        Assert.Equal(uscc, pub.GetProperty("uscc").GetString());

        // … a listing matter (a 从重 fine under 第一百二十四条) and a 失信 record in the credit file.
        var listing = await EventuallyFindAsync(officer, "/api/v1/credit/listings?status=Suggested", caseId);
        var listingId = listing.GetProperty("id").GetString()!;
        Assert.Equal("Contaminants", listing.GetProperty("ground").GetString());
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/businesses/{businessId}", Ct);
        Assert.Contains(file.GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "Penalty" && r.GetProperty("summary").GetString()!.Contains(number, StringComparison.Ordinal));
        Assert.Equal("B", file.GetProperty("grade").GetString());

        // The officer publishes (a head may not: publishing is the handler's step); the period runs three years.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/v1/credit/publications/{pubId}/publish", null, Ct)).StatusCode);
        await NoContentAsync(officer.PostAsync($"/api/v1/credit/publications/{pubId}/publish", null, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/credit/publications/{pubId}/publish", null, Ct)).StatusCode);
        pub = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/publications/{pubId}", Ct)).GetProperty("publication");
        Assert.Equal(PublicationRules.ShowUntil(today, 36), Date(pub.GetProperty("showUntil")));

        // Notice of the intended listing: the ground and facts are required; the party has 5 working days.
        var bad = await officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/notice", new { ground = "Contaminants", servedOn = Day(today) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("facts", out _));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/notice", new { ground = "Contaminants", facts = "凉拌菜致病菌超标，供应学校周边，社会影响大", servedOn = Day(today) }, Ct));
        listing = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/listings/{listingId}", Ct)).GetProperty("listing");
        var statementBy = Date(listing.GetProperty("statementBy"));
        Assert.Equal(ListingRules.StatementBy(Calendar, today, 5), statementBy);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/decision", new { list = true }, Ct)).StatusCode);
        Assert.Contains(Day(statementBy), await DetailAsync(await head.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/decision", new { list = true }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);

        // Served and paid at once (the repair conditions ask for a fulfilled penalty), then past the party's period the head lists.
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/serve", new { servedOn = Day(today), method = "直接送达" }, Ct));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(today), amount = 300_000m }, Ct));
        factory.Clock.Advance(TimeSpan.FromDays(statementBy.DayNumber - today.DayNumber + 1));
        var listedOn = factory.Today;
        (officer, head, admin) = (await factory.ClientAsAsync("officer@210503"), await factory.ClientAsAsync("coordinator@210503"), await factory.ClientAsAsync("admin"));
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/decision", new { list = true, reason = "当事人未陈述申辩" }, Ct));
        listing = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/listings/{listingId}", Ct)).GetProperty("listing");
        Assert.Equal("Listed", listing.GetProperty("status").GetString());
        Assert.Equal(ListingRules.ExpiresOn(listedOn), Date(listing.GetProperty("expiresOn")));
        Assert.Equal("D", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/businesses/{businessId}", Ct)).GetProperty("grade").GetString());

        // Another department's system asks with a key the administrator issued; the call is logged.
        var issued = await admin.PostAsJsonAsync("/api/v1/credit/keys", new { holder = "市公共资源交易中心", purpose = "招标投标资格审查" }, Ct);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        using var outside = factory.CreateClient();
        outside.DefaultRequestHeaders.Add("X-Api-Key", key);
        var answer = await outside.GetFromJsonAsync<JsonElement>($"/api/v1/credit/lookup?uscc={uscc}", Ct);
        Assert.True(answer.GetProperty("seriouslyDishonest").GetBoolean());
        var entry = answer.GetProperty("listings")[0];
        Assert.Equal(listedOn, Date(entry.GetProperty("since")));
        Assert.Equal(ListingRules.ExpiresOn(listedOn), Date(entry.GetProperty("until")));
        Assert.Equal(number, entry.GetProperty("decisionNumber").GetString());
        Assert.Contains("溪湖区", entry.GetProperty("authority").GetString(), StringComparison.Ordinal);
        Assert.Equal(number, answer.GetProperty("penalties")[0].GetProperty("decisionNumber").GetString());
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/credit/query-log", Ct);
        Assert.Contains(log.EnumerateArray(), l => l.GetProperty("uscc").GetString() == uscc && l.GetProperty("listed").GetBoolean() && l.GetProperty("holder").GetString() == "市公共资源交易中心");

        // Repair is refused before a year on the list …
        Assert.Contains("满一年", await DetailAsync(await officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/repair", new { application = "已整改", harmRemoved = true }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);

        // … and after it, the head decides within 20 working days; approved, the party leaves the list and the lookup says so.
        factory.Clock.Advance(TimeSpan.FromDays(366));
        (officer, head, admin) = (await factory.ClientAsAsync("officer@210503"), await factory.ClientAsAsync("coordinator@210503"), await factory.ClientAsAsync("admin"));
        var repairDay = factory.Today;
        Assert.Contains("消除危害", await DetailAsync(await officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/repair", new { application = "已整改", harmRemoved = false }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/repair", new { application = "已全面整改并作出信用承诺", harmRemoved = true }, Ct));
        listing = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/listings/{listingId}", Ct)).GetProperty("listing");
        Assert.Equal(ListingRules.DecideBy(Calendar, repairDay, 20), Date(listing.GetProperty("repairDecideBy")));
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/repair-decision", new { approve = true, opinion = "符合条件" }, Ct));
        listing = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/listings/{listingId}", Ct)).GetProperty("listing");
        Assert.Equal("Removed", listing.GetProperty("status").GetString());
        Assert.Equal("Repaired", listing.GetProperty("removalReason").GetString());
        answer = await outside.GetFromJsonAsync<JsonElement>($"/api/v1/credit/lookup?uscc={uscc}", Ct);
        Assert.False(answer.GetProperty("seriouslyDishonest").GetBoolean());

        // The publication may now stop early too (a year published, penalty paid, no repeat, not listed).
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/credit/publications/{pubId}/repair", new { application = "申请提前停止公示", harmRemoved = true }, Ct));
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/credit/publications/{pubId}/repair-decision", new { approve = true }, Ct));
        Assert.Equal("StoppedEarly", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/publications/{pubId}", Ct)).GetProperty("publication").GetProperty("status").GetString());

        // The push file carries every change in the range, in its documented columns.
        var csv = await admin.GetStringAsync($"/api/v1/credit/exchange?from={Day(today)}&to={Day(repairDay)}", Ct);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("变动类型,信息类别,统一社会信用代码", lines[0], StringComparison.Ordinal);
        var mine = lines.Where(l => l.Contains(uscc, StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, l => l.StartsWith("新增,行政处罚,", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.StartsWith("新增,严重违法失信名单,", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.StartsWith("信用修复,严重违法失信名单,", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.StartsWith("信用修复,行政处罚,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARevokedDecision_WithdrawsThePublication_AndRemovesTheListing()
    {
        var today = factory.Today;
        var (businessId, uscc, caseId, _) = await DecidedAsync("撤销处罚餐馆" + Guid.NewGuid().ToString("N")[..6], Findings("一般", other: "吊销食品经营许可证", article: "Art123", fine: 350_000m));
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var pub = await EventuallyFindAsync(officer, "/api/v1/credit/publications?status=Pending", caseId);
        var listing = await EventuallyFindAsync(officer, "/api/v1/credit/listings?status=Suggested", caseId);
        Assert.True(pub.GetProperty("barsEarlyStop").GetBoolean());
        var pubId = pub.GetProperty("id").GetString()!;
        var listingId = listing.GetProperty("id").GetString()!;
        await NoContentAsync(officer.PostAsync($"/api/v1/credit/publications/{pubId}/publish", null, Ct));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/notice", new { ground = "NonFoodSubstance", facts = "添加非食用物质", servedOn = Day(today) }, Ct));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/statement", new { statement = "不服，将申请复议", hearingRequested = false }, Ct));
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/credit/listings/{listingId}/decision", new { list = true, reason = "陈述申辩理由不成立" }, Ct));

        // The decision is revoked on 行政复议: only the head records it, with a listed ground.
        var revoke = new { revokedOn = Day(today), ground = "行政复议决定撤销", note = "溪复决〔2026〕3 号" };
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/revocation", revoke, Ct)).StatusCode);
        var wrong = await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/revocation", revoke with { ground = "看着办" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/revocation", revoke, Ct));

        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/publications/{pubId}", Ct)).GetProperty("publication").GetProperty("status").GetString() == "Withdrawn",
            "the publication withdrawn");
        pub = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/publications/{pubId}", Ct)).GetProperty("publication");
        Assert.Equal(PublicationRules.WithdrawBy(Calendar, today), Date(pub.GetProperty("withdrawBy")));
        Assert.StartsWith("行政复议决定撤销", pub.GetProperty("withdrawReason").GetString(), StringComparison.Ordinal);
        listing = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/listings/{listingId}", Ct)).GetProperty("listing");
        Assert.Equal("Removed", listing.GetProperty("status").GetString());
        Assert.Equal("Revoked", listing.GetProperty("removalReason").GetString());
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/businesses/{businessId}", Ct);
        Assert.Equal("A", file.GetProperty("grade").GetString());
        Assert.All(file.GetProperty("records").EnumerateArray(), r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("revokedOn").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/revocation", revoke, Ct)).StatusCode);
        _ = uscc;
    }

    [Fact]
    public async Task AWarningAlone_IsNotPublished_ButEntersTheCreditFile()
    {
        var (businessId, _, caseId, _) = await DecidedAsync("警告餐馆" + Guid.NewGuid().ToString("N")[..6], new
        {
            report = "从业人员未取得健康证明。", proposedOutcome = "Penalty", warning = true, fine = 0m, confiscated = 0m, discretionLevel = "一般",
        });
        var officer = await factory.ClientAsAsync("officer@210503");
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/businesses/{businessId}", Ct)).GetProperty("records").GetArrayLength() == 1,
            "the 失信 record of the warning");
        var all = await officer.GetFromJsonAsync<JsonElement>("/api/v1/credit/publications?p=1", Ct);
        Assert.True(all.GetProperty("total").GetInt32() >= 0);
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/credit/businesses/{businessId}", Ct);
        Assert.Empty(file.GetProperty("publications").EnumerateArray());
        Assert.Empty(file.GetProperty("listings").EnumerateArray());
        _ = caseId;
    }

    [Fact]
    public async Task ABarredPerson_CannotBeNamed_InAnyDistrict_UntilLifted()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var other = await factory.ClientAsAsync("officer@210504");
        var residentId = NextResidentId();
        var bad = await officer.PostAsJsonAsync("/api/v1/credit/barred-persons", new { name = "王五", residentId = residentId[..17] + "0", basis = "LicenceRevoked", role = "法定代表人", reference = "罚〔2026〕99 号", from = Day(factory.Today), regionCode = "210503000000" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("residentId", out _));
        var created = await officer.PostAsJsonAsync("/api/v1/credit/barred-persons", new { name = "王五", residentId, basis = "LicenceRevoked", role = "法定代表人", reference = "罚〔2026〕99 号", from = Day(factory.Today), regionCode = "210503000000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/credit/barred-persons", Ct);
        var row = list.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(residentId, list.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(factory.Today.AddYears(5).AddDays(-1), Date(row.GetProperty("until")));

        // Another district cannot name this person as 食品安全管理员: the refusal names the field, the bar and the article.
        var business = Shian.IntegrationTests.Registry.RegistryTests.Business("210504002000", "禁业测试店" + Guid.NewGuid().ToString("N")[..4], RegistryTests.NextIds());
        var json = JsonSerializer.SerializeToElement(business);
        var withPerson = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        withPerson["responsiblePersonId"] = residentId;
        var refused = await other.PostAsJsonAsync("/api/v1/businesses", withPerson, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("responsiblePersonId")[0].GetString()!;
        Assert.Contains("第一百三十五条", message, StringComparison.Ordinal);
        Assert.Contains("罚〔2026〕99 号", message, StringComparison.Ordinal);

        // The other district does not see the record itself; lifted by the head, the person may be named again.
        Assert.DoesNotContain(id, await other.GetStringAsync("/api/v1/credit/barred-persons", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/credit/barred-persons/{id}/lift", new { reason = "处罚决定被撤销" }, Ct)).StatusCode);
        await NoContentAsync(head.PostAsJsonAsync($"/api/v1/credit/barred-persons/{id}/lift", new { reason = "处罚决定被复议撤销" }, Ct));
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/businesses", withPerson, Ct)).StatusCode);
    }

    private static int _residentSerial;

    /// <summary>A valid 18-digit resident id (GB 11643 check digit) not used elsewhere in the tests.</summary>
    private static string NextResidentId()
    {
        var n = Interlocked.Increment(ref _residentSerial) + Environment.ProcessId % 500 * 1000;
        var first17 = $"21050319850101{n % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task TheLookup_AnswersWithAKeyOnly_AndLogsEveryCall()
    {
        var admin = await factory.ClientAsAsync("admin");
        var officer = await factory.ClientAsAsync("officer@210503");
        using var outside = factory.CreateClient();
        var uscc = RegistryTests.NextIds().Uscc;
        Assert.Contains("X-Api-Key", await DetailAsync(await outside.GetAsync($"/api/v1/credit/lookup?uscc={uscc}", Ct), HttpStatusCode.Unauthorized), StringComparison.Ordinal);

        // Only the administrator issues keys; the key is shown once and only its hash is stored.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/credit/keys", new { holder = "x", purpose = "y" }, Ct)).StatusCode);
        var missing = await admin.PostAsJsonAsync("/api/v1/credit/keys", new { holder = "", purpose = "招标" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var issued = await (await admin.PostAsJsonAsync("/api/v1/credit/keys", new { holder = "某银行分行", purpose = "信贷审查" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = issued.GetProperty("key").GetString()!;
        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/v1/credit/keys", Ct);
        Assert.DoesNotContain(key, keys.GetRawText(), StringComparison.Ordinal);

        outside.DefaultRequestHeaders.Add("X-Api-Key", key);
        var clean = await outside.GetFromJsonAsync<JsonElement>($"/api/v1/credit/lookup?uscc={uscc}", Ct);
        Assert.False(clean.GetProperty("seriouslyDishonest").GetBoolean());
        var invalid = await outside.GetAsync("/api/v1/credit/lookup?uscc=91210503MA0000000X", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        // A revoked key is refused.
        await NoContentAsync(admin.PostAsync($"/api/v1/credit/keys/{issued.GetProperty("id").GetString()}/revocation", null, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await outside.GetAsync($"/api/v1/credit/lookup?uscc={uscc}", Ct)).StatusCode);
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/credit/query-log", Ct);
        Assert.Single(log.EnumerateArray(), l => l.GetProperty("uscc").GetString() == uscc && l.GetProperty("holder").GetString() == "某银行分行");
    }
}

public sealed class CreditSqliteTests(SqliteShianFactory factory) : CreditTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class CreditPostgresTests(PostgresShianFactory factory) : CreditTests(factory), IClassFixture<PostgresShianFactory>;
