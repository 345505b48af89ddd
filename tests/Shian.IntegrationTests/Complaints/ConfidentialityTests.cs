using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Complaints;

/// <summary>
/// 投诉举报处理暂行办法 第三十三条, 食品安全法 第一百一十五条: a filer's name and phone appear nowhere for anyone — no
/// page, API response, Open311 answer, notification, case clue, audit entry, outbox event or log line — except the
/// clear values the handling officer asks for with the reveal permission, which is itself audited (without them).
/// </summary>
public abstract class ConfidentialityTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Roles = ["admin", "coordinator@210503", "officer@210503", "inspector@210503", "lab@210500", "business@210503", "public"];

    [Fact]
    public async Task NoOneElse_EverSeesTheFilersNameOrPhone()
    {
        var name = "保密" + (char)('甲' + Random.Shared.Next(0, 20)) + Guid.NewGuid().ToString("N")[..4];
        var phone = ComplaintsTests.NextPhone();
        var officer = await factory.ClientAsAsync("officer@210503");
        var businessId = await RegistryTests.RegisterAsync(officer, "210503001000", "保密测试饭店" + Guid.NewGuid().ToString("N")[..4]);

        // One named report through the public form, one through the hotline; the second is substantiated (case clue, risk event).
        var receipt = await ComplaintsTests.FileAsync(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true }),
            new Dictionary<string, string>
            {
                ["Kind"] = "Report", ["Category"] = "Hygiene", ["Description"] = "后厨脏乱", ["BusinessId"] = businessId, ["BusinessName"] = "保密测试饭店", ["Name"] = name, ["Phone"] = phone,
            });
        ComplaintsTests.CodeOf(receipt);
        var res = await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12315", ticketId = "12315-" + Guid.NewGuid().ToString("N")[..8], kind = "Report", category = "IllegalAdditive", description = "卤肉加罂粟壳", businessId,
            anonymous = false, name, phone,
        }, Ct);
        res.EnsureSuccessStatusCode();
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/accept", new { }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/verify", new { substantiated = true, violationSuspected = true, findings = "查获罂粟壳" }, Ct)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(factory.CaseClues.Raised.Any(c => c.SourceId == Guid.Parse(id))), "the case clue is delivered");

        var leaks = new List<string>();
        void Check(string where, string text)
        {
            if (text.Contains(name, StringComparison.Ordinal) || text.Contains(phone, StringComparison.Ordinal))
            {
                leaks.Add(where);
            }
        }

        foreach (var user in Roles)
        {
            var api = await factory.ClientAsAsync(user);
            var (browser, _) = await factory.BrowserAsAsync(user);
            foreach (var url in new[] { "/api/v1/complaints", $"/api/v1/complaints/{id}", "/api/v1/inbox", "/api/v1/attachments" })
            {
                Check($"{user} {url}", await (await api.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct));
            }

            foreach (var url in new[] { "/", "/complaints", $"/complaints/{id}", "/admin/audit", "/admin/audit?action=read-personal", "/admin/events", $"/registry/{businessId}" })
            {
                Check($"{user} page {url}", WebUtility.HtmlDecode(await (await browser.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct)));
            }
        }

        Check("open311", await factory.CreateClient().GetStringAsync("/open311/v2/requests.json", Ct));
        Check("case clue", string.Join("\n", factory.CaseClues.Raised.Select(c => c.ToString())));

        // The officer who handles it asks for the clear values: given, and recorded as a reveal without them.
        var revealed = await (await officer.PostAsJsonAsync($"/api/v1/complaints/{id}/reveal", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(name, revealed.GetProperty("name").GetString());
        Assert.Equal(phone, revealed.GetProperty("phone").GetString());
        var (officerBrowser, _) = await factory.BrowserAsAsync("officer@210503");
        var page = WebUtility.HtmlDecode(await (await Kernel.AccountsTests.PostFormAsync(officerBrowser, $"/complaints/{id}", [], "Reveal")).Content.ReadAsStringAsync(Ct));
        Assert.Contains(name, page, StringComparison.Ordinal);

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var reveals = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "read-personal" && a.EntityId == id).ToListAsync(Ct);
            Assert.Equal(2, reveals.Count);
            foreach (var a in await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Complaint" || a.EntityType == "ComplaintEntry").ToListAsync(Ct))
            {
                Check($"audit {a.Action} {a.EntityType}", $"{a.Before} {a.After}");
            }

            foreach (var e in await db.Set<Shian.Kernel.Events.OutboxEvent>().AsNoTracking().ToListAsync(Ct))
            {
                Check($"outbox {e.Type}", e.Payload);
            }

            foreach (var n in await db.Notifications.AsNoTracking().ToListAsync(Ct))
            {
                Check("notification", $"{n.Title} {n.Body}");
            }

            // Stored sealed: the clear values are not in the row either.
            var row = await db.Set<Shian.Complaints.Domain.Complaint>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id), Ct);
            Check("stored row", JsonSerializer.Serialize(row));
        }

        Check("logs", string.Join("\n", factory.Logs.Lines));
        Assert.True(leaks.Count == 0, "the filer's identity appeared in: " + string.Join("; ", leaks));
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Information Shian.", StringComparison.Ordinal)); // the capture sees the app's log
    }
}

public sealed class ConfidentialitySqliteTests(SqliteShianFactory factory) : ConfidentialityTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ConfidentialityPostgresTests(PostgresShianFactory factory) : ConfidentialityTests(factory), IClassFixture<PostgresShianFactory>;
