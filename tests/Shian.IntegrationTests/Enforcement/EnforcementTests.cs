using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.Enforcement.Rules;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Kernel.Scoping;

namespace Shian.IntegrationTests.Enforcement;

/// <summary>
/// A clue raised by a non-conforming inspection arrives through the outbox, becomes a case on the head's approval, and is
/// carried through measures, review, notice, decision, service and payment with the surcharge to its close — over HTTP on
/// both databases; and a clue committed by a process that died before the dispatch is not lost.
/// </summary>
public abstract class EnforcementTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private WorkingDayCalendar Calendar => factory.Services.GetRequiredService<WorkingDayCalendarProvider>().Current;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    private async Task<(string BusinessId, string ClueId)> NonConformingInspectionAsync(string name)
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var inspector = await factory.ClientAsAsync("inspector@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", name + Guid.NewGuid().ToString("N")[..6]);
        var checklist = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/businesses/{id}/checklist", Ct);
        var items = checklist.GetProperty("items").EnumerateArray().ToList();
        var answers = items.ToDictionary(i => i.GetProperty("code").GetString()!, _ => "Yes");
        answers[items.First(i => i.GetProperty("key").GetBoolean()).GetProperty("code").GetString()!] = "No";
        var bad = await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{id}/records", new
        {
            submissionId = Guid.NewGuid(), inspectedOn = Day(factory.Today), answers, findings = "使用超过保质期的原料。", inspectors = new[] { "inspector@210503", "officer@210503" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, bad.StatusCode);
        return (id, await EnforcementHttp.ArrivedClueAsync(officer, name));
    }

    [Fact]
    public async Task AFailedInspection_BecomesACase_ThatRunsThroughEveryStepWithItsClocks_ToPaymentAndClosing()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var (businessId, clueId) = await NonConformingInspectionAsync("案件流程餐馆");
        var today = factory.Today;

        var clue = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{clueId}", Ct);
        Assert.Equal("Inspection", clue.GetProperty("source").GetString());
        Assert.Equal(businessId, clue.GetProperty("businessId").GetString());
        Assert.Equal(CaseClock.DecisionDue(Calendar, today), Date(clue.GetProperty("decisionDue")));

        // Testing days move the 立案 date; the head's extension adds 15 working days once.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/pause", new { days = 3, reason = "送检" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/extend", new { reason = "情况复杂" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/extend", new { reason = "情况复杂" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/extend", new { reason = "再延" }, Ct)).StatusCode);
        clue = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{clueId}", Ct);
        Assert.Equal(CaseClock.DecisionDue(Calendar, today, extended: true, pausedWorkingDays: 3), Date(clue.GetProperty("decisionDue")));

        // 立案 needs two credentialed officers and a violation within the limitation period.
        var one = await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "检查发现使用超过保质期的原料", party = "案件流程餐馆", cause = "使用超过保质期的食品原料", violationEndedOn = Day(today), officers = new[] { "officer@210503" },
        }, Ct);
        Assert.Contains("两名以上", (await ErrorsAsync(one)).GetProperty("officers")[0].GetString(), StringComparison.Ordinal);
        var old = await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "x", party = "案件流程餐馆", cause = "y", violationEndedOn = Day(today.AddYears(-3)), officers = new[] { "officer@210503", "inspector@210503" },
        }, Ct);
        Assert.Contains("第三十六条", (await ErrorsAsync(old)).GetProperty("violationEndedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "检查发现使用超过保质期的原料", party = "案件流程餐馆", cause = "使用超过保质期的食品原料", violationEndedOn = Day(today),
            officers = new[] { "officer@210503", "inspector@210503" },
        }, Ct)).StatusCode);

        // The head approves (an officer may not); the case is numbered per county and year and its 90 days start.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct)).StatusCode);
        var approved = await head.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true, opinion = "同意立案" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var caseId = (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseId").GetString()!;
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Matches(@"^立〔\d{4}〕\d+ 号$", c.GetProperty("number").GetString()!);
        Assert.Equal(today.AddDays(90), Date(c.GetProperty("decisionDue")));
        Assert.Equal("Opened", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{clueId}", Ct)).GetProperty("status").GetString());

        // 先行登记保存: decided within 7 working days; the investigation cannot end while it is open.
        var measure = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/measures", new { kind = "Preservation", items = "过期面粉 3 袋", startedOn = Day(today) }, Ct);
        var measureId = (await measure.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal(CaseDeadlines.PreservationDecideBy(Calendar, today), Date(c.GetProperty("measures")[0].GetProperty("dueOn")));
        var findings = new
        {
            report = "当事人使用超过保质期的面粉加工面点，货值 2 万元。", proposedOutcome = "Penalty", article = "Art124", goodsValue = 20_000m, fine = 250_000m, confiscated = 1_200m,
            warning = false, discretionLevel = "一般",
        };
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/measures/{measureId}/end", new { outcome = "没收" }, Ct)).StatusCode);

        // The fine is checked against 第一百二十四条: 10–20 × 20 000.
        var tooHigh = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings with { fine = 500_000m }, Ct);
        Assert.Contains("400000", (await ErrorsAsync(tooHigh)).GetProperty("fine")[0].GetString(), StringComparison.Ordinal);
        var tooLow = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings with { fine = 50_000m }, Ct);
        Assert.Contains("减轻", (await ErrorsAsync(tooLow)).GetProperty("fine")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/submit", findings, Ct)).StatusCode);

        // Review by the head, then the notice: an organisation fined ≥ 100 000 may ask for a hearing within 5 working days.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/review", new { pass = true, opinion = "同意" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/review", new { pass = true, opinion = "事实清楚，证据确凿" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/notify", new { on = Day(today) }, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.True(c.GetProperty("hearingRight").GetBoolean());
        Assert.Equal(CaseDeadlines.HearingRequestBy(Calendar, today), Date(c.GetProperty("statementBy")));

        // No decision inside the party's period; a written waiver ends it.
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsync($"/api/v1/enforcement/cases/{caseId}/decide", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/statement", new { waived = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/enforcement/cases/{caseId}/decide", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/v1/enforcement/cases/{caseId}/decide", null, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Matches(@"^罚〔\d{4}〕\d+ 号$", c.GetProperty("decisionNumber").GetString()!);
        Assert.Equal(CaseDeadlines.ServeBy(Calendar, today), Date(c.GetProperty("serveBy")));

        // The documents come out as .docx filled from the case: the decision names its number, the remedies and the publication.
        var docx = await officer.GetAsync($"/api/v1/enforcement/cases/{caseId}/documents/Decision", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(c.GetProperty("decisionNumber").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains("六十日内依法申请行政复议", text, StringComparison.Ordinal);
            Assert.Contains("国家企业信用信息公示系统", text, StringComparison.Ordinal);
            Assert.Contains("溪湖区市场监督管理局", text, StringComparison.Ordinal);
            Assert.Contains("罚款 250000 元", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/enforcement/cases/{caseId}/documents/Notice", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/enforcement/cases/{caseId}/documents/Opening", Ct)).StatusCode);

        // The 询问笔录 for the interview on paper: the case's headings, the officers with their certificates, the rights told.
        var interview = await EnforcementHttp.DocxTextAsync(await officer.GetAsync($"/api/v1/enforcement/cases/{caseId}/documents/Interview", Ct));
        Assert.Contains("询问笔录", interview, StringComparison.Ordinal);
        Assert.Contains(c.GetProperty("number").GetString()!, interview, StringComparison.Ordinal);
        Assert.Contains("申请执法人员回避", interview, StringComparison.Ordinal);
        Assert.Contains("执法证号", interview, StringComparison.Ordinal);

        // The decision is a durable event for credit and disclosure.
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            Assert.True(await db.Set<OutboxEvent>().AnyAsync(e => e.Type.StartsWith("Shian.Enforcement.Contracts.PenaltyDecided") && e.Payload.Contains(caseId), Ct));
        }

        // Served today: 15 days to pay; three days late, 3 % of the fine a day is added.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/serve", new { servedOn = Day(today), method = "直接送达" }, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        var payBy = Date(c.GetProperty("payBy"));
        Assert.Equal(CaseDeadlines.PayBy(Calendar, today), payBy);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/close", new { }, Ct)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(payBy.DayNumber - today.DayNumber + 3));
        var paidOn = payBy.AddDays(3);
        officer = await factory.ClientAsAsync("officer@210503"); // the access token ran out with the days
        var wrong = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(paidOn), amount = 251_200m }, Ct);
        Assert.Contains("22500.00", (await ErrorsAsync(wrong)).GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/payment", new { paidOn = Day(paidOn), amount = 273_700m }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/close", new { note = "执行完毕" }, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal("Closed", c.GetProperty("stage").GetString());
        Assert.Equal(273_700m, c.GetProperty("amountPaid").GetDecimal());
        Assert.True(c.GetProperty("history").GetArrayLength() >= 10);
    }

    [Fact]
    public async Task TheProposer_CannotApprove_AndANotOpenedClue_IsClosedByTheHead()
    {
        var admin = await factory.ClientAsAsync("admin");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var created = await admin.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Transfer", regionCode = "210503001000", businessName = "移送当事人", summary = "外区移送", fromWhom = "平山区市场监督管理局", foundOn = Day(factory.Today) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/enforcement/clues/{id}/propose", new { open = false, reason = "经核查不属于本局管辖" }, Ct)).StatusCode);
        var self = await admin.PostAsJsonAsync($"/api/v1/enforcement/clues/{id}/approve", new { approve = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("自己", (await self.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/v1/enforcement/clues/{id}/approve", new { approve = true }, Ct)).StatusCode);
        Assert.Equal("NotOpened", (await head.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/clues/{id}", Ct)).GetProperty("status").GetString());

        // A manual clue names its source among those entered by hand, and a transfer its sender.
        var bad = await admin.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Inspection", regionCode = "210503001000", businessName = "x", summary = "y", foundOn = Day(factory.Today) }, Ct);
        Assert.True((await ErrorsAsync(bad)).TryGetProperty("source", out _));
        var noSender = await admin.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Transfer", regionCode = "210503001000", businessName = "x", summary = "y", foundOn = Day(factory.Today) }, Ct);
        Assert.True((await ErrorsAsync(noSender)).TryGetProperty("fromWhom", out _));
    }

    /// <summary>A field clue in <paramref name="town"/> opened as a case by that district's officer, inspector and head; its number.</summary>
    private async Task<int> OpenCaseAsync(string county, string town)
    {
        var caseId = await OpenCaseIdAsync(county, town);
        var officer = await factory.ClientAsAsync($"officer@{county}");
        var number = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct)).GetProperty("number").GetString()!;
        return int.Parse(System.Text.RegularExpressions.Regex.Match(number, @"〕(\d+) 号").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<string> OpenCaseIdAsync(string county, string town) => OpenCaseIdAsync(factory, county, town);

    /// <summary>A field clue in <paramref name="town"/> (about a register business when given) opened as a case by that district's officer, inspector and head: its id.</summary>
    internal static async Task<string> OpenCaseIdAsync(ShianFactory factory, string county, string town, string? businessId = null, string party = "编号当事人")
    {
        var officer = await factory.ClientAsAsync($"officer@{county}");
        var created = await officer.PostAsJsonAsync("/api/v1/enforcement/clues", new { source = "Field", regionCode = town, businessId, businessName = party, summary = "编号测试", foundOn = Day(factory.Today) }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var clueId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "编号测试", party, cause = "编号测试", violationEndedOn = Day(factory.Today), officers = new[] { $"officer@{county}", $"inspector@{county}" },
        }, Ct)).EnsureSuccessStatusCode();
        var approved = await (await factory.ClientAsAsync($"coordinator@{county}")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct);
        return (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseId").GetString()!;
    }

    [Fact]
    public async Task AFailedSamplesClue_OpenedAsACase_ShowsTheDecisionOnTheSamplesDisposition()
    {
        var name = "立案回写菜店" + Guid.NewGuid().ToString("N")[..4];
        var (_, sampleId, _) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, name);
        var lab = await factory.ClientAsAsync("lab@210500");
        (await lab.PostAsJsonAsync($"/api/v1/sampling/samples/{sampleId}/results", Sampling.SamplingTests.FailingLead, Ct)).EnsureSuccessStatusCode();
        var officer = await factory.ClientAsAsync("officer@210503");
        JsonElement Step(JsonElement sample) => sample.GetProperty("disposition").GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "案件线索（立案决定）");
        Assert.Equal("已移送执法，待立案决定", Step(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{sampleId}", Ct)).GetProperty("note").GetString());

        var clueId = await EnforcementHttp.ArrivedClueAsync(officer, name);
        (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "铅超标", party = name, cause = "经营重金属超标的食用农产品", violationEndedOn = Day(factory.Today), officers = new[] { "officer@210503", "inspector@210503" },
        }, Ct)).EnsureSuccessStatusCode();
        var approved = await (await factory.ClientAsAsync("coordinator@210503")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct);
        var caseId = (await approved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseId").GetString()!;
        var number = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct)).GetProperty("number").GetString()!;

        await Eventually.TrueAsync(async () =>
        {
            var step = Step(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/sampling/samples/{sampleId}", Ct));
            return step.GetProperty("doneOn").ValueKind == JsonValueKind.String && step.GetProperty("note").GetString() == $"已立案（{number}）";
        }, "the 立案 decision on the sample's disposition");
    }

    [Fact]
    public async Task Evidence_KeepsItsHashOnTheCase_AndAChangedFileFailsTheCheck()
    {
        var caseId = await OpenCaseIdAsync("210503", "210503001000");
        var officer = await factory.ClientAsAsync("officer@210503");
        var content = "现场检查笔录：冷库内查见过期冻肉 12 箱。" + Guid.NewGuid();
        var attachmentId = await Uploads.UploadTextAsync(officer, "210503001000", "现场笔录.txt", content, Ct);
        var missing = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/evidence", new { kind = "SiteRecord", attachmentId }, Ct);
        Assert.True((await ErrorsAsync(missing)).TryGetProperty("description", out _));
        var added = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/evidence", new { kind = "SiteRecord", description = "现场笔录，证明冷库存放过期冻肉", collectedOn = Day(factory.Today), attachmentId }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var evidenceId = (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/evidence", new { kind = "SiteRecord", description = "再加一次", collectedOn = Day(factory.Today), attachmentId }, Ct)).StatusCode);

        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/evidence", Ct);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        Assert.Equal(expected, list[0].GetProperty("sha256").GetString());
        var verify = await officer.PostAsync($"/api/v1/enforcement/cases/{caseId}/evidence/{evidenceId}/verify", null, Ct);
        Assert.True((await verify.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("intact").GetBoolean());

        // Someone alters the stored bytes behind the application's back: the check says so.
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            var key = await db.Attachments.Where(a => a.Id == Guid.Parse(attachmentId)).Select(a => a.StorageKey).SingleAsync(Ct);
            var root = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShianOptions>>().Value.DataDirFullPath;
            await File.WriteAllTextAsync(Path.Combine(root, "files", key), content.Replace("12", "2", StringComparison.Ordinal), Ct);
        }

        verify = await officer.PostAsync($"/api/v1/enforcement/cases/{caseId}/evidence/{evidenceId}/verify", null, Ct);
        Assert.False((await verify.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("intact").GetBoolean());
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Contains(c.GetProperty("history").EnumerateArray(), h => h.GetProperty("text").GetString()!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASuspectedCrime_IsTransferredToThePolice_OnItsClocks_AndARefusalLetsTheCaseGoOn()
    {
        var caseId = await OpenCaseIdAsync("210503", "210503001000");
        var officer = await factory.ClientAsAsync("officer@210503");
        var head = await factory.ClientAsAsync("coordinator@210503");
        var today = factory.Today;
        var bad = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers", new { grounds = "足以造成严重食物中毒事故" }, Ct);
        Assert.True((await ErrorsAsync(bad)).TryGetProperty("evidence", out _));
        var created = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers", new { grounds = "致病菌严重超标，足以造成严重食物中毒事故", evidence = "检验报告 1 份，扣押冷面 200 份" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tid = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers", new { grounds = "再报", evidence = "同上" }, Ct)).StatusCode);

        async Task<JsonElement> TransferAsync() => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}/transfers", Ct)).EnumerateArray().Single(t => t.GetProperty("id").GetString() == tid);
        Assert.Equal(TransferDeadlines.ApproveBy(Calendar, today), Date((await TransferAsync()).GetProperty("approveBy")));

        // Only the head approves; the file goes within 24 hours, to a named police agency.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/decision", new { approve = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/decision", new { approve = true, opinion = "同意移送" }, Ct)).StatusCode);
        Assert.Equal(TransferDeadlines.TransferBy(today), Date((await TransferAsync()).GetProperty("transferBy")));
        var noPolice = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/sent", new { sentOn = Day(today), copiedToProcuratorate = true }, Ct);
        Assert.True((await ErrorsAsync(noPolice)).TryGetProperty("police", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/sent", new { sentOn = Day(today), police = "本溪市公安局溪湖分局", copiedToProcuratorate = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/accepted", new { on = Day(today) }, Ct)).StatusCode);
        var t = await TransferAsync();
        Assert.Equal(TransferDeadlines.PoliceDecisionDue(today), Date(t.GetProperty("policeDecisionDue")));

        // The police decline: the case goes on, 复议 may be asked once; a new report may follow.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/police-decision", new { decision = "不予立案", decidedOn = Day(today), feedbackOn = Day(today) }, Ct)).StatusCode);
        Assert.Equal("NotOpened", (await TransferAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/close-case", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/follow-up", new { followUp = "提请公安机关复议", on = Day(today) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid}/follow-up", new { followUp = "建议人民检察院立案监督", on = Day(today) }, Ct)).StatusCode);
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal("Investigating", c.GetProperty("stage").GetString());

        // On 复议 the police open a criminal case: the administrative case is closed, its history telling why.
        var again = await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers", new { grounds = "复议后补充证据", evidence = "补充检验报告" }, Ct);
        var tid2 = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid2}/decision", new { approve = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid2}/sent", new { sentOn = Day(today), police = "本溪市公安局溪湖分局", copiedToProcuratorate = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid2}/police-decision", new { decision = "立案侦查", decidedOn = Day(today), feedbackOn = Day(today) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/v1/enforcement/cases/{caseId}/transfers/{tid2}/close-case", null, Ct)).StatusCode);
        c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/cases/{caseId}", Ct);
        Assert.Equal("Closed", c.GetProperty("stage").GetString());
        Assert.Contains(c.GetProperty("history").EnumerateArray(), h => h.GetProperty("text").GetString()!.Contains("行政案件终结", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseNumbers_RunPerCounty_UnaffectedByAnotherCountysCases()
    {
        // The numbering reads past the region filter (a reviewed bypass), but only the maximum of the case's own county.
        var a1 = await OpenCaseAsync("210503", "210503001000");
        var b1 = await OpenCaseAsync("210504", "210504002000");
        var b2 = await OpenCaseAsync("210504", "210504002000");
        var a2 = await OpenCaseAsync("210503", "210503001000");
        Assert.Equal(a1 + 1, a2);
        Assert.Equal(b1 + 1, b2);
    }

    [Fact]
    public async Task AClueCommittedByAProcessThatDiedBeforeTheDispatch_IsRegisteredByTheBackgroundDispatcher_Once()
    {
        var sourceId = Guid.NewGuid();
        var ev = new CaseClueRaised(CaseClueSource.Sampling, sourceId, Guid.Empty, "断电抽检经营者", "210503001000", factory.Today, CaseClock.DecisionDue(Calendar, factory.Today), "监督抽检不合格");
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(ev);
            scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(ev); // delivered twice: still one clue
            await db.SaveChangesAsync(Ct);
            db.OutboxWritten.Clear(); // killed between the commit and the dispatch
            await tx.CommitAsync(Ct);
        }

        var officer = await factory.ClientAsAsync("officer@210503");
        async Task<int> CountAsync() => (await officer.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/clues?open=true", Ct)).GetProperty("items").EnumerateArray()
            .Count(c => c.GetProperty("businessName").GetString() == "断电抽检经营者");
        Assert.Equal(0, await CountAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.TrueAsync(async () => await CountAsync() == 1, "the clue registered by the background dispatcher");
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            await Eventually.TrueAsync(async () => !await db.Set<OutboxDelivery>().AsNoTracking().AnyAsync(d => d.Handler == "Shian.Enforcement.Clues" && d.Status != DeliveryStatus.Done, Ct),
                "every delivery to the enforcement module done");
        }

        Assert.Equal(1, await CountAsync());
    }
}

public sealed class EnforcementSqliteTests(SqliteShianFactory factory) : EnforcementTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class EnforcementPostgresTests(PostgresShianFactory factory) : EnforcementTests(factory), IClassFixture<PostgresShianFactory>;
