using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Scoping;

namespace Shian.IntegrationTests.Emergencies;

/// <summary>
/// 零报告, affected places, the situation report and a complaint escalated to an incident, through HTTP on the fixed
/// clock (Wed 2026-11-25 10:00 Beijing, advanced by the zero-report test within this class): a county sets a daily
/// schedule, a reporter reports, the hourly check flags the point that did not, an officer records its late report by
/// phone; the command records places and downloads the .docx; another district sees none of it.
/// </summary>
public abstract class ZeroReportAndCommandTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return res.StatusCode == HttpStatusCode.NoContent ? default : await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task ADailySchedule_FlagsThePointThatDidNotReport_AndShowsTheLateReport()
    {
        var officer = await factory.ClientAsAsync("officer@210521");
        var coverage = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210521000000", Ct));
        var town = coverage.GetProperty("items").EnumerateArray().First().GetProperty("code").GetString()!;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var reported = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/network/points", new { kind = "Street", regionCode = town, name = "零报甲" + tag }, Ct))).GetProperty("id").GetString()!;
        var silent = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/network/points", new { kind = "Street", regionCode = town, name = "零报乙" + tag }, Ct))).GetProperty("id").GetString()!;
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/network/points/{reported}/reporters", new { userName = "inspector@210521" }, Ct));

        // Bad input is named by field; a street is not where a schedule is set.
        var bad = await officer.PostAsJsonAsync("/api/v1/emergencies/zero-report-schedules", new { title = "", regionCode = town, frequency = "Daily", dueHour = 0, dueOffsetDays = 0, from = Day(factory.Today) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "title", "frequency", "regionCode" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/emergencies/zero-report-schedules", new
        {
            title = "他区", regionCode = "210503000000", frequency = "Daily", dueHour = 16, dueOffsetDays = 0, from = Day(factory.Today),
        }, Ct)).StatusCode);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Clock.GetUtcNow().UtcDateTime, Shian.Kernel.Calendar.ChinaTime.Zone));
        var schedule = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/zero-report-schedules", new
        {
            title = "冬季每日零报告" + tag, regionCode = "210521000000", frequency = "Daily", dueHour = 16, dueOffsetDays = 0, workingDaysOnly = false, from = Day(today),
            basis = "《本溪县食品安全事故应急预案》4.1",
        }, Ct))).GetProperty("id").GetString()!;

        // The reporter sees what is owed today, reports once; a second report or a future period is refused.
        var inspector = await factory.ClientAsAsync("inspector@210521");
        var mine = await JsonAsync(await inspector.GetAsync("/api/v1/emergencies/zero-report-schedules/mine", Ct));
        var owed = mine.EnumerateArray().Single(o => o.GetProperty("scheduleId").GetString() == schedule);
        Assert.Equal("Open", owed.GetProperty("state").GetString());
        Assert.Equal(Day(today), owed.GetProperty("start").GetString());
        Assert.Contains("零报告待报送", await (await inspector.GetAsync("/", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await JsonAsync(await inspector.PostAsJsonAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/reports", new { pointId = reported, periodStart = Day(today) }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/reports", new { pointId = reported, periodStart = Day(today) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/reports", new { pointId = reported, periodStart = Day(today.AddDays(1)) }, Ct)).StatusCode);

        // Another district's officer can neither see the board nor report for the point.
        var stranger = await factory.ClientAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/board", Ct)).StatusCode);
        // What a reporter owes is read past the region filter: only for points it is named on — not another district's schedule.
        Assert.DoesNotContain((await JsonAsync(await stranger.GetAsync("/api/v1/emergencies/zero-report-schedules/mine", Ct))).EnumerateArray(),
            o => o.GetProperty("scheduleId").GetString() == schedule);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/reports", new { pointId = silent, periodStart = Day(today) }, Ct)).StatusCode);

        // Past 16:00 the hourly check flags the silent point once, and tells the district.
        factory.Clock.SetUtcNow(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(new TimeOnly(17, 5)), Shian.Kernel.Calendar.ChinaTime.Zone), TimeSpan.Zero));
        int flagged;
        await using (var scope = factory.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            flagged = await scope.ServiceProvider.GetRequiredService<Shian.Emergencies.ZeroReporting>().CheckAsync(Ct);
        }

        Assert.True(flagged >= 1);
        await using (var scope = factory.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Shian.Emergencies.ZeroReporting>().CheckAsync(Ct));
        }

        officer = await factory.ClientAsAsync("officer@210521");
        var inbox = await (await officer.GetAsync("/api/v1/inbox", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("零报告缺报", inbox, StringComparison.Ordinal);
        Assert.Contains("零报乙" + tag, inbox, StringComparison.Ordinal);

        var board = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/board", Ct));
        string State(JsonElement b, string id) => b.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("states")[0].GetString()!;
        Assert.Equal("OnTime", State(board, reported));
        Assert.Equal("Missing", State(board, silent));

        // The officer records the silent point's report, received by phone: late.
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/reports", new { pointId = silent, periodStart = Day(today), note = "17:10 电话报送" }, Ct));
        board = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/zero-report-schedules/{schedule}/board", Ct));
        Assert.Equal("Late", State(board, silent));

        // The page shows the board in Chinese.
        var page = await (await officer.GetAsync($"/emergencies/zero-reports?schedule={schedule}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("冬季每日零报告" + tag, page, StringComparison.Ordinal);
        Assert.Contains("每日 16 时前报告当日情况", page, StringComparison.Ordinal);
        Assert.Contains("补报", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_RecordsPlaces_AndDownloadsTheSituationReport()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var now = TimeZoneInfo.ConvertTimeFromUtc(factory.Clock.GetUtcNow().UtcDateTime, Shian.Kernel.Calendar.ChinaTime.Zone);
        var incident = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            title = "某幼儿园疑似食源性疾病事件", description = "午餐后多名幼儿呕吐", setting = "Kindergarten", regionCode = "210503001000", place = "某幼儿园",
            learnedAt = new DateTimeOffset(now.AddMinutes(-30), TimeSpan.FromHours(8)), harmed = 9, hospitalised = 2, deaths = 0, symptoms = "呕吐、腹泻",
        }, Ct))).GetProperty("id").GetString()!;

        var bad = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/places", new { kind = "Onset", regionCode = "2105", name = "", cases = -1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "placeName", "placeRegion", "cases" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/places", new { kind = "Onset", regionCode = "210503001000", name = "某幼儿园", cases = 9 }, Ct));
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/places", new { kind = "Onset", regionCode = "210503003000", name = "某幼儿园分园", cases = 2 }, Ct));
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/places", new { kind = "Treatment", regionCode = "210503000000", name = "区人民医院", cases = 2 }, Ct));
        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{incident}", Ct));
        Assert.Equal(3, detail.GetProperty("places").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("onsetTowns").GetInt32());

        var docx = await officer.GetAsync($"/api/v1/emergencies/incidents/{incident}/situation-report", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var ms = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)))
        using (var doc = WordprocessingDocument.Open(ms, false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.StartsWith("关于某幼儿园疑似食源性疾病事件的首报", text, StringComparison.Ordinal);
            Assert.Contains("累计发病 9 人，其中住院 2 人", text, StringComparison.Ordinal);
            Assert.Contains("区人民医院", text, StringComparison.Ordinal);
            Assert.Contains("发病场所分布于 2 个乡镇（街道）", text, StringComparison.Ordinal);
        }

        // The page's upward form starts from the same draft; another district sees neither.
        var page = await (await officer.GetAsync($"/emergencies/{incident}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("一、基本情况", page, StringComparison.Ordinal);
        Assert.Contains("某幼儿园分园", page, StringComparison.Ordinal);
        var stranger = await factory.ClientAsAsync("officer@210504");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/emergencies/incidents/{incident}/situation-report", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/places", new { kind = "Onset", regionCode = "210504002000", name = "乙", cases = 1 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AComplaintOfPeopleFallingIll_IsEscalated_Once_AndTheComplaintShowsIt()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var complaint = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "Hotline12345", ticketId = "12345-" + Guid.NewGuid().ToString("N")[..8], kind = "Report", category = "SchoolArea",
            description = "孩子在学校吃了午饭后全班好几个人肚子疼", address = "河东街道某小学", regionCode = "210503001000", anonymous = true,
        }, Ct))).GetProperty("id").GetString()!;

        // The report form is prefilled from the complaint.
        var form = await (await officer.GetAsync($"/emergencies/report?complaint={complaint}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("全班好几个人肚子疼", form, StringComparison.Ordinal);
        Assert.Contains("data-from-complaint", form, StringComparison.Ordinal);

        var now = TimeZoneInfo.ConvertTimeFromUtc(factory.Clock.GetUtcNow().UtcDateTime, Shian.Kernel.Calendar.ChinaTime.Zone);
        object Body() => new
        {
            description = "投诉反映学生午餐后腹痛", setting = "School", regionCode = "210503001000", learnedAt = new DateTimeOffset(now, TimeSpan.FromHours(8)),
            harmed = 6, hospitalised = 0, deaths = 0, complaintId = complaint,
        };
        var incident = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/reports", Body(), Ct))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/emergencies/reports", Body(), Ct)).StatusCode);

        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{incident}", Ct));
        Assert.Equal(complaint, detail.GetProperty("complaintId").GetString());

        // The complaints module records it from the durable event.
        await Eventually.TrueAsync(async () =>
        {
            var c = await JsonAsync(await officer.GetAsync($"/api/v1/complaints/{complaint}", Ct));
            return c.GetProperty("incidentId").ValueKind == JsonValueKind.String && c.GetProperty("incidentId").GetString() == incident;
        }, "the complaint linked to its incident");
        var history = (await JsonAsync(await officer.GetAsync($"/api/v1/complaints/{complaint}", Ct))).GetProperty("history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("text").GetString() == "已转入食品安全事故应急处置" && e.GetProperty("public").GetBoolean());

        // Another district cannot escalate what it cannot see.
        var stranger = await factory.ClientAsAsync("officer@210504");
        var refused = await stranger.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "x", setting = "School", regionCode = "210504002000", learnedAt = new DateTimeOffset(now, TimeSpan.FromHours(8)), harmed = 1, complaintId = complaint,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("complaintId", out _));
    }
}

public sealed class ZeroReportAndCommandSqliteTests(SqliteShianFactory factory) : ZeroReportAndCommandTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ZeroReportAndCommandPostgresTests(PostgresShianFactory factory) : ZeroReportAndCommandTests(factory), IClassFixture<PostgresShianFactory>;
