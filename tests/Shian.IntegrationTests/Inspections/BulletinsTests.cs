using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Inspections;

/// <summary>
/// 信息发布 (#19): an office writes a draft, publishes it to the public home, list, page, open data and RSS feed, and
/// withdraws it with a reason; bad input is refused by field; a draft or a withdrawn bulletin is never public; another
/// district neither sees nor edits it. Part of <see cref="PublicPortalTests"/> (one app per database).
/// </summary>
public abstract partial class PublicPortalTests
{
    [Fact]
    public async Task ABulletin_IsWrittenAsADraft_Published_ReadByThePublic_AndWithdrawnWithAReason()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = "冬季腌菜食用提示" + tag;

        // Refused whole, each field named: no kind, a short title, no body, a street as the issuing office.
        var bad = await officer.PostAsJsonAsync("/api/v1/bulletins", new { regionCode = "210503001000", title = "提示", body = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "regionCode", "kind", "title", "body" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/bulletins",
            new { regionCode = "210504000000", kind = "Notice", title = "替明山区发布的通知", body = "不应允许跨区发布的正文内容。" }, Ct)).StatusCode);

        var created = await officer.PostAsJsonAsync("/api/v1/bulletins", new
        {
            regionCode = "210503000000", kind = "ConsumerTip", title, body = "自制腌菜应腌足 20 天以上再食用。\r\n\r\n\r\n<script>alert(1)</script> 不要食用发霉的腌菜。",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        // A draft is the office's alone.
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/bulletins/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/bulletins/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/public/bulletins", Ct), StringComparison.Ordinal);
        var mingshan = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.GetAsync($"/api/v1/bulletins/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.PostAsync($"/api/v1/bulletins/{id}/publication", null, Ct)).StatusCode);
        var lab = await factory.ClientAsAsync("lab@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await lab.PostAsync($"/api/v1/bulletins/{id}/publication", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { kind = "RiskAlert", title, body = "自制腌菜应腌足 20 天以上再食用。\n\n<script>alert(1)</script> 不要食用发霉的腌菜。" }, Ct)).StatusCode);
        var published = await (await officer.PostAsync($"/api/v1/bulletins/{id}/publication", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal("2026-11-25", published.GetProperty("publishedOn").GetString());
        Assert.Equal("bulletins.not-draft", await (await officer.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { kind = "Notice", title, body = "发布后再改的正文内容。" }, Ct)).ProblemCodeAsync(Ct));

        // The public reads it everywhere, the office by name, the text as text.
        var page = await anonymous.GetStringAsync($"/public/bulletins/{id}", Ct);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("溪湖区市场监督管理局", page, StringComparison.Ordinal);
        Assert.Contains("风险警示", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.GetStringAsync("/public/bulletins?kind=RiskAlert", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/public/bulletins?kind=Notice", Ct), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.GetStringAsync("/public", Ct), StringComparison.Ordinal);
        var open = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/bulletins?q={tag}", Ct);
        Assert.Equal(1, open.GetProperty("total").GetInt32());
        Assert.DoesNotContain("210503", open.ToString(), StringComparison.Ordinal);
        var feed = await anonymous.GetAsync("/public/bulletins/feed.xml", Ct);
        Assert.Equal("application/rss+xml", feed.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync(Ct));
        Assert.Contains(xml.Descendants("item"), i => i.Element("title")?.Value == "【风险警示】" + title && i.Element("link")?.Value.EndsWith($"/public/bulletins/{id}", StringComparison.Ordinal) == true);

        // Withdrawn: a reason is required; then off every public page, kept for the office.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/bulletins/{id}/withdrawal", new { reason = "" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/bulletins/{id}/withdrawal", new { reason = "内容需要更正" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/bulletins/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/public/bulletins/feed.xml", Ct), StringComparison.Ordinal);
        var kept = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/bulletins/{id}", Ct);
        Assert.Equal("Withdrawn", kept.GetProperty("status").GetString());
        Assert.Equal("内容需要更正", kept.GetProperty("withdrawnReason").GetString());
    }

    [Fact]
    public async Task AnOfficer_WritesAndPublishesABulletinOnThePages_AndAMistakeKeepsWhatWasTyped()
    {
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        var title = "校园周边食品安全提示" + Guid.NewGuid().ToString("N")[..6];
        var refused = await Kernel.AccountsTests.PostFormAsync(browser, "/bulletins", Kernel.AccountsTests.Form(("regionCode", "210503000000"), ("kind", "ConsumerTip"), ("title", title), ("body", "太短")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("请填写正文", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);

        var saved = await Kernel.AccountsTests.PostFormAsync(browser, "/bulletins", Kernel.AccountsTests.Form(("regionCode", "210503000000"), ("kind", "ConsumerTip"), ("title", title),
            ("body", "请家长提醒孩子不购买无标签、无生产日期的散装零食。")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = saved.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(HttpStatusCode.Redirect, (await Kernel.AccountsTests.PostFormAsync(browser, item, [], "Publish")).StatusCode);
        Assert.Contains("已发布", WebUtility.HtmlDecode(await browser.GetStringAsync(item, Ct)), StringComparison.Ordinal);
        Assert.Contains(title, WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/public/bulletins", Ct)), StringComparison.Ordinal);
    }
}

/// <summary>Every public list downloads as CSV and as an .xlsx workbook with the same Chinese header (issue #19: open data).</summary>
public abstract partial class PublicPortalTests
{
    [Theory]
    [InlineData("/public/penalties", "当事人")]
    [InlineData("/public/dishonest", "当事人")]
    [InlineData("/public/recalls", "召回编号")]
    [InlineData("/public/draws", "名称")]
    [InlineData("/public/sampling", "公告编号")]
    [InlineData("/public/bulletins", "类别")]
    public async Task APublicList_DownloadsAsCsvAndAsAWorkbook(string list, string firstColumn)
    {
        var anonymous = factory.CreateClient();
        var csv = await anonymous.GetAsync(list + "?handler=Csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("\uFEFF" + firstColumn + ",", text, StringComparison.Ordinal);

        var xlsx = await anonymous.GetAsync(list + "?handler=Xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "", StringComparison.Ordinal);
        await using var book = await xlsx.Content.ReadAsStreamAsync(Ct);
        var header = (IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: false).First();
        Assert.Equal(firstColumn, header["A"]?.ToString());
        Assert.Equal(text.TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r').Split(',').Length, header.Count(c => c.Value is not null));
    }
}
