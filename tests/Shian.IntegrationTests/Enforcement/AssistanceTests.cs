using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Enforcement;

/// <summary>
/// 协查 and 通报 over HTTP on both databases: a 溪湖区 case asks 明山区 to assist (15 working days, one extension asked in time),
/// 明山区 answers in its own list and the 协办率 counts it; outside departments and the police are recorded by the case
/// officers with the 24-hour clock; a violation is notified to the buyer's district as a case clue whose decision answers the
/// notice, and the buyer's own case sees the dairy as its supplier. The fixed clock stands at Wed 25 Nov 2026.
/// </summary>
public abstract class AssistanceTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> JsonAsync(HttpResponseMessage res, HttpStatusCode expected) => EnforcementHttp.JsonAsync(factory, res, expected);

    private async Task<JsonElement> ErrorsAsync(HttpResponseMessage res) => (await JsonAsync(res, HttpStatusCode.BadRequest)).GetProperty("errors");

    private static JsonElement Only(JsonElement list, string id) => list.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    [Fact]
    public async Task AnotherDistrict_AnswersALetterInItsOwnList_Within15WorkingDays_OrAnExtensionAskedInTime()
    {
        var caseId = await EnforcementTests.OpenCaseIdAsync(factory, "210503", "210503001000", party: "协查当事人");
        var xihu = await factory.ClientAsAsync("officer@210503");
        var mingshan = await factory.ClientAsAsync("officer@210504");
        var pingshan = await factory.ClientAsAsync("officer@210502");

        // Bad requests name their fields; asking one's own county is refused.
        var bad = await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance", new { subject = new string('长', 201) }, Ct));
        Assert.True(bad.TryGetProperty("kind", out _) && bad.TryGetProperty("subject", out _) && bad.TryGetProperty("matters", out _));
        var own = await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "Investigation", regionCode = "210503000000", subject = "某超市", matters = "核实进货来源" }, Ct));
        Assert.Contains("其他区县", own.GetProperty("regionCode")[0].GetString());
        var unknownKind = await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance", new { kind = 9, regionCode = "210504000000", subject = "某超市", matters = "核实" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        // A head is not one of the case's officers.
        var head = await factory.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "Investigation", regionCode = "210504000000", subject = "某超市", matters = "核实进货来源" }, Ct)).StatusCode);

        var created = await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "Investigation", regionCode = "210504000000", subject = "明山区某批发部", matters = "核实 2026 年 10 月向当事人供货的进货单据和销售记录" }, Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        // 明山区 sees it among the letters it received, due Wed 16 Dec (15 working days from Wed 25 Nov); 平山区 does not.
        var incoming = await mingshan.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/assistance?direction=Incoming&status=Pending", Ct);
        var row = Only(incoming.GetProperty("items"), id);
        Assert.Equal("2026-12-16", row.GetProperty("dueOn").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await pingshan.GetAsync($"/api/v1/enforcement/assistance/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await pingshan.GetStringAsync("/api/v1/enforcement/assistance?direction=Incoming", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await pingshan.GetStringAsync("/api/v1/enforcement/assistance?direction=Outgoing", Ct), StringComparison.Ordinal);
        Assert.Contains(id, await xihu.GetStringAsync("/api/v1/enforcement/assistance?direction=Outgoing", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await xihu.GetStringAsync("/api/v1/enforcement/assistance?direction=Incoming", Ct), StringComparison.Ordinal);

        // The requester cannot answer for 明山区; 明山区 cannot open 溪湖区's case.
        Assert.Equal(HttpStatusCode.NotFound, (await xihu.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/answer", new { answer = "自答" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.GetAsync($"/api/v1/enforcement/cases/{caseId}", Ct)).StatusCode);

        // An extension: not to the same day, not past 15 more working days; then once to Wed 23 Dec, and never twice.
        Assert.Equal(HttpStatusCode.Conflict, (await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/extend", new { to = "2026-12-16", reason = "需调取银行流水" }, Ct)).StatusCode);
        Assert.True((await ErrorsAsync(await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/extend", new { to = "2026-12-23" }, Ct))).TryGetProperty("reason", out _));
        await JsonAsync(await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/extend", new { to = "2026-12-23", reason = "需调取银行流水" }, Ct), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Conflict, (await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/extend", new { to = "2026-12-24", reason = "再延" }, Ct)).StatusCode);

        // The answer: required text, then once.
        Assert.True((await ErrorsAsync(await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/answer", new { answer = " " }, Ct))).TryGetProperty("answer", out _));
        // The copies go with the answer: 溪湖区's own upload is not 明山区's to send; 明山区's is.
        var foreign = await Uploads.UploadTextAsync(xihu, "210503000000", "溪湖区文件.txt", "不属于明山区", Ct);
        Assert.True((await ErrorsAsync(await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/answer", new { answer = "附件", attachmentId = foreign }, Ct))).TryGetProperty("attachmentId", out _));
        var copies = await Uploads.UploadTextAsync(mingshan, "210504000000", "供货单据.txt", "2026-10 供货单据 3 张（复印件）", Ct);
        await JsonAsync(await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/answer", new { answer = "经核查，该批发部 10 月向当事人供货 3 次，单据已复印附后。", attachmentId = copies }, Ct), HttpStatusCode.NoContent);
        Assert.Equal("2026-10 供货单据 3 张（复印件）", await xihu.GetStringAsync($"/api/v1/enforcement/assistance/{id}/file", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await pingshan.GetAsync($"/api/v1/enforcement/assistance/{id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await mingshan.DeleteAsync($"/api/v1/attachments/{copies}", Ct)).StatusCode); // sent: immutable
        Assert.Equal(HttpStatusCode.Conflict, (await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{id}/answer", new { answer = "再答" }, Ct)).StatusCode);

        // The case sees the answer, the extension and its history.
        var mine = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), id);
        Assert.Equal("Answered", mine.GetProperty("status").GetString());
        Assert.Equal("2026-12-23", mine.GetProperty("dueOn").GetString());
        Assert.Equal("2026-12-16", mine.GetProperty("extendedFrom").GetString());
        Assert.True(mine.GetProperty("onTime").GetBoolean());
        Assert.StartsWith("经核查", mine.GetProperty("answer").GetString());
        Assert.Equal("供货单据.txt", mine.GetProperty("answerFileName").GetString());
        var history = (await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains(history, t => t.StartsWith("【协查】向明山区市场监督管理局发出协助调查函", StringComparison.Ordinal));
        Assert.Contains(history, t => t.Contains("告知延期至 2026-12-23", StringComparison.Ordinal));
        Assert.Contains(history, t => t.StartsWith("【协查】明山区市场监督管理局回复", StringComparison.Ordinal));

        // A second letter is withdrawn: 明山区 sees it withdrawn, and it is not counted.
        var second = (await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "Investigation", regionCode = "210504000000", subject = "另一批发部", matters = "核实" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.True((await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance/{second}/withdraw", new { }, Ct))).TryGetProperty("reason", out _));
        await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance/{second}/withdraw", new { reason = "当事人已提供单据" }, Ct), HttpStatusCode.NoContent);
        Assert.Equal("Withdrawn", (await mingshan.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/assistance/{second}", Ct)).GetProperty("status").GetString());

        // 协办率: 明山区 received and answered; the withdrawn letter is not in it.
        var rates = await mingshan.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/assistance/rates?year=2026", Ct);
        var county = rates.GetProperty("assistance").EnumerateArray().Single(r => r.GetProperty("county").GetString() == "210504000000");
        Assert.Equal(county.GetProperty("received").GetInt32(), county.GetProperty("answered").GetInt32() + county.GetProperty("pending").GetInt32());
        Assert.True(county.GetProperty("answered").GetInt32() >= 1);

        // The 工作台 and pages: 明山区's letter page answers in Chinese; 溪湖区's case page lists it.
        var page = await mingshan.GetStringAsync($"/enforcement/assistance/{id}", Ct);
        Assert.Contains("经核查，该批发部", page, StringComparison.Ordinal);
        Assert.Contains("协助调查", await xihu.GetStringAsync($"/enforcement/cases/{caseId}", Ct), StringComparison.Ordinal);
        Assert.Contains("明山区", await mingshan.GetStringAsync("/enforcement/assistance#rates", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliceSupport_IsRecordedAgainst24Hours_AndADepartmentsReplyByTheCaseOfficers()
    {
        var caseId = await EnforcementTests.OpenCaseIdAsync(factory, "210503", "210503001000", party: "警力当事人");
        var xihu = await factory.ClientAsAsync("officer@210503");
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        // Asked 30 hours ago (a night raid): due 6 hours ago; the police came just now → late.
        var asked = now.AddHours(-30);
        var police = (await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "PoliceSupport", addressee = "溪湖公安分局", subject = "当事人加工窝点", matters = "现场查封，需警力维持秩序", requestedAtUtc = asked }, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var row = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), police);
        Assert.Equal(asked.AddHours(24), row.GetProperty("dueAtUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("dueOn").ValueKind);
        Assert.Contains(police, await xihu.GetStringAsync("/api/v1/enforcement/assistance?direction=Outgoing&overdue=true", Ct), StringComparison.Ordinal);

        Assert.True((await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/assistance/{police}/answer", new { answer = "两名民警到场" }, Ct))).TryGetProperty("arrivedAtUtc", out _));
        Assert.True((await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/assistance/{police}/answer",
            new { answer = "两名民警到场", arrivedAtUtc = asked.AddHours(-1) }, Ct))).TryGetProperty("arrivedAtUtc", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await (await factory.ClientAsAsync("admin")).PostAsJsonAsync($"/api/v1/enforcement/assistance/{police}/answer",
            new { answer = "两名民警到场", arrivedAtUtc = now }, Ct)).StatusCode);
        await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/assistance/{police}/answer", new { answer = "两名民警到场，现场秩序良好", arrivedAtUtc = now }, Ct), HttpStatusCode.NoContent);
        row = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), police);
        Assert.False(row.GetProperty("onTime").GetBoolean());

        // A department outside the platform: the case officers record its reply; it is not in 明山区's or anyone's incoming list.
        var dept = (await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/assistance",
            new { kind = "Department", addressee = "溪湖区农业农村局", subject = "生猪来源", matters = "核实生猪检疫证明" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.DoesNotContain(dept, await xihu.GetStringAsync("/api/v1/enforcement/assistance?direction=Incoming", Ct), StringComparison.Ordinal);

        // The department says it needs a week longer: recorded on the case page by a case officer, once.
        var due = DateOnly.Parse(Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), dept).GetProperty("dueOn").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        var (page, _) = await factory.BrowserAsAsync("officer@210503");
        var extended = await Kernel.AccountsTests.PostFormAsync(page, $"/enforcement/cases/{caseId}?assistanceId={dept}",
            Kernel.AccountsTests.Form(("to", due.AddDays(7).ToString("yyyy-MM-dd")), ("reason", "需调取养殖场档案")), handler: "AssistExtend");
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var again = await Kernel.AccountsTests.PostFormAsync(page, $"/enforcement/cases/{caseId}?assistanceId={dept}",
            Kernel.AccountsTests.Form(("to", due.AddDays(8).ToString("yyyy-MM-dd")), ("reason", "再延")), handler: "AssistExtend");
        Assert.Contains("已延期一次", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        row = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), dept);
        Assert.Equal(due.AddDays(7).ToString("yyyy-MM-dd"), row.GetProperty("dueOn").GetString());
        Assert.Equal(due.ToString("yyyy-MM-dd"), row.GetProperty("extendedFrom").GetString());
        await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/assistance/{dept}/answer", new { answer = "检疫证明真实" }, Ct), HttpStatusCode.NoContent);
        row = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), dept);
        Assert.True(row.GetProperty("onTime").GetBoolean());

        // The district's police rate counts the late arrival.
        var rates = await xihu.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/assistance/rates?year=2026", Ct);
        var county = rates.GetProperty("police").EnumerateArray().Single(r => r.GetProperty("county").GetString() == "210503000000");
        Assert.True(county.GetProperty("received").GetInt32() > county.GetProperty("onTime").GetInt32());
    }

    [Fact]
    public async Task AViolation_IsNotifiedToTheBuyersDistrict_AsAClue_WhoseDecisionAnswersTheNotice()
    {
        var lot = "N" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (dairyId, _, shopId) = await Traceability.TraceabilityTests.ChainAsync(factory, lot);
        var caseId = await EnforcementTests.OpenCaseIdAsync(factory, "210503", "210503001000", businessId: dairyId);
        var xihu = await factory.ClientAsAsync("officer@210503");

        // The dairy's buyer in 明山区, from the trace records.
        var partners = await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/partners", Ct);
        var shop = partners.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("businessId").GetString() == shopId);
        Assert.Equal("Buyer", shop.GetProperty("direction").GetString());
        Assert.StartsWith("210504", shop.GetProperty("regionCode").GetString());
        Assert.False(shop.GetProperty("notified").GetBoolean());

        var noFacts = await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/chain-notices", new { partnerIds = Array.Empty<string>() }, Ct));
        Assert.True(noFacts.TryGetProperty("facts", out _) && noFacts.TryGetProperty("partnerIds", out _));
        var stranger = await ErrorsAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/chain-notices", new { partnerIds = new[] { Guid.NewGuid() }, facts = "x" }, Ct));
        Assert.Contains("不在本案当事人的交易记录中", stranger.GetProperty("partnerIds")[0].GetString());

        var sent = await JsonAsync(await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/chain-notices",
            new { partnerIds = new[] { shopId }, facts = $"批次 {lot} 的乳制品菌落总数超标，请督促下架并核查" }, Ct), HttpStatusCode.OK);
        Assert.Equal(1, sent.GetProperty("notified").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await xihu.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/chain-notices", new { partnerIds = new[] { shopId }, facts = "再通报" }, Ct)).StatusCode);
        var notice = (await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct)).EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "ChainNotice");
        var noticeId = notice.GetProperty("id").GetString()!;

        // 明山区 receives it as a clue (source ChainNotice) and decides not to open a case: that is the notice's answer.
        var mingshan = await factory.ClientAsAsync("officer@210504");
        string? clueId = null;
        await Eventually.TrueAsync(async () =>
        {
            var clues = await mingshan.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/clues?open=true", Ct);
            clueId = clues.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("source").GetString() == "ChainNotice" && c.GetProperty("summary").GetString()!.Contains(lot, StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } c
                ? c.GetProperty("id").GetString() : null;
            return clueId is not null;
        }, "the notice as 明山区's clue");
        Assert.Equal(clueId, (await mingshan.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/assistance/{noticeId}", Ct)).GetProperty("clueId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await mingshan.PostAsJsonAsync($"/api/v1/enforcement/assistance/{noticeId}/answer", new { answer = "直接回复" }, Ct)).StatusCode);
        (await mingshan.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new { open = false, reason = "已下架，经核查未销售" }, Ct)).EnsureSuccessStatusCode();
        (await (await factory.ClientAsAsync("coordinator@210504")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
        {
            var n = Only(await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/assistance", Ct), noticeId);
            return n.GetProperty("status").GetString() == "Answered" && n.GetProperty("answer").GetString() == "经核查，不予立案";
        }, "the clue's decision on the notice");
        Assert.True((await xihu.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/partners", Ct)).GetProperty("partners").EnumerateArray()
            .Single(p => p.GetProperty("businessId").GetString() == shopId).GetProperty("notified").GetBoolean());

        // From the shop's own case in 明山区, the dairy is its supplier (named by the dairy's shipping event).
        var shopCase = await EnforcementTests.OpenCaseIdAsync(factory, "210504", "210504002000", businessId: shopId);
        var upstream = await mingshan.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{shopCase}/partners", Ct);
        Assert.Equal("Supplier", upstream.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("businessId").GetString() == dairyId).GetProperty("direction").GetString());
    }

    [Fact]
    public async Task ALocalBenchmark_IsImportedWhole_AndAFineOutsideItsLevelNeedsAReason()
    {
        const string header = "处罚依据,裁量档次,下限比例,上限比例,适用情形,依据文件\n";
        const string doc = "本溪市市场监督管理局行政处罚裁量基准（2025）";
        var city = await factory.ClientAsAsync("coordinator@210500");
        var head = await factory.ClientAsAsync("coordinator@210503");
        static MultipartFormDataContent Sheet(string region, string text) => Uploads.TextForm(region, "裁量基准.csv", text);

        // A district's head may not import the city's; a sheet with bad rows is refused by row and nothing is stored.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync("/api/v1/enforcement/benchmarks", Sheet("210500000000", header + $"124,一般,30,70,,{doc}\n"), Ct)).StatusCode);
        var bad = await ErrorsAsync(await city.PostAsync("/api/v1/enforcement/benchmarks",
            Sheet("210500000000", header + $"124,一般,30,70,,{doc}\n124,很重,70,100,,{doc}\n第一百二十五条,一般,70,30,,{doc}\n"), Ct));
        var rows = bad.GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(rows, r => r.StartsWith("第 3 行：", StringComparison.Ordinal) && r.Contains("裁量档次", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("第 4 行：", StringComparison.Ordinal) && r.Contains("应小于", StringComparison.Ordinal));
        Assert.DoesNotContain("210500000000", await city.GetStringAsync("/api/v1/enforcement/benchmarks", Ct), StringComparison.Ordinal);

        var imported = await JsonAsync(await city.PostAsync("/api/v1/enforcement/benchmarks",
            Sheet("210500000000", header + $"第一百二十四条,从轻,0,30,初次违法、货值较小,{doc}\n第一百二十四条,一般,30%,70%,,{doc}\n124,从重,70,100,多次违法、造成危害后果,{doc}\nArt125,一般,30,70,,{doc}\n"), Ct), HttpStatusCode.OK);
        Assert.Equal(4, imported.GetProperty("imported").GetInt32());

        // 第一百二十四条 at 货值 20 000 yuan: 200 000–400 000; 一般 is 30–70 % of the width, 260 000–340 000.
        var band = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/enforcement/penalty-band?article=Art124&goodsValue=20000&regionCode=210503001000", Ct);
        Assert.Equal("210500000000", band.GetProperty("benchmarkRegion").GetString());
        var ordinary = band.GetProperty("benchmark").EnumerateArray().Single(b => b.GetProperty("level").GetString() == "一般");
        Assert.Equal(260_000m, ordinary.GetProperty("min").GetDecimal());
        Assert.Equal(340_000m, ordinary.GetProperty("max").GetDecimal());

        // A 溪湖区 case proposing 250 000 as 一般: below the benchmark's range, so a reason is required; then it is kept on the case.
        var caseId = await EnforcementTests.OpenCaseIdAsync(factory, "210503", "210503001000", party: "裁量当事人");
        var officer = await factory.ClientAsAsync("officer@210503");
        var findings = new
        {
            report = "当事人经营超过保质期的食品，货值 2 万元。", proposedOutcome = "Penalty", article = "Art124", goodsValue = 20_000m, fine = 250_000m, confiscated = 0m,
            warning = false, discretionLevel = "一般", discretionReason = (string?)null,
        };
        var refused = await ErrorsAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings, Ct));
        Assert.Contains("260000–340000", refused.GetProperty("discretionReason")[0].GetString(), StringComparison.Ordinal);
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings with { discretionReason = "主动召回，配合调查" }, Ct), HttpStatusCode.NoContent);
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal($"{doc}「一般」档：260000–340000 元（法定幅度的 30%–70%），拟处罚款不在此范围", c.GetProperty("benchmark").GetString());
        Assert.Contains(c.GetProperty("history").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("偏离理由：主动召回，配合调查", StringComparison.Ordinal));
        Assert.Contains("不在此范围", await officer.GetStringAsync($"/enforcement/cases/{caseId}", Ct), StringComparison.Ordinal);

        // 溪湖区's own benchmark, once imported, is the one its cases use (the county before the city).
        await JsonAsync(await head.PostAsync("/api/v1/enforcement/benchmarks", Sheet("210503000000", header + "124,一般,20,80,,溪湖区裁量基准\n"), Ct), HttpStatusCode.OK);
        band = await officer.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/penalty-band?article=Art124&goodsValue=20000&regionCode=210503001000", Ct);
        Assert.Equal("210503000000", band.GetProperty("benchmarkRegion").GetString());
        Assert.Equal(240_000m, band.GetProperty("benchmark")[0].GetProperty("min").GetDecimal());
        Assert.Contains("溪湖区裁量基准", await officer.GetStringAsync("/enforcement/benchmarks", Ct), StringComparison.Ordinal);
    }
}

public sealed class AssistanceSqliteTests(SqliteShianFactory factory) : AssistanceTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class AssistancePostgresTests(PostgresShianFactory factory) : AssistanceTests(factory), IClassFixture<PostgresShianFactory>;
