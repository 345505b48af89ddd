using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.Enforcement.Contracts;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Complaints;

/// <summary>
/// 投诉举报 through HTTP: the public files on the form and follows it with the code; the district handles it (accept,
/// mediate, verify, reply, merge, transfer, close) on the statutory clocks; a substantiated report raises a case clue
/// without the reporter's identity; the insider follows up with the one-time key; nobody else sees a name or phone.
/// </summary>
public abstract partial class ComplaintsTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _phone = Random.Shared.Next(1000, 9000) * 1000;

    /// <summary>A fresh mobile number per filing (the per-phone limit is 5 a day).</summary>
    internal static string NextPhone() => $"139{Interlocked.Increment(ref _phone) % 100_000_000:D8}";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Posts the public form (no account) and returns the page.</summary>
    internal static async Task<string> FileAsync(HttpClient client, IReadOnlyDictionary<string, string> fields, bool insider = false, IEnumerable<(string Name, byte[] Bytes)>? files = null)
    {
        var url = "/public/complaints/new" + (insider ? "?insider=true" : "");
        var form = await client.GetStringAsync(url, Ct);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(ShianFactory.AntiforgeryToken(form)), "__RequestVerificationToken");
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }

        foreach (var (name, bytes) in files ?? [])
        {
            content.Add(new ByteArrayContent(bytes), "Photos", name);
        }

        var res = await client.PostAsync(url, content, Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync(Ct));
    }

    internal static string CodeOf(string receipt) => Regex.Match(receipt, "data-code>([^<]+)<") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no receipt: " + Errors(receipt));

    internal static string Errors(string page) => string.Join(" | ", Regex.Matches(page, "<li>([^<]+)</li>|field-validation-error[^>]*>([^<]+)<").Select(m => m.Groups[1].Value + m.Groups[2].Value));

    private HttpClient Anonymous() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> TrackAsync(HttpClient client, string code, string secret, string? handler = null, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var page = await client.GetStringAsync("/public/complaints", Ct);
        var res = await client.PostAsync("/public/complaints/track" + (handler is null ? "" : "?handler=" + handler), new FormUrlEncodedContent(
            [new("Code", code), new("Secret", secret), new("__RequestVerificationToken", ShianFactory.AntiforgeryToken(page)), .. more ?? []]), Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> IdOfAsync(string code)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        var stored = code.Replace("-", "", StringComparison.Ordinal);
        return (await db.Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters().Where(c => c.TrackingCode == stored).Select(c => c.Id).SingleAsync(Ct)).ToString();
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient browser, string id, string handler, params (string Key, string Value)[] fields) =>
        await AccountsTests.PostFormAsync(browser, $"/complaints/{id}", AccountsTests.Form(fields), handler);

    [Fact]
    public async Task ACitizen_FilesOnThePublicForm_TracksWithCodeAndPhoneDigits_AndTheDistrictHandlesItToClosure()
    {
        var phone = NextPhone();
        var shop = "河东便民超市" + Guid.NewGuid().ToString("N")[..4];
        var receipt = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Complaint", ["Category"] = "ExpiredOrSpoiled", ["Description"] = "<script>alert('x')</script> 买到过期酸奶，要求退赔",
            ["BusinessName"] = shop, ["Address"] = "溪湖区河东街道 1 号", ["RegionCode"] = "210503000000", ["Name"] = "王小明", ["Phone"] = phone,
        }, files: [("receipt.png", Png)]);
        var code = CodeOf(receipt);
        Assert.Contains("由溪湖区办理", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("data-key", receipt, StringComparison.Ordinal); // a named complainant tracks with the phone

        // Tracking: the phone's last four digits open it; others do not, and say so in Chinese.
        var citizen = Anonymous();
        var tracked = await TrackAsync(citizen, code, phone[^4..]);
        Assert.Contains("已收到，等待受理", tracked, StringComparison.Ordinal);
        Assert.Contains("查询码或手机号后四位（举报密钥）不正确", await TrackAsync(citizen, code, "0000"), StringComparison.Ordinal);
        Assert.Contains("查询码为 11 位字母数字", await TrackAsync(citizen, "ABC", "0000"), StringComparison.Ordinal);

        // The district's list shows it with the complainant masked; the text is stored as given and shown escaped.
        var (officer, _) = await factory.BrowserAsAsync("officer@210503");
        var list = WebUtility.HtmlDecode(await officer.GetStringAsync($"/complaints?q={Uri.EscapeDataString(shop)}", Ct));
        Assert.Contains(shop, list, StringComparison.Ordinal);
        Assert.Contains("王*", list, StringComparison.Ordinal);
        var id = await IdOfAsync(code);
        var raw = await officer.GetStringAsync($"/complaints/{id}", Ct);
        Assert.Contains("&lt;script&gt;alert(", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", raw, StringComparison.Ordinal);
        var photo = Regex.Match(raw, "handler=Photo&(?:amp;)?photoId=([0-9a-f-]+)").Groups[1].Value;
        var img = await officer.GetAsync($"/complaints/{id}?handler=Photo&photoId={photo}", Ct);
        Assert.Equal("image/png", img.Content.Headers.ContentType?.MediaType);

        // 受理 with consent to mediate → the mediation clock; mediation agreed; reply; close.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Accept", ("mediation", "true"))).StatusCode);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/complaints/{id}", Ct));
        Assert.Contains("调解 " + Shian.Complaints.Rules.ComplaintClock.MediationEndsBy(Calendar(), factory.Today).ToString("yyyy-MM-dd"), page, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await ActAsync(officer, id, "Close")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("不能办结：尚无调解结果；尚未答复投诉举报人", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Mediate", ("outcome", "Agreed"), ("amount", "36.5"), ("note", "商家退一赔三"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Reply", ("reply", "经调解，商家同意退货并赔偿。"), ("replyChannel", "电话"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, id, "Close")).StatusCode);

        // The citizen sees the outcome and rates it once.
        tracked = await TrackAsync(citizen, code, phone[^4..]);
        Assert.Contains("经调解，商家同意退货并赔偿。", tracked, StringComparison.Ordinal);
        Assert.Contains("调解达成协议，挽回经济损失 36.5 元", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("商家退一赔三", tracked, StringComparison.Ordinal); // the officer's note is internal
        tracked = await TrackAsync(citizen, code, phone[^4..], "Rate", [new("score", "4"), new("comment", "处理及时")]);
        Assert.Contains("感谢您的评价", tracked, StringComparison.Ordinal);
        Assert.Contains("办结后可评价一次", await TrackAsync(citizen, code, phone[^4..], "Rate", [new("score", "1")]), StringComparison.Ordinal);
        var api = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}", Ct);
        Assert.Equal(4, api.GetProperty("satisfaction").GetInt32());
        Assert.Equal("Closed", api.GetProperty("status").GetString());
    }

    private Shian.Kernel.Calendar.WorkingDayCalendar Calendar()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Shian.Kernel.Calendar.WorkingDayCalendarProvider>().Current;
    }

    [Fact]
    public async Task BadInput_IsRefusedField_ByField_InChinese_AndNothingIsStored()
    {
        var before = await CountAsync();
        var page = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Complaint", ["Category"] = "Hygiene", ["Description"] = new string('长', 4001), ["Anonymous"] = "true",
        }, files: [("notes.txt", "hello"u8.ToArray())]);
        var errors = Errors(page);
        Assert.Contains("描述不能超过 4000 字（现 4001 字）", errors, StringComparison.Ordinal);
        Assert.Contains("投诉须提供姓名和联系电话以便调解；不愿留名的，请选择「举报」", errors, StringComparison.Ordinal);
        Assert.Contains("第 1 个文件「notes.txt」不是 JPG 或 PNG 图片", errors, StringComparison.Ordinal);
        Assert.Contains("请选择或填写被投诉举报的经营者，或填写地点", errors, StringComparison.Ordinal);

        page = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "Other", ["Description"] = "x", ["Address"] = "某处", ["RegionCode"] = "210503000000", ["Name"] = "李四", ["Phone"] = "12345",
        });
        Assert.Contains("联系电话应为 11 位手机号或带区号的固定电话", Errors(page), StringComparison.Ordinal);

        // A forged category number is refused by name, in Chinese.
        page = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "99", ["Description"] = "x", ["Address"] = "某处", ["RegionCode"] = "210503000000", ["Anonymous"] = "true",
        });
        Assert.Contains("“99”不是有效的取值", Errors(page), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        // The same phone may file five times a day; the sixth is refused.
        var phone = NextPhone();
        for (var i = 0; i < 5; i++)
        {
            CodeOf(await FileAsync(Anonymous(), new Dictionary<string, string>
            {
                ["Kind"] = "Report", ["Category"] = "Other", ["Description"] = $"第 {i} 次", ["Address"] = "明山区某处", ["RegionCode"] = "210504000000", ["Name"] = "赵六", ["Phone"] = phone,
            }));
        }

        page = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "Other", ["Description"] = "第 6 次", ["Address"] = "明山区某处", ["RegionCode"] = "210504000000", ["Name"] = "赵六", ["Phone"] = phone,
        });
        Assert.Contains("同一电话 24 小时内最多提交 5 件", Errors(page), StringComparison.Ordinal);
        Assert.Equal(before + 5, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>().Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters().CountAsync(Ct);
    }

    [Fact]
    public async Task AnInsider_ReportsAnonymously_FollowsUpWithTheOneTimeKey_AndAnswersTheOfficersQuestion()
    {
        var receipt = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Category"] = "IllegalAdditive", ["Description"] = "后厨在卤肉里加罂粟壳", ["BusinessName"] = "内部举报卤味店", ["Address"] = "溪湖区", ["RegionCode"] = "210503000000",
            ["Anonymous"] = "true",
        }, insider: true);
        var code = CodeOf(receipt);
        var key = Regex.Match(receipt, "data-key>([^<]+)<").Groups[1].Value;
        Assert.Equal(12, key.Length);
        Assert.Contains("密钥只显示这一次", receipt, StringComparison.Ordinal);

        var id = await IdOfAsync(code);
        var officer = await factory.ClientAsAsync("officer@210503");
        var api = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}", Ct);
        Assert.Equal("Report", api.GetProperty("kind").GetString());
        Assert.Equal("Whistleblower", api.GetProperty("channel").GetString());
        Assert.True(api.GetProperty("insider").GetBoolean());
        Assert.True(api.GetProperty("anonymous").GetBoolean());

        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "Note", ("text", "请问添加的时间和地点？"), ("question", "true"))).StatusCode);
        var insider = Anonymous();
        var tracked = await TrackAsync(insider, code, key);
        Assert.Contains("请问添加的时间和地点？", tracked, StringComparison.Ordinal);
        Assert.Contains("查询码或手机号后四位（举报密钥）不正确", await TrackAsync(insider, code, "0000"), StringComparison.Ordinal);
        Assert.Contains("已发送", await TrackAsync(insider, code, key, "Answer", [new("text", "每天凌晨四点，在后厨操作间")]), StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await browser.GetStringAsync($"/complaints/{id}", Ct));
        Assert.Contains("每天凌晨四点，在后厨操作间", history, StringComparison.Ordinal);
        Assert.Contains("投诉举报人补充", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATicketOrPhoneUsedInAnotherDistrict_IsRefused_WithoutShowingThatDistrictsComplaint()
    {
        // Intake's reviewed bypass of the region filter: a hotline ticket is registered once and a phone files at most
        // 5 a day, counted in every district — and the refusal says only that, nothing of the other district's record.
        var xihu = await factory.ClientAsAsync("officer@210503");
        var mingshan = await factory.ClientAsAsync("officer@210504");
        var ticket = "12345-" + Guid.NewGuid().ToString("N")[..8];
        var phone = NextPhone();
        object Call(string region, string ticketId, string description) => new
        {
            channel = "Hotline12345", ticketId, kind = "Complaint", category = "ExpiredOrSpoiled", description, businessName = "跨区超市",
            address = "胜利路 9 号", regionCode = region, anonymous = false, name = "孙八", phone,
        };
        Assert.Equal(HttpStatusCode.Created, (await xihu.PostAsJsonAsync("/api/v1/complaints", Call("210503000000", ticket, "溪湖区的来电内容"), Ct)).StatusCode);

        var again = await mingshan.PostAsJsonAsync("/api/v1/complaints", Call("210504000000", ticket, "明山区的来电"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var refusal = await again.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已登记过", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("溪湖", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("孙八", refusal, StringComparison.Ordinal);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await mingshan.PostAsJsonAsync("/api/v1/complaints", Call("210504000000", $"{ticket}-{i}", "明山区的来电"), Ct)).StatusCode);
        }

        var sixth = await xihu.PostAsJsonAsync("/api/v1/complaints", Call("210503000000", ticket + "-x", "溪湖区的第六次来电"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.DoesNotContain("明山", await sixth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilingsAtOnce_AreCommittedTogether_EachAuditedAsItsOwnFiler_InAnUnbrokenChain()
    {
        // Hotline calls of two districts' operators and public filings at once: the group commit (Data/GroupCommit)
        // writes what queued meanwhile in one transaction; every filing is stored once, answered after its commit, its
        // audit entry names whoever filed it (not the writer), and the district's chain stays unbroken.
        var xihu = await factory.ClientAsAsync("officer@210503");
        var mingshan = await factory.ClientAsAsync("officer@210504");
        var run = Guid.NewGuid().ToString("N")[..6];
        async Task<(string Id, string By)> CallAsync(HttpClient client, string by, string region, int i)
        {
            var res = await client.PostAsJsonAsync("/api/v1/complaints", new
            {
                channel = "Hotline12345", ticketId = $"GC-{run}-{by}-{i}", kind = "Complaint", category = "ExpiredOrSpoiled",
                description = $"并发来电 {i}", businessName = "某超市", address = "胜利路 1 号", regionCode = region, anonymous = false, name = "赵先生", phone = NextPhone(),
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, res.StatusCode);
            return ((await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!, by);
        }

        var shared = factory.Services.GetRequiredService<GroupCommit>().SharedCommits;
        var calls = Enumerable.Range(0, 12).Select(i => CallAsync(xihu, "officer@210503", "210503000000", i))
            .Concat(Enumerable.Range(0, 12).Select(i => CallAsync(mingshan, "officer@210504", "210504000000", i)))
            .ToList();
        var publicFilings = Enumerable.Range(0, 4).Select(_ => FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "Unlicensed", ["Description"] = "无证经营的流动摊点 " + run,
            ["Address"] = "平山区胜利路", ["RegionCode"] = "210502000000", ["Anonymous"] = "true",
        })).ToList();
        var filed = await Task.WhenAll(calls);
        Assert.True(factory.Services.GetRequiredService<GroupCommit>().SharedCommits > shared, "28 filings at once never shared a commit");
        foreach (var receipt in await Task.WhenAll(publicFilings))
        {
            CodeOf(receipt);
        }

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        foreach (var (id, by) in filed)
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "Complaint" && a.EntityId == id, Ct);
            Assert.Equal(by, entry.UserName);
            Assert.NotNull(entry.RequestId);
        }

        Assert.Equal(4, await db.Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters().CountAsync(c => c.Description == "无证经营的流动摊点 " + run, Ct));
        var admin = await factory.ClientAsAsync("admin");
        foreach (var chain in new[] { "210503000000", "210504000000", "210502000000" })
        {
            var verified = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit/chains/{chain}/verify", Ct);
            Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        }
    }

    [Fact]
    public async Task ASubstantiatedReport_RaisesACaseClue_WithoutTheReporter_CountsInRisk_AndTheNamedReporterIsToldInFiveWorkingDays()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var shop = "举报查实餐馆" + Guid.NewGuid().ToString("N")[..4];
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", shop);
        var phone = NextPhone();
        var res = await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = "12345-" + Guid.NewGuid().ToString("N")[..8], kind = "Report", category = "KitchenWaste",
            description = "后门每晚有人收泔水", businessId, anonymous = false, name = "钱七", phone,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}", Ct);
        Assert.Equal("210503001000", detail.GetProperty("regionCode").GetString()); // routed by the business's place (第十二条)
        Assert.Equal(Shian.Complaints.Rules.ComplaintClock.VerifyBy(Calendar(), factory.Today).ToString("yyyy-MM-dd"), detail.GetProperty("verifyBy").GetString());

        // The same ticket twice is refused.
        var again = await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = detail.GetProperty("ticketId").GetString(), kind = "Report", category = "KitchenWaste", description = "重复", businessId, anonymous = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/accept", new { }, Ct)).EnsureSuccessStatusCode();
        var clue = await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/verify", new { substantiated = false, violationSuspected = true, findings = "现场未见" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, clue.StatusCode);
        (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/verify", new { substantiated = true, violationSuspected = true, findings = "现场查获泔水桶 3 个，无收运合同" }, Ct)).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => Task.FromResult(factory.CaseClues.Raised.Any(c => c.SourceId == Guid.Parse(id))), "the case clue is delivered");
        var raised = factory.CaseClues.Raised.Single(c => c.SourceId == Guid.Parse(id));
        Assert.Equal(CaseClueSource.Complaint, raised.Source);
        Assert.Equal(Guid.Parse(businessId), raised.BusinessId);
        Assert.Equal(CaseClock.DecisionDue(Calendar(), factory.Today), raised.DecisionDue);
        Assert.DoesNotContain("钱七", raised.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, raised.Summary, StringComparison.Ordinal);

        await using (var scope = factory.Scope())
        {
            var sources = scope.ServiceProvider.GetServices<Shian.Risk.Contracts.IRiskEvidenceSource>();
            var evidence = new Dictionary<Guid, Shian.Risk.Contracts.RiskEvidence>();
            foreach (var s in sources)
            {
                foreach (var (k, v) in await s.EvidenceAsync([Guid.Parse(businessId)], Ct))
                {
                    evidence[k] = evidence.TryGetValue(k, out var e) ? e.Merge(v) : v;
                }
            }

            Assert.Equal(1, evidence[Guid.Parse(businessId)].SubstantiatedComplaints);
        }

        // The head's 立案 on the clue comes back as an event: the reporter's 5-working-day notice clock starts by itself.
        string? clueId = null;
        await Eventually.TrueAsync(async () =>
        {
            var clues = await officer.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/clues?open=true", Ct);
            clueId = clues.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("businessName").GetString() == shop) is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("id").GetString() : null;
            return clueId is not null;
        }, "the clue in the enforcement module");
        (await officer.PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/propose", new
        {
            open = true, reason = "举报查实", party = shop, cause = "餐厨废弃物未交有资质单位收运", violationEndedOn = factory.Today.ToString("yyyy-MM-dd"), officers = new[] { "officer@210503", "inspector@210503" },
        }, Ct)).EnsureSuccessStatusCode();
        (await (await factory.ClientAsAsync("coordinator@210503")).PostAsJsonAsync($"/api/v1/enforcement/clues/{clueId}/approve", new { approve = true }, Ct)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}", Ct)).GetProperty("reporterToldBy").ValueKind == JsonValueKind.String, "the 立案 decision on the complaint");
        detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}", Ct);
        Assert.Equal(Shian.Complaints.Rules.ComplaintClock.ReporterNoticeBy(Calendar(), factory.Today).ToString("yyyy-MM-dd"), detail.GetProperty("reporterToldBy").GetString());
        Assert.True(detail.GetProperty("caseOpened").GetBoolean());
    }

    [Fact]
    public async Task Duplicates_AreOffered_Merged_AndEveryFilerSeesTheOutcome()
    {
        var shop = "重复投诉面馆" + Guid.NewGuid().ToString("N")[..4];
        var (p1, p2) = (NextPhone(), NextPhone());
        var fields = (string phone, string name) => new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "Hygiene", ["Description"] = "后厨有老鼠", ["BusinessName"] = shop, ["Address"] = "溪湖区", ["RegionCode"] = "210503000000",
            ["Name"] = name, ["Phone"] = phone,
        };
        var first = CodeOf(await FileAsync(Anonymous(), fields(p1, "甲")));
        var second = CodeOf(await FileAsync(Anonymous(), fields(p2, "乙")));
        var (firstId, secondId) = (await IdOfAsync(first), await IdOfAsync(second));

        var (officer, _) = await factory.BrowserAsAsync("officer@210503");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/complaints/{secondId}", Ct));
        Assert.Contains($"data-duplicate=\"{first.Replace("-", "", StringComparison.Ordinal)}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, secondId, "Merge", ("intoId", firstId))).StatusCode);
        Assert.Contains("与同一问题的其他投诉举报合并办理", await TrackAsync(Anonymous(), second, p2[^4..]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, firstId, "Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, firstId, "Verify", ("substantiated", "true"), ("findings", "后厨防鼠设施缺失"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, firstId, "Reply", ("reply", "已责令整改防鼠设施"), ("replyChannel", "网上"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officer, firstId, "Close")).StatusCode);
        var tracked = await TrackAsync(Anonymous(), second, p2[^4..]);
        Assert.Contains("已责令整改防鼠设施", tracked, StringComparison.Ordinal);
        Assert.Contains("一并办结", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransferredComplaint_ShowsItsPhotos_ToTheNewDistrictOnly()
    {
        var receipt = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "Unlicensed", ["Description"] = "无证小作坊", ["Address"] = "其实在明山区", ["RegionCode"] = "210503000000", ["Anonymous"] = "true",
        }, files: [("a.png", Png)]);
        var id = await IdOfAsync(CodeOf(receipt));
        var (a, _) = await factory.BrowserAsAsync("officer@210503");
        var photo = Regex.Match(await a.GetStringAsync($"/complaints/{id}", Ct), "handler=Photo&(?:amp;)?photoId=([0-9a-f-]+)").Groups[1].Value;
        var res = await ActAsync(a, id, "Transfer", ("regionCode", "210504000000"), ("reason", "发生地在明山区"));
        Assert.Equal("/complaints?transferred=1", res.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/complaints/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/complaints/{id}?handler=Photo&photoId={photo}", Ct)).StatusCode);

        var (b, _) = await factory.BrowserAsAsync("officer@210504");
        var page = WebUtility.HtmlDecode(await b.GetStringAsync($"/complaints/{id}", Ct));
        Assert.Contains("移送 明山区 办理：发生地在明山区", page, StringComparison.Ordinal);
        Assert.Equal("image/png", (await b.GetAsync($"/complaints/{id}?handler=Photo&photoId={photo}", Ct)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAward_IsProposedApprovedByAnotherClaimedAsPhoneCreditAndPaid_AndPublishedWithoutIdentity()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "有奖举报饭店" + Guid.NewGuid().ToString("N")[..4]);
        var phone = NextPhone();
        var receipt = await FileAsync(Anonymous(), new Dictionary<string, string>
        {
            ["Kind"] = "Report", ["Category"] = "IllegalAdditive", ["Description"] = "火锅底料加罂粟壳", ["BusinessId"] = businessId, ["BusinessName"] = "有奖举报饭店",
            ["Name"] = "冯十一", ["Phone"] = phone,
        });
        var code = CodeOf(receipt);
        var id = await IdOfAsync(code);
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");

        // Not yet: the report must be confirmed and a case opened.
        var early = WebUtility.HtmlDecode(await (await ActAsync(browser, id, "ProposeReward", ("level", "2"), ("confiscated", "200000"), ("notKnownBefore", "true"))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("不符合奖励条件：举报事项未经核查属实；尚未立案查处", early, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "Verify", ("substantiated", "true"), ("violation", "true"), ("findings", "查获罂粟壳 2 公斤"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "Case", ("opened", "true"), ("decidedOn", factory.Today.ToString("yyyy-MM-dd")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "ProposeReward", ("level", "2"), ("confiscated", "200000"), ("notKnownBefore", "true"))).StatusCode);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/complaints/{id}", Ct));
        Assert.Contains("data-reward-status=\"Proposed\"", page, StringComparison.Ordinal);
        Assert.Contains("¥6000", page, StringComparison.Ordinal); // 3 % of 200 000

        // The proposer cannot approve; the district's coordinator does.
        var (coordinator, _) = await factory.BrowserAsAsync("coordinator@210503");
        Assert.DoesNotContain("批准</button>", page, StringComparison.Ordinal); // not offered to the proposer
        var rewardId = Regex.Match(await coordinator.GetStringAsync($"/complaints/{id}", Ct), "name=\"rewardId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var decided = await ActAsync(coordinator, id, "DecideReward", ("rewardId", rewardId), ("approve", "true"));
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, Errors(WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync(Ct))));

        // The reporter claims it as phone credit with the code; a bad phone number is refused.
        var reporter = Anonymous();
        var bad = await TrackAsync(reporter, code, phone[^4..], "Claim", [new("payment", "PhoneCredit"), new("account", "123")]);
        Assert.True(bad.Contains("请填写 11 位手机号", StringComparison.Ordinal), Errors(bad));
        Assert.Contains("已申领", await TrackAsync(reporter, code, phone[^4..], "Claim", [new("payment", "PhoneCredit"), new("account", phone)]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(browser, id, "PayReward", ("rewardId", rewardId), ("paidOn", factory.Today.ToString("yyyy-MM-dd")), ("reference", "话费充值 20261127-01"))).StatusCode);
        Assert.Contains("举报奖励 6000 元已发放（话费充值）", await TrackAsync(reporter, code, phone[^4..]), StringComparison.Ordinal);

        var publicList = WebUtility.HtmlDecode(await Anonymous().GetStringAsync("/public/complaints/rewards", Ct));
        Assert.Contains("¥6,000（二级）", publicList, StringComparison.Ordinal);
        Assert.DoesNotContain("冯十一", publicList, StringComparison.Ordinal);
        Assert.DoesNotContain("有奖举报饭店", publicList, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, publicList, StringComparison.Ordinal);
    }
}

public sealed class ComplaintsSqliteTests(SqliteShianFactory factory) : ComplaintsTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ComplaintsPostgresTests(PostgresShianFactory factory) : ComplaintsTests(factory), IClassFixture<PostgresShianFactory>;
