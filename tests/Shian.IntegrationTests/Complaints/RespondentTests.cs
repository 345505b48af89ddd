using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Kernel;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Complaints;

/// <summary>
/// A consumer complaint passed to the respondent business in mediation: the business reads the officer's summary (never
/// the complainant's name or phone) in 我的企业 and answers once; a report is never passed; the request is withdrawn when
/// mediation ends. Part of <see cref="ComplaintsTests"/> (one app per database).
/// </summary>
public abstract partial class ComplaintsTests
{
    private async Task<(string Id, string Uscc)> ComplaintAgainstAsync(HttpClient officer, string kind, string name, string phone, bool consented = true)
    {
        var ids = RegistryTests.NextIds();
        var business = await RegistryTests.RegisterAsync(officer, "210503001000", "被投诉餐馆" + ids.Uscc[^4..], ids: ids);
        var res = await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12315", ticketId = "R-" + Guid.NewGuid().ToString("N")[..10], kind, category = "ExpiredOrSpoiled",
            description = $"在该店买的酸奶已过期，要求退款。投诉人{name}，电话{phone}。", businessId = business, anonymous = false, name, phone,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/accept", new { mediationConsented = consented }, Ct)).EnsureSuccessStatusCode();
        return (id, ids.Uscc);
    }

    [Fact]
    public async Task AComplaintPassedToTheBusiness_IsAnsweredFrom我的企业_WithoutTheComplainantsIdentity()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var phone = NextPhone();
        var (id, uscc) = await ComplaintAgainstAsync(officer, "Complaint", "钱多多", phone);
        var url = $"/api/v1/complaints/{id}/respondent-requests";

