using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Indicators;

/// <summary>
/// 创建示范城市自评 through HTTP on the fixed clock (2026-11-25): refused whole with every field named, one per region and
/// year, judged from live indicators (a training recorded by 应急 meets 4.2's figure; an entered 满意度 meets 0.2) and the
/// office's judgements, each district's gaps against the city's x's, the .docx report, and never another region's.
/// </summary>
public abstract class DemonstrationTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static JsonElement Criterion(JsonElement report, string code) =>
        report.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static object Body(string region, int year, object thresholds, string starts = "2026-01-01", string prep = "2026-03-31", string impl = "2026-09-30", string ends = "2026-12-31") =>
        new { regionCode = region, year, title = "2026年创建食品安全示范城市自评", startsOn = starts, preparationEnds = prep, implementationEnds = impl, endsOn = ends, thresholds };

    [Fact]
    public async Task TheCitysSelfAssessment_JudgesEachCriterion_FromLiveIndicatorsAndJudgements_WithEachDistrictsGaps()
    {
        var city = await factory.ClientAsAsync("coordinator@210500");

        // Refused whole: stages out of order and an x outside its range, each named; nothing stored.
        var bad = await city.PostAsJsonAsync("/api/v1/indicators/demonstration", Body("210500000000", 2026, new { satisfaction = 120, recall_rate = 1 }, prep: "2026-10-31"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("满意度", errors.GetProperty("thresholds.satisfaction")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("thresholds.recall_rate", out _), "an unknown x is named");
        Assert.Contains("组织实施阶段", errors.GetProperty("implementationEnds")[0].GetString(), StringComparison.Ordinal);
        // (The list holds the city's districts' too: another test of this class keeps one for 平山区.)
        Assert.DoesNotContain((await JsonAsync(await city.GetAsync("/api/v1/indicators/demonstration?regionCode=210500000000&year=2026", Ct))).EnumerateArray(),
            a => a.GetProperty("regionCode").GetString() == "210500000000");

        // An officer reads but does not assess.
        var officer = await factory.ClientAsAsync("officer@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/indicators/demonstration", Body("210500000000", 2026, new { }), Ct)).StatusCode);

        var created = await JsonAsync(await city.PostAsJsonAsync("/api/v1/indicators/demonstration",
            Body("210500000000", 2026, new Dictionary<string, decimal> { ["satisfaction"] = 90, ["samples-per-thousand"] = 4.5m, ["complaint-hours"] = 24 }), Ct));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await city.PostAsJsonAsync("/api/v1/indicators/demonstration", Body("210500000000", 2026, new { }), Ct)).StatusCode);

        // The stage on 2026-11-25 is 自查整改; criteria without data or an x stay pending; 4.2's figure is not met without a training.
        var report = await JsonAsync(await city.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        Assert.Equal("SelfCheck", report.GetProperty("stage").GetString());
        Assert.Equal(36, report.GetProperty("criteria").GetArrayLength());
        Assert.Equal("Pending", Criterion(report, "0.2").GetProperty("status").GetString());
        Assert.Equal("Pending", Criterion(report, "3.4").GetProperty("status").GetString());
        Assert.Equal("尚未设定创建指标值（x）", Criterion(report, "3.4").GetProperty("reason").GetString());

        // A training recorded by the city's emergency office, and 满意度 entered from a survey report: both figures live.
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/preparedness-activities",
            new { regionCode = "210500000000", kind = "Training", title = "2026年食品安全应急预案培训", heldOn = "2026-06-10", participants = 40 }, Ct));
        await JsonAsync(await city.PostAsJsonAsync("/api/v1/indicators/survey.satisfaction/entries",
            new { regionCode = "210500000000", year = 2026, value = 91.5, evidence = "2026年食品安全满意度调查报告（第三方，2026-10）" }, Ct));
        ((MemoryCache)factory.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);
        report = await JsonAsync(await city.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        var training = Criterion(report, "4.2");
        Assert.True(training.GetProperty("measures")[0].GetProperty("met").GetBoolean());
        Assert.Equal("Pending", training.GetProperty("status").GetString());
        Assert.Equal("尚未自查评定", training.GetProperty("reason").GetString());
        Assert.Equal("Met", Criterion(report, "0.2").GetProperty("status").GetString());

        // Judgements: 不符合 needs the rectification and its date; then it counts.
        var refused = await city.PostAsJsonAsync($"/api/v1/indicators/demonstration/{id}/judgements", new { criterionCode = "1.6", verdict = "NotMet", evidence = "未出台地方规章" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var jerrors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(jerrors.TryGetProperty("rectification", out _) && jerrors.TryGetProperty("rectifyBy", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PostAsJsonAsync($"/api/v1/indicators/demonstration/{id}/judgements", new { criterionCode = "9.9", verdict = "Met", evidence = "x依据" }, Ct)).StatusCode);
        await JsonAsync(await city.PostAsJsonAsync($"/api/v1/indicators/demonstration/{id}/judgements",
            new { criterionCode = "1.6", verdict = "NotMet", evidence = "地方规章草案尚在征求意见", rectification = "12月提请市政府常务会议审议", rectifyBy = "2026-12-31" }, Ct));
        await JsonAsync(await city.PostAsJsonAsync($"/api/v1/indicators/demonstration/{id}/judgements",
            new { criterionCode = "4.2", verdict = "Met", evidence = "2026年6月10日应急预案培训签到表；2025年9月应急演练评估报告" }, Ct));
        report = await JsonAsync(await city.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        Assert.Equal("Met", Criterion(report, "4.2").GetProperty("status").GetString());
        Assert.Equal("NotMet", Criterion(report, "1.6").GetProperty("status").GetString());
        var statuses = report.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToList();
        var expected = Math.Round((statuses.Count(s => s == "Met") + statuses.Count(s => s == "PartlyMet") * 0.5m) * 100m / statuses.Count, 1, MidpointRounding.ToEven);
        Assert.Equal(expected, report.GetProperty("score").GetDecimal());
        // (Another test of this class may record a major incident in the city: the veto follows criterion 0.1.)
        Assert.Equal(Criterion(report, "0.1").GetProperty("status").GetString() == "NotMet", report.GetProperty("vetoed").GetBoolean());

        // A district keeps its own self-check; the city's gap table counts its judgements. The district never sees the city's record.
        var district = await factory.ClientAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.PostAsJsonAsync($"/api/v1/indicators/demonstration/{id}/judgements", new { criterionCode = "1.1", verdict = "Met", evidence = "篡改" }, Ct)).StatusCode);
        var own = (await JsonAsync(await district.PostAsJsonAsync("/api/v1/indicators/demonstration", Body("210503000000", 2026, new { }), Ct))).GetProperty("id").GetString();
        await JsonAsync(await district.PostAsJsonAsync($"/api/v1/indicators/demonstration/{own}/judgements",
            new { criterionCode = "2.8", verdict = "NotMet", evidence = "小摊贩管理办法未出台", rectification = "制定摊贩管理办法", rectifyBy = "2026-12-20" }, Ct));
        report = await JsonAsync(await city.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        var area = report.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "210503000000");
        Assert.True(area.GetProperty("ownAssessment").GetBoolean());
        Assert.Contains("2.8", area.GetProperty("notMet").EnumerateArray().Select(x => x.GetString()));
        var other = report.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "210504000000");
        Assert.False(other.GetProperty("ownAssessment").GetBoolean());

        // The gap report for the 创建 office.
        var docx = await city.GetAsync($"/api/v1/indicators/demonstration/{id}/report.docx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.Contains("2026年创建食品安全示范城市自评", xml, StringComparison.Ordinal);
        Assert.Contains("12月提请市政府常务会议审议", xml, StringComparison.Ordinal);
        Assert.Contains("下级区划差距", xml, StringComparison.Ordinal);
        Assert.Contains("2.8“四小”综合治理", xml, StringComparison.Ordinal);
        Assert.Contains($"{report.GetProperty("score").GetDecimal():0.0} 分", xml, StringComparison.Ordinal);

        // The page: the score and each criterion's standing as the API gives them.
        var (browser, _) = await factory.BrowserAsAsync("coordinator@210500");
        var page = await browser.GetStringAsync("/indicators/demonstration?region=210500000000&year=2026", Ct);
        Assert.Contains($"<span class=\"kpi\" data-score>{report.GetProperty("score").GetDecimal():0.0}</span>", page, StringComparison.Ordinal);
        Assert.Contains("data-criterion=\"1.6\" data-status=\"NotMet\"", page, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"SelfCheck\"", page, StringComparison.Ordinal);

        // 工作台: the rectifications ordered — the city's 1.6 and its district's 2.8 — are to-dos of the city's coordinator.
        var workbench = await browser.GetStringAsync("/", Ct);
        var todo = System.Text.RegularExpressions.Regex.Match(workbench, "<li data-todo=\"Todo.Rectifications\">.*?</li>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("创建自评整改事项", todo, StringComparison.Ordinal);
        Assert.Contains("/indicators/demonstration?year=2026", todo, StringComparison.Ordinal);
        Assert.Contains("共 2 项", todo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMajorIncident_FailsTheAssessmentByVeto()
    {
        var district = await factory.ClientAsAsync("coordinator@210502");
        var id = (await JsonAsync(await district.PostAsJsonAsync("/api/v1/indicators/demonstration", Body("210502000000", 2026, new { }), Ct))).GetProperty("id").GetString();
        var report = await JsonAsync(await district.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        Assert.Equal(0m, Criterion(report, "0.1").GetProperty("measures")[0].GetProperty("value").GetDecimal());
        Assert.False(report.GetProperty("vetoed").GetBoolean());

        // A school outbreak graded Ⅱ级 (重大): 0.1 is not met and the whole assessment fails, whatever the score.
        var officer = await factory.ClientAsAsync("officer@210502");
        var incident = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/reports", new
        {
            description = "午餐后学生腹痛呕吐", setting = "School", regionCode = "210502001000", businessName = "平山区某小学食堂",
            learnedAt = factory.Clock.GetUtcNow().AddMinutes(-20), harmed = 40, hospitalised = 10, deaths = 0,
        }, Ct))).GetProperty("id").GetString();
        var graded = await officer.PostAsJsonAsync($"/api/v1/emergencies/incidents/{incident}/grade",
            new { harmed = 120, hospitalised = 40, deaths = 1, specialPopulation = true, note = "疾控通报" }, Ct);
        Assert.True(graded.IsSuccessStatusCode, await graded.Content.ReadAsStringAsync(Ct));
        ((MemoryCache)factory.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);
        report = await JsonAsync(await district.GetAsync($"/api/v1/indicators/demonstration/{id}", Ct));
        var veto = Criterion(report, "0.1");
        Assert.Equal(1m, veto.GetProperty("measures")[0].GetProperty("value").GetDecimal());
        Assert.Equal("NotMet", veto.GetProperty("status").GetString());
        Assert.True(report.GetProperty("vetoed").GetBoolean());
    }
}

public sealed class DemonstrationSqliteTests(SqliteShianFactory factory) : DemonstrationTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class DemonstrationPostgresTests(PostgresShianFactory factory) : DemonstrationTests(factory), IClassFixture<PostgresShianFactory>;
