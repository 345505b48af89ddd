using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Emergencies;

/// <summary>
/// 信息直报 and 应急指挥 through HTTP on the fixed test clock (Wed 2026-11-25 10:00 Beijing): a school reports from its own
/// account, the district grades it, sends each upward report on its hour clock (one late), re-grades on new numbers,
/// gives and completes a task and ends the response; the final report falls due on the statutory calendar. Another
/// district sees none of it; bad input is refused field by field and nothing is stored.
/// </summary>
public abstract class EmergenciesTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Town = "210503001000"; // 河东街道, 溪湖区

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task OkAsync(HttpResponseMessage res) =>
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");

    [Fact]
    public async Task ASchoolReports_TheDistrictGradesReportsAndEnds_OnTheClocks()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var ids = RegistryTests.NextIds();
        await RegistryTests.RegisterAsync(officer, Town, "溪湖区第一小学食堂", ids: ids);
        var school = await factory.ClientAsAsync(await RegistryTests.BusinessAccountAsync(factory, ids.Uscc));

        // The district's rates before (another test of this class may report in the same district on the same day).
        static int[] Rates(JsonElement rates) => rates.EnumerateArray().Where(r => r.GetProperty("regionCode").GetString() == "210503000000")
            .Select(r => new[] { r.GetProperty("received").GetInt32(), r.GetProperty("ended").GetInt32(), r.GetProperty("reportsDue").GetInt32(), r.GetProperty("reportsOnTime").GetInt32(), r.GetProperty("unitLate").GetInt32() })
            .SingleOrDefault() ?? [0, 0, 0, 0, 0];
        var ratesBefore = Rates(await JsonAsync(await officer.GetAsync("/api/v1/emergencies/rates?from=2026-11-25&to=2026-11-26", Ct)));

        // Bad input: every wrong field named, nothing stored.
        var before = (await JsonAsync(await officer.GetAsync("/api/v1/emergencies/incidents", Ct))).GetProperty("total").GetInt32();
        var bad = await school.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "", setting = "School", learnedAt = factory.Clock.GetUtcNow().AddHours(1), harmed = 5, hospitalised = 6, deaths = 0,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.Contains("请描述", errors.GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("住院人数", errors.GetProperty("hospitalised")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("获知时间", errors.GetProperty("learnedAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await JsonAsync(await officer.GetAsync("/api/v1/emergencies/incidents", Ct))).GetProperty("total").GetInt32());

        // The school learned 30 minutes ago: in time. 36 pupils: Ⅳ级 by numbers, Ⅲ级 for a school; the first report within 1 hour.
        var receipt = await JsonAsync(await school.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "午餐后 36 名学生腹痛呕吐", setting = "School", learnedAt = factory.Clock.GetUtcNow().AddMinutes(-30), harmed = 36, hospitalised = 10, deaths = 0,
            symptoms = "腹痛、呕吐", suspectedFood = "凉拌菜", reporterUnit = "第一小学", reporterPhone = "0414-1234567",
        }, Ct));
        var id = receipt.GetProperty("id").GetString()!;
        Assert.Equal("Larger", receipt.GetProperty("grade").GetString());
        Assert.False(receipt.GetProperty("reportedLate").GetBoolean());
        Assert.Equal(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), receipt.GetProperty("initialReportDueUtc").GetDateTime().ToUniversalTime());

        // The school reports; it does not command (403), and another district sees nothing (404, not in its list).
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct)).StatusCode);
        var other = await factory.ClientAsAsync("officer@210502");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await other.GetStringAsync("/api/v1/emergencies/incidents", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/notes", new { text = "乙区" }, Ct)).StatusCode);

        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct));
        Assert.Equal("溪湖区第一小学食堂", detail.GetProperty("businessName").GetString());
        var initial = detail.GetProperty("reports").EnumerateArray().Single();
        Assert.Equal("Initial", initial.GetProperty("kind").GetString());

        // 70 minutes later the first report is overdue; sent now, it is late and the first 续报 falls due 24 hours on.
        factory.Clock.Advance(TimeSpan.FromMinutes(70));
        officer = await factory.ClientAsAsync("officer@210503"); // the access token lived 15 minutes
        var overdue = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/incidents?overdue=true", Ct));
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/upward",
            new { reportId = initial.GetProperty("id").GetString(), content = "36 名学生发病，10 人住院。" }, Ct));
        var again = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/upward", new { reportId = initial.GetProperty("id").GetString(), content = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct));
        var progress = detail.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Progress");
        Assert.Equal(new DateTime(2026, 11, 26, 3, 10, 0, DateTimeKind.Utc), progress.GetProperty("dueAtUtc").GetDateTime());
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("超过时限 10 分钟", StringComparison.Ordinal));

        // New numbers: 120 ill and a death — Ⅱ级; the raise is reported within 1 hour (核报).
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/grade",
            new { harmed = 120, hospitalised = 40, deaths = 1, specialPopulation = true, note = "疾控通报" }, Ct));
        detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct));
        Assert.Equal("Major", detail.GetProperty("grade").GetString());
        Assert.Equal("Responding", detail.GetProperty("status").GetString());
        var escalation = detail.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Escalation");
        Assert.Equal(new DateTime(2026, 11, 25, 4, 10, 0, DateTimeKind.Utc), escalation.GetProperty("dueAtUtc").GetDateTime());

        // A task for 疾控; the response cannot end with the 核报 pending or the task open.
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/tasks", new { department = "Cdc", text = "采样检测留样" }, Ct));
        var end = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/end", new { conclusion = "病例康复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, end.StatusCode);
        Assert.Equal("emergencies.initial-pending", await end.ProblemCodeAsync(Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/upward", new { reportId = escalation.GetProperty("id").GetString(), content = "级别上调为Ⅱ级。" }, Ct));
        end = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/end", new { conclusion = "病例康复" }, Ct);
        Assert.Equal("emergencies.tasks-open", await end.ProblemCodeAsync(Ct));
        detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct));
        var task = detail.GetProperty("tasks").EnumerateArray().Single();
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/tasks/done", new { taskId = task.GetProperty("id").GetString(), note = "检出诺如病毒" }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/end", new { conclusion = "病例均已康复，食堂整改后恢复供餐。" }, Ct));

        // Ended on Wed 25 Nov: pending 续报 no longer due; 终报 7 working days on — Fri 4 Dec, end of day Beijing.
        detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{id}", Ct));
        Assert.Equal("Closed", detail.GetProperty("status").GetString());
        var reports = detail.GetProperty("reports").EnumerateArray().ToList();
        Assert.True(reports.Single(r => r.GetProperty("kind").GetString() == "Progress").GetProperty("cancelled").GetBoolean());
        var final = reports.Single(r => r.GetProperty("kind").GetString() == "Final");
        Assert.Equal(new DateTime(2026, 12, 4, 15, 59, 59, DateTimeKind.Utc), final.GetProperty("dueAtUtc").GetDateTime());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{id}/tasks", new { department = "Cdc", text = "再采样" }, Ct)).StatusCode);

        // The district's rates: one received, one ended; of the reports due, the first late, the 核报 on time.
        var rates = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/rates?from=2026-11-25&to=2026-11-26", Ct));
        Assert.Equal(new[] { 1, 1, 2, 1, 0 }, Rates(rates).Zip(ratesBefore, (after, before) => after - before).ToArray());
    }

    [Fact]
    public async Task AnIncident_LinksTheSampleOfItsFood_AndTheRecallOfItsLot_OfTheDistrictOnly()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var incident = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "家宴后 12 人腹泻", setting = "RuralBanquet", regionCode = Town, learnedAt = factory.Clock.GetUtcNow().AddMinutes(-20), harmed = 12, hospitalised = 0, deaths = 0,
        }, Ct))).GetProperty("id").GetString()!;

        var (businessId, _, sampleCode) = await Sampling.SamplingTests.ReceivedSampleAsync(factory, "家宴原料店" + Guid.NewGuid().ToString("N")[..6]);
        var recall = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/recalls", new
        {
            businessId, productName = "散装菠菜", lot = "L-1125", level = "Second", reason = "疑致家宴腹泻，责令召回",
        }, Ct));
        var recallNumber = recall.GetProperty("number").GetString()!;

        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/links", new { kind = "Sample", reference = sampleCode }, Ct));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/links", new { kind = "Recall", reference = recallNumber.ToLowerInvariant() }, Ct));
        var twice = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/links", new { kind = "Sample", reference = sampleCode }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var unknown = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/links", new { kind = "Recall", reference = "ZH0000000000000" }, Ct);
        Assert.Equal("emergencies.link-not-found", await unknown.ProblemCodeAsync(Ct));

        var detail = await JsonAsync(await officer.GetAsync($"/api/v1/emergencies/incidents/{incident}", Ct));
        var links = detail.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        var sample = links.Single(l => l.GetProperty("kind").GetString() == "Sample");
        Assert.Equal(sampleCode, sample.GetProperty("reference").GetString());
        Assert.Contains("菠菜", sample.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("检验中", sample.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var linkedRecall = links.Single(l => l.GetProperty("kind").GetString() == "Recall");
        Assert.Equal(recallNumber, linkedRecall.GetProperty("reference").GetString());
        Assert.Contains("二级召回", linkedRecall.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Link");

        // Another district's officer cannot link its records to this incident, nor this district's sample to its own.
        var other = await factory.ClientAsAsync("officer@210502");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/links", new { kind = "Sample", reference = sampleCode }, Ct)).StatusCode);
        var theirs = (await JsonAsync(await other.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "乙区事件", setting = "Canteen", regionCode = "210502000000", learnedAt = factory.Clock.GetUtcNow().AddMinutes(-5), harmed = 2, hospitalised = 0, deaths = 0,
        }, Ct))).GetProperty("id").GetString()!;
        var foreign = await other.PostAsJsonAsync($"/api/v1/emergencies/incidents/{theirs}/links", new { kind = "Sample", reference = sampleCode }, Ct);
        Assert.Equal("emergencies.link-not-found", await foreign.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task TheNetwork_CountsStreetsWithAReporter_AndAReporterMustCoverTheStreet()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var before = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210503000000", Ct));
        var streets = before.GetProperty("streets").GetInt32();
        Assert.True(streets >= 5, $"溪湖区 has {streets} streets in the reference data");
        var covered = before.GetProperty("covered").GetInt32();

        var town = before.GetProperty("items").EnumerateArray().First(s => s.GetProperty("reporters").GetInt32() == 0).GetProperty("code").GetString()!;
        var point = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/network/points", new { kind = "Street", regionCode = town, name = "直报点" + Guid.NewGuid().ToString("N")[..6] }, Ct)))
            .GetProperty("id").GetString()!;

        // A point without a reporter covers nothing; an account of another district cannot report for it.
        Assert.Equal(covered, (await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210503000000", Ct))).GetProperty("covered").GetInt32());
        var stranger = await officer.PostAsJsonAsync($"/api/v1/emergencies/network/points/{point}/reporters", new { userName = "officer@210502" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal("emergencies.reporter", await stranger.ProblemCodeAsync(Ct));

        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/emergencies/network/points/{point}/reporters", new { userName = "inspector@210503", phone = "0414-2800000" }, Ct));
        var after = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210503000000", Ct));
        Assert.Equal(covered + 1, after.GetProperty("covered").GetInt32());
        Assert.Equal((double)(covered + 1) / streets, after.GetProperty("rate").GetDouble(), 6);

        // A street of another district: refused; a key site needs its register entry.
        var elsewhere = await officer.PostAsJsonAsync("/api/v1/emergencies/network/points", new { kind = "Street", regionCode = "210504002000", name = "乙区直报点" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        var school = await officer.PostAsJsonAsync("/api/v1/emergencies/network/points", new { kind = "School", regionCode = town, name = "某小学" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, school.StatusCode);
    }
}

public sealed class EmergenciesSqliteTests(SqliteShianFactory factory) : EmergenciesTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class EmergenciesPostgresTests(PostgresShianFactory factory) : EmergenciesTests(factory), IClassFixture<PostgresShianFactory>;