        // The summary may not carry the complainant's name or phone (spaced or not); nothing is passed.
        var withName = await officer.PostAsJsonAsync(url, new { summary = "钱多多反映在该店购买的酸奶已过期，要求退款。" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withName.StatusCode);
        Assert.Contains("summary", await withName.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var spaced = $"{phone[..3]} {phone[3..7]} {phone[7..]}";
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync(url, new { summary = $"消费者（{spaced}）反映购买的酸奶已过期，要求退款。" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync(url, new { summary = "太短" }, Ct)).StatusCode);
        Assert.Equal("[]", (await officer.GetStringAsync(url, Ct)).Replace(" ", "", StringComparison.Ordinal));

        var summary = "消费者反映 11 月 20 日在该店购买的原味酸奶已过保质期，要求退款并赔偿。";
        var asked = await officer.PostAsJsonAsync(url, new { summary }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = request.GetProperty("id").GetString()!;
        // Five working days from Wednesday 2026-11-25 (the office's own period, within the 45-day mediation).
        Assert.Equal("2026-12-02", request.GetProperty("replyBy").GetString());
        Assert.Equal("complaints.respondent-waiting", await (await officer.PostAsJsonAsync(url, new { summary }, Ct)).ProblemCodeAsync(Ct));

        // The business reads the summary and what it is asked — not the complaint, not the complainant.
        var owner = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, uscc));
        var mine = await owner.GetStringAsync("/api/v1/complaints/mine/requests", Ct);
        Assert.Contains(summary, mine, StringComparison.Ordinal);
        Assert.Contains("2026-12-02", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("钱多多", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, mine, StringComparison.Ordinal);
        var (browser, _) = await factory.BrowserAsAsync(await RegistryTests.BusinessAccountAsync(factory, uscc));
        var portal = WebUtility.HtmlDecode(await browser.GetStringAsync("/business", Ct));
        Assert.Contains("答复消费者投诉", portal, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/complaints/mine", Ct));
        Assert.Contains(summary, page, StringComparison.Ordinal);
        Assert.DoesNotContain("钱多多", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/v1/complaints/{id}", Ct)).StatusCode);

        // Another business sees nothing and cannot answer; an officer cannot answer for the business.
        var stranger = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, RegistryTests.NextIds().Uscc));
        Assert.Equal("[]", (await stranger.GetStringAsync("/api/v1/complaints/mine/requests", Ct)).Replace(" ", "", StringComparison.Ordinal));
        var answerUrl = $"/api/v1/complaints/mine/requests/{requestId}/answer";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(answerUrl, new { answer = "与我无关的答复", proposal = "Dispute" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync(answerUrl, new { answer = "代替经营者答复", proposal = "Dispute" }, Ct)).StatusCode);

        // Refused by field, nothing stored: an unknown proposal, a compensation without its amount, an amount for an apology.
        var bogus = await owner.PostAsJsonAsync(answerUrl, new { answer = "已核实情况属实", proposal = "3" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Contains("proposal", await bogus.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noAmount = await owner.PostAsJsonAsync(answerUrl, new { answer = "已核实情况属实", proposal = "Compensate" }, Ct);
        Assert.Contains("offerAmount", await noAmount.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync(answerUrl, new { answer = "已核实情况属实", proposal = "Apologise", offerAmount = 10 }, Ct)).StatusCode);
        Assert.Contains("\"Waiting\"", await owner.GetStringAsync("/api/v1/complaints/mine/requests", Ct), StringComparison.Ordinal);

        var answered = await owner.PostAsJsonAsync(answerUrl, new { answer = "经核实该批酸奶确已过期，已下架，同意退款并赔偿。", proposal = "Compensate", offerAmount = 300 }, Ct);
        Assert.True(answered.StatusCode == HttpStatusCode.NoContent, await answered.Content.ReadAsStringAsync(Ct));
        Assert.Equal("complaints.answer-closed", await (await owner.PostAsJsonAsync(answerUrl, new { answer = "再答复一次看看", proposal = "Other" }, Ct)).ProblemCodeAsync(Ct));

        // The officer reads the answer on the complaint (API, page and history) and is told in the inbox.
        var back = await officer.GetStringAsync(url, Ct);
        Assert.Contains("\"Answered\"", back, StringComparison.Ordinal);
        Assert.Contains("\"offerAmount\":300", back, StringComparison.Ordinal);
        Assert.Contains("经营者答复（赔偿 300 元）", await officer.GetStringAsync($"/api/v1/complaints/{id}", Ct), StringComparison.Ordinal);
        var (officerBrowser, _) = await factory.BrowserAsAsync("officer@210503");
        var complaintPage = WebUtility.HtmlDecode(await officerBrowser.GetStringAsync($"/complaints/{id}", Ct));
        Assert.Contains("经核实该批酸奶确已过期", complaintPage, StringComparison.Ordinal);
        Assert.Contains("经营者已答复投诉", await officer.GetStringAsync("/api/v1/inbox", Ct), StringComparison.Ordinal);

        // A second request, withdrawn when mediation ends: the business's to-do disappears with the reason.
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync(url, new { summary = "请补充提供该批酸奶的进货单据和检验报告。" + summary }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(officerBrowser, id, "Mediate", ("outcome", "Failed"))).StatusCode);
        var after = await owner.GetStringAsync("/api/v1/complaints/mine/requests", Ct);
        Assert.Contains("\"Withdrawn\"", after, StringComparison.Ordinal);
        Assert.Contains("调解已结束", after, StringComparison.Ordinal);
        Assert.DoesNotContain("答复消费者投诉", WebUtility.HtmlDecode(await browser.GetStringAsync("/business", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReport_IsNeverPassedToTheBusinessReported()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (id, uscc) = await ComplaintAgainstAsync(officer, "Report", "孙举报", NextPhone());
        var res = await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/respondent-requests", new { summary = "有人反映该店销售过期酸奶，请说明情况。" }, Ct);
        Assert.Equal("complaints.respondent-report", await res.ProblemCodeAsync(Ct));
        var owner = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, uscc));
        Assert.Equal("[]", (await owner.GetStringAsync("/api/v1/complaints/mine/requests", Ct)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AComplaintAcceptedWithoutConsentToMediate_IsNotPassedToTheBusiness()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var (id, _) = await ComplaintAgainstAsync(officer, "Complaint", "冯未调", NextPhone(), consented: false);
        var res = await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/respondent-requests", new { summary = "消费者反映购买的面包发霉，要求退款。" }, Ct);
        Assert.Equal("complaints.respondent-no-consent", await res.ProblemCodeAsync(Ct));
        Assert.Equal("[]", (await officer.GetStringAsync($"/api/v1/complaints/{id}/respondent-requests", Ct)).Replace(" ", "", StringComparison.Ordinal));
    }
}
