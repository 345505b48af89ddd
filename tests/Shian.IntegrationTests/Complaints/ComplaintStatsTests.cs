using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Complaints;

/// <summary>投诉举报统计 over 南芬区 (only this class files there): volume by street, the on-time rate per clock, the masked export.</summary>
public abstract class ComplaintStatsTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> FileAsync(HttpClient api, string kind, string town, string? name = null)
    {
        var res = await api.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = "S-" + Guid.NewGuid().ToString("N")[..10], kind, category = "Hygiene", description = "统计测试", address = "南芬区某处",
            regionCode = town, anonymous = name is null, name, phone = name is null ? null : ComplaintsTests.NextPhone(),
        }, Ct);
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task TheStatistics_CountByStreet_AndMeasureEachClock_AndTheExportIsMasked()
    {
        var api = await factory.ClientAsAsync("officer@210500");
        var onTime = await FileAsync(api, "Report", "210505001000");
        await FileAsync(api, "Complaint", "210505001000", "郑十");
        var late = await FileAsync(api, "Report", "210505004000");
        (await api.PostAsJsonAsync($"/api/v1/complaints/{onTime}/accept", new { }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/complaints/{onTime}/verify", new { substantiated = true, violationSuspected = false, findings = "属实" }, Ct)).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromDays(30)); // past every 15-working-day and 7-working-day clock
        api = await factory.ClientAsAsync("officer@210500");
        (await api.PostAsJsonAsync($"/api/v1/complaints/{late}/accept", new { }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/complaints/{late}/verify", new { substantiated = false, violationSuspected = false, findings = "未见" }, Ct)).EnsureSuccessStatusCode();

        var (browser, _) = await factory.BrowserAsAsync("officer@210500");
        var from = factory.Today.AddDays(-40).ToString("yyyy-MM-dd");
        var to = factory.Today.ToString("yyyy-MM-dd");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/complaints/stats?region=210505000000&from={from}&to={to}", Ct));
        Assert.Contains("data-total>3<", page, StringComparison.Ordinal);
        Assert.Matches("data-region=\"210505001000\"><td>\\s*<a [^>]+>南芬街道</a>\\s*</td><td class=\"num\">2</td><td class=\"num\">1</td>", page);
        Assert.Matches("data-region=\"210505004000\"><td>\\s*<a [^>]+>思山岭街道</a>\\s*</td><td class=\"num\">1</td><td class=\"num\">0</td>", page);
        Assert.Matches("data-clock=\"受理\">.*?<td class=\"num\">0</td><td class=\"num ?\">0</td><td class=\"num bad\">1</td><td class=\"num\">0.0%</td>", page);
        Assert.Matches("data-clock=\"核查\">.*?<td class=\"num\">1</td><td class=\"num bad\">1</td><td class=\"num ?\">0</td><td class=\"num\">50.0%</td>", page);

        Assert.Contains("data-counted-at>统计于", page, StringComparison.Ordinal);

        // The same figures as open data (GET /api/v1/complaints/stats), with the period checked.
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/stats?regionCode=210505000000&from={from}&to={to}", Ct);
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("substantiated").GetInt32());
        var verify = json.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "核查");
        Assert.Equal(50.0m, verify.GetProperty("rate").GetDecimal());
        Assert.Equal(2, json.GetProperty("byRegion").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "210505001000").GetProperty("total").GetInt32());
        // Channel and category are summed from the same grouped pass as the regions and clocks.
        var hotline = json.GetProperty("byChannel").EnumerateArray().Single();
        Assert.Equal(("Hotline12345", 3, 1), (hotline.GetProperty("key").GetString(), hotline.GetProperty("total").GetInt32(), hotline.GetProperty("substantiated").GetInt32()));
        var hygiene = json.GetProperty("byCategory").EnumerateArray().Single();
        Assert.Equal(("Hygiene", 3, 1), (hygiene.GetProperty("key").GetString(), hygiene.GetProperty("total").GetInt32(), hygiene.GetProperty("substantiated").GetInt32()));
        Assert.Equal(1, json.GetProperty("complaints").GetInt32());
        Assert.Equal(2, json.GetProperty("reports").GetInt32());
        var backwards = await api.GetAsync($"/api/v1/complaints/stats?regionCode=210505000000&from={to}&to={from}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);

        // A district officer cannot open another district's statistics.
        var (other, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/complaints/stats?region=210505000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210503")).GetAsync("/api/v1/complaints/stats?regionCode=210505000000", Ct)).StatusCode);

        var export = await browser.GetAsync($"/complaints/stats?handler=Export&region=210505000000&from={from}&to={to}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => (string?)r["投诉举报人"] == "郑*");
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export" && a.EntityType == "Complaint" && a.RegionCode == "210505000000", Ct));
    }

    /// <summary>
    /// The statistics' grouped counts are planned for their own parameters on PostgreSQL (a generic plan, chosen after five
    /// runs of a statement prepared automatically, guessed 2 rows for a city's complaints), and the session setting ends
    /// with the context: the pooled connection serves the next request with PostgreSQL's default.
    /// </summary>
    [Fact]
    public async Task GroupedCounts_ArePlannedForTheirOwnParameters_AndTheSettingEndsWithTheContext()
    {
        static Task<string> SettingAsync(Shian.Data.ShianDb db) =>
            db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync(Ct);

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            await db.PlanForEachQueryAsync(Ct);
            if (!db.Database.IsNpgsql())
            {
                Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State); // SQLite plans every statement: nothing to do
                return;
            }

            Assert.Equal("force_custom_plan", await SettingAsync(db));
            await db.Regions.CountAsync(Ct);
            Assert.Equal("force_custom_plan", await SettingAsync(db)); // held between statements: the connection stays open
        }

        for (var i = 0; i < 3; i++)
        {
            await using var scope = factory.Scope();
            Assert.Equal("auto", await SettingAsync(scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>()));
        }
    }
}

public sealed class ComplaintStatsSqliteTests(SqliteShianFactory factory) : ComplaintStatsTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ComplaintStatsPostgresTests(PostgresShianFactory factory) : ComplaintStatsTests(factory), IClassFixture<PostgresShianFactory>;
