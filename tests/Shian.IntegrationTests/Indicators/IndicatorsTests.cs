using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Indicators;

/// <summary>
/// Indicators through HTTP on the fixed clock (2026-11-25): computed from the modules' records per region and drilled
/// down, cached until refreshed, scoped to the caller's regions; entered values refused unless whole and with evidence,
/// added up for the city; seed 002 imported with its targets suggested indicators, confirmed on the plan, live on its page.
/// </summary>
public abstract class IndicatorsTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static decimal? Dec(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    private static JsonElement Value(JsonElement board, string key) => board.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("key").GetString() == key);

    private void RefreshCounts() => ((MemoryCache)factory.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);

    [Fact]
    public async Task TheDistrictsFigures_AreTheSumOfItsStreets_AndTheCitysOfItsDistricts()
    {
        var city = await factory.ClientAsAsync("coordinator@210500");
        await Registry.RegistryTests.RegisterAsync(await factory.ClientAsAsync("officer@210503"), "210503001000", "指标下钻店" + Guid.NewGuid().ToString("N")[..6]);
        await Registry.RegistryTests.RegisterAsync(await factory.ClientAsAsync("officer@210504"), "210504002000", "指标下钻店" + Guid.NewGuid().ToString("N")[..6]);
        RefreshCounts();
        var detail = await JsonAsync(await city.GetAsync("/api/v1/indicators/inspection.coverage?regionCode=210500000000&year=2026", Ct));
        Assert.Equal("210500000000", detail.GetProperty("regionCode").GetString());
        var children = detail.GetProperty("children").EnumerateArray().ToList();
        Assert.Contains(children, c => c.GetProperty("code").GetString() == "210503000000");
        // Businesses are registered at a street: the parts add up exactly.
        Assert.Equal(Dec(detail, "numerator"), children.Sum(c => Dec(c, "numerator") ?? 0));
        Assert.Equal(Dec(detail, "denominator"), children.Sum(c => Dec(c, "denominator") ?? 0));
        Assert.True(Dec(detail, "denominator") > 0, "the demo city has operating businesses");
        var expected = Math.Round(Dec(detail, "numerator")!.Value * 100m / Dec(detail, "denominator")!.Value, 1, MidpointRounding.ToEven);
        Assert.Equal(expected, Dec(detail, "value"));
        // The year-to-date trend ends on today's figure.
        var trend = detail.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(11, trend.Count);
        Assert.Equal(Dec(detail, "value"), Dec(trend[^1], "value"));

        // Drilling into a district: its streets.
        var district = await JsonAsync(await city.GetAsync("/api/v1/indicators/inspection.coverage?regionCode=210503000000&year=2026", Ct));
        Assert.Equal(Dec(children.Single(c => c.GetProperty("code").GetString() == "210503000000"), "denominator"), Dec(district, "denominator"));
        Assert.All(district.GetProperty("children").EnumerateArray(), c => Assert.StartsWith("210503", c.GetProperty("code").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewRecord_CountsOnceTheCachedCountsRefresh()
    {
        var officer = await factory.ClientAsAsync("officer@210521");
        var town = (await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210521000000", Ct))).GetProperty("items").EnumerateArray().First().GetProperty("code").GetString()!;
        async Task<decimal> OperatingAsync() =>
            Dec(Value(await JsonAsync(await officer.GetAsync("/api/v1/indicators/values?regionCode=210521000000&year=2026", Ct)), "inspection.coverage"), "denominator")!.Value;

        var before = await OperatingAsync();
        await Registry.RegistryTests.RegisterAsync(officer, town, "指标新店" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(before, await OperatingAsync()); // the counts are cached (Indicators:CacheSeconds)
        RefreshCounts();
        Assert.Equal(before + 1, await OperatingAsync());
    }

    [Fact]
    public async Task TheRegistersDutyRates_AreTheSameAsTheRegisterComputesThem()
    {
        var officer = await factory.ClientAsAsync("officer@210521");
        var town = (await JsonAsync(await officer.GetAsync("/api/v1/emergencies/network/coverage?within=210521000000", Ct))).GetProperty("items").EnumerateArray().First().GetProperty("code").GetString()!;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var large = Registry.RegistryTests.Business(town, "明厨大酒店" + tag, Registry.RegistryTests.NextIds());
        var body = JsonSerializer.SerializeToElement(large).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["floorArea"] = 1200;
        var largeId = (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/businesses", body, Ct))).GetProperty("id").GetString()!;
        var schoolId = await Registry.RegistryTests.RegisterAsync(officer, town, "明厨小学食堂" + tag, kind: "学校食堂");
        foreach (var id in new[] { largeId, schoolId })
        {
            await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/duties", new { kind = "OpenKitchen", value = "互联网+明厨亮灶", since = "2026-01-01" }, Ct));
        }

        RefreshCounts();
        var rates = await JsonAsync(await officer.GetAsync("/api/v1/businesses/duty-rates?regionCode=210521000000", Ct));
        var board = await JsonAsync(await officer.GetAsync("/api/v1/indicators/values?regionCode=210521000000&year=2026", Ct));
        foreach (var (duty, indicator) in new[] { ("OpenKitchen", "duty.open-kitchen"), ("SelfInspectionReport", "duty.self-report"), ("LiabilityInsurance", "duty.insurance") })
        {
            var rate = rates.EnumerateArray().Single(r => r.GetProperty("kind").ToString() is var k && (k == duty || k == ((int)Enum.Parse<Shian.Registry.Domain.DutyKind>(duty)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var v = Value(board, indicator);
            Assert.Equal(rate.GetProperty("applicable").GetDecimal(), Dec(v, "denominator"));
            Assert.Equal(rate.GetProperty("meeting").GetDecimal(), Dec(v, "numerator"));
        }

        Assert.True(Dec(Value(board, "duty.open-kitchen"), "numerator") >= 2);
        Assert.True(Dec(Value(board, "duty.open-kitchen-schools"), "numerator") >= 1);
        Assert.True(Dec(Value(board, "duty.open-kitchen-large"), "numerator") >= 1);
        Assert.True(Dec(Value(board, "duty.open-kitchen-large"), "denominator") >= 1);
    }

    [Fact]
    public async Task ADistrict_ReadsOnlyItsOwnRegions()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var own = await JsonAsync(await officer.GetAsync("/api/v1/indicators/values?year=2026", Ct));
        Assert.Equal("210503000000", own.GetProperty("regionCode").GetString());
        foreach (var region in new[] { "210504000000", "210500000000", "210504002000" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/indicators/values?regionCode={region}&year=2026", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/indicators/complaints.reply-rate?regionCode={region}&year=2026", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/indicators/no.such-indicator", Ct)).StatusCode);
        var (browser, _) = await factory.BrowserAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/indicators?region=210504000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/indicators/complaints.reply-rate?region=210504000000", Ct)).StatusCode);
        var page = await browser.GetStringAsync("/indicators", Ct);
        Assert.Contains("投诉举报核查回复率", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnteredValues_AreRefusedUnlessWholeAndEvidenced_AndAddUpForTheCity()
    {
        var a = await factory.ClientAsAsync("coordinator@210503");
        var b = await factory.ClientAsAsync("coordinator@210504");
        const string Key = "programme.hotline-answer-rate";
        async Task<JsonElement> RefusedAsync(HttpClient client, object body, HttpStatusCode status, string key = Key)
        {
            var res = await client.PostAsJsonAsync($"/api/v1/indicators/{key}/entries", body, Ct);
            Assert.Equal(status, res.StatusCode);
            return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        Assert.True((await RefusedAsync(a, new { regionCode = "210503000000", year = 2026, value = 80 }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("evidence", out _));
        Assert.True((await RefusedAsync(a, new { regionCode = "210503000000", year = 2026, value = 120, evidence = "热线平台月报" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("value", out _));
        Assert.True((await RefusedAsync(a, new { regionCode = "210503000000", year = 2026, value = 80, numerator = 80, evidence = "热线平台月报" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("denominator", out _));
        var inconsistent = await RefusedAsync(a, new { regionCode = "210503000000", year = 2026, value = 95, numerator = 80, denominator = 100, evidence = "热线平台月报" }, HttpStatusCode.BadRequest);
        Assert.Contains("80", inconsistent.GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await RefusedAsync(a, new { regionCode = "210503000000", year = 2027, value = 80, evidence = "热线平台月报" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("year", out _));
        Assert.Equal("indicators.computed", (await RefusedAsync(a, new { regionCode = "210503000000", year = 2026, value = 80, evidence = "x" }, HttpStatusCode.BadRequest, "sampling.pass-rate")).GetProperty("code").GetString());
        Assert.Equal("scope.region-forbidden", (await RefusedAsync(a, new { regionCode = "210504000000", year = 2026, value = 80, evidence = "热线平台月报" }, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal("auth.forbidden", (await RefusedAsync(await factory.ClientAsAsync("officer@210503"), new { regionCode = "210503000000", year = 2026, value = 80, evidence = "热线平台月报" }, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var city = await factory.ClientAsAsync("coordinator@210500");
        var nothing = await JsonAsync(await city.GetAsync($"/api/v1/indicators/{Key}?regionCode=210500000000&year=2026", Ct));
        Assert.Empty(nothing.GetProperty("entries").EnumerateArray());
        Assert.Equal("未填报", nothing.GetProperty("note").GetString());

        await JsonAsync(await a.PostAsJsonAsync($"/api/v1/indicators/{Key}/entries", new { regionCode = "210503000000", year = 2026, value = 75, numerator = 75, denominator = 100, evidence = "溪湖区12315热线10月报" }, Ct));
        factory.Clock.Advance(TimeSpan.FromMinutes(1)); // the correction is entered later
        await JsonAsync(await a.PostAsJsonAsync($"/api/v1/indicators/{Key}/entries", new { regionCode = "210503000000", year = 2026, value = 80, numerator = 80, denominator = 100, evidence = "溪湖区12315热线11月报（更正）" }, Ct));
        await JsonAsync(await b.PostAsJsonAsync($"/api/v1/indicators/{Key}/entries", new { regionCode = "210504000000", year = 2026, value = 90, numerator = 180, denominator = 200, evidence = "明山区12315热线11月报" }, Ct));

        // The city has no entry of its own: 260 / 300 from its districts' parts (not the mean of 80 and 90); the latest entry counts.
        var combined = await JsonAsync(await city.GetAsync($"/api/v1/indicators/{Key}?regionCode=210500000000&year=2026", Ct));
        Assert.Equal(86.7m, Dec(combined, "value"));
        Assert.Equal(80m, Dec(combined.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "210503000000"), "value"));
        Assert.Equal(3, combined.GetProperty("entries").GetArrayLength());

        // A district sees its own entries, never the other's evidence.
        var own = await (await a.GetAsync($"/api/v1/indicators/{Key}?year=2026", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("明山区12315", own, StringComparison.Ordinal);
        Assert.Contains("溪湖区12315热线11月报", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingSeed002_SuggestsEachTargetsIndicator_ConfirmedOnThePlan_WithLiveValues()
    {
        var city = await factory.ClientAsAsync("coordinator@210500");
        await Registry.RegistryTests.RegisterAsync(await factory.ClientAsAsync("officer@210503"), "210503003000", "自查报告店" + Guid.NewGuid().ToString("N")[..6]);
        RefreshCounts();
        var imported = await JsonAsync(await city.PostAsync("/api/v1/plans", Seeds.PlanForm(Seeds.Bytes("002"), "温州.txt", 2026, "210500000000"), Ct));
        var planId = imported.GetProperty("id").GetString()!;
        var plan = await JsonAsync(await city.GetAsync($"/api/v1/plans/{planId}", Ct));
        var targets = plan.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("tasks").EnumerateArray()).SelectMany(t => t.GetProperty("targets").EnumerateArray()).ToList();
        Assert.True(targets.Count >= 29, $"{targets.Count} targets");
        Assert.All(targets, t => Assert.False(t.GetProperty("indicatorConfirmed").GetBoolean()));
        Assert.All(targets, t => Assert.Equal(JsonValueKind.String, t.GetProperty("indicatorKey").ValueKind));
        var agri = targets.Single(t => t.GetProperty("indicatorKey").GetString() == "sampling.agri-pass-rate");
        Assert.Equal(98m, agri.GetProperty("value").GetDecimal());
        var agriId = agri.GetProperty("id").GetString()!;

        // The plan page shows the live value of the city for the plan's year, as the indicators API computes it.
        var live = Value(await JsonAsync(await city.GetAsync("/api/v1/indicators/values?regionCode=210500000000&year=2026", Ct)), "sampling.agri-pass-rate");
        var (browser, _) = await factory.BrowserAsAsync("coordinator@210500");
        var page = await browser.GetStringAsync($"/governance/plans/{planId}", Ct);
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr id=\"target-{agriId}\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("食用农产品抽检合格率", row, StringComparison.Ordinal);
        Assert.Contains(Dec(live, "value") is decimal lv ? $"{lv:0.##}%" : "—", row, StringComparison.Ordinal);
        Assert.Contains("建议", row, StringComparison.Ordinal);

        // A target on the register (自查报告率 ≥ 92 %, a snapshot of operating producers) has a figure for the city: shown and judged.
        var selfReport = targets.Single(t => t.GetProperty("indicatorKey").GetString() == "duty.self-report").GetProperty("id").GetString()!;
        var selfLive = Dec(Value(await JsonAsync(await city.GetAsync("/api/v1/indicators/values?regionCode=210500000000&year=2026", Ct)), "duty.self-report"), "value");
        Assert.NotNull(selfLive);
        var selfRow = System.Text.RegularExpressions.Regex.Match(page, $"<tr id=\"target-{selfReport}\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains($"<span class=\"{(selfLive >= 92m ? "ok" : "bad")}\" data-live-value>{selfLive:0.##}%</span>", selfRow, StringComparison.Ordinal);

        // Only the issuing office confirms (a district does not see the city's targets to change); an unknown indicator is refused by field.
        var district = await factory.ClientAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.NotFound, (await district.PutAsJsonAsync($"/api/v1/plans/targets/{agriId}/indicator", new { indicatorKey = "sampling.pass-rate" }, Ct)).StatusCode);
        var unknown = await city.PutAsJsonAsync($"/api/v1/plans/targets/{agriId}/indicator", new { indicatorKey = "no.such" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("indicatorKey", out _));
        var confirmed = await JsonAsync(await city.PutAsJsonAsync($"/api/v1/plans/targets/{agriId}/indicator", new { indicatorKey = "sampling.agri-pass-rate" }, Ct));
        Assert.Equal("coordinator@210500", confirmed.GetProperty("indicatorConfirmedBy").GetString());

        // The indicator's page draws the plan's target: ≥ 98, met or not as the value says.
        var detail = await JsonAsync(await city.GetAsync("/api/v1/indicators/sampling.agri-pass-rate?regionCode=210500000000&year=2026", Ct));
        var target = detail.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("planId").GetString() == planId);
        Assert.Equal(98m, Dec(target, "value"));
        Assert.True(target.GetProperty("confirmed").GetBoolean());
        var met = target.GetProperty("met");
        Assert.Equal(Dec(detail, "value") is decimal v ? (v >= 98m ? JsonValueKind.True : JsonValueKind.False) : JsonValueKind.Null, met.ValueKind);

        // Removing the link: the page offers no live value for it any more.
        await JsonAsync(await city.PutAsJsonAsync($"/api/v1/plans/targets/{agriId}/indicator", new { indicatorKey = "" }, Ct));
        page = await browser.GetStringAsync($"/governance/plans/{planId}", Ct);
        row = System.Text.RegularExpressions.Regex.Match(page, $"<tr id=\"target-{agriId}\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("data-indicator=\"\"", row, StringComparison.Ordinal);
    }
}

public sealed class IndicatorsSqliteTests(SqliteShianFactory factory) : IndicatorsTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class IndicatorsPostgresTests(PostgresShianFactory factory) : IndicatorsTests(factory), IClassFixture<PostgresShianFactory>;
