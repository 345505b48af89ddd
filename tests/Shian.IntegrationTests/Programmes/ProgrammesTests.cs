using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Programmes;

/// <summary>
/// 社会共治 programmes through HTTP on the fixed clock (2026-11-25): volunteers and publicity activities refused whole
/// with each field named, then counted by the indicators — 志愿者人数 (those who left not counted), 志愿者培训率, and
/// 每月科普宣传活动场次 over the 11 months begun — which no office can enter by hand any more.
/// </summary>
public abstract partial class ProgrammesTests(ShianFactory factory)
{
    private const string District = "210505000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<JsonElement> IndicatorAsync(HttpClient client, string key)
    {
        ((MemoryCache)factory.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);
        return await JsonAsync(await client.GetAsync($"/api/v1/indicators/{key}?regionCode={District}&year=2026", Ct));
    }

    [Fact]
    public async Task VolunteersAndActivities_AreRecordedWhole_AndComputeTheirIndicators()
    {
        var officer = await factory.ClientAsAsync("officer@210505");
        const string town = "210505001000"; // 南芬街道

        // Refused whole: no name, trained before joining; nothing stored.
        var bad = await officer.PostAsJsonAsync("/api/v1/programmes/volunteers", new { regionCode = town, name = " ", registeredOn = "2026-05-01", trainedOn = "2026-04-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("姓名", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("培训日期", errors.GetProperty("trainedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await JsonAsync(await officer.GetAsync("/api/v1/programmes/volunteers", Ct))).EnumerateArray());

        // Four volunteers: two trained, one leaves — the team is three, two of them trained (66.7 %).
        var ids = new List<string>();
        foreach (var (name, trained) in new[] { ("张志愿", "2026-04-10"), ("李志愿", (string?)null), ("王志愿", "2026-06-01"), ("赵志愿", (string?)null) })
        {
            ids.Add((await JsonAsync(await officer.PostAsJsonAsync("/api/v1/programmes/volunteers", new { regionCode = town, name, organisation = "彩屯社区", registeredOn = "2026-03-01", trainedOn = trained }, Ct))).GetProperty("id").GetString()!);
        }

        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/programmes/volunteers/{ids[3]}/left", new { on = "2026-11-20" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/programmes/volunteers/{ids[3]}/left", new { on = "2026-11-21" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/programmes/volunteers/{ids[1]}/trained", new { on = "2026-12-01" }, Ct)).StatusCode);

        var coordinator = await factory.ClientAsAsync("coordinator@210505");
        var volunteers = await IndicatorAsync(coordinator, "programme.volunteers");
        Assert.Equal(3m, volunteers.GetProperty("value").GetDecimal());
        Assert.Equal(2, volunteers.GetProperty("version").GetInt32());
        Assert.Equal(66.7m, (await IndicatorAsync(coordinator, "programme.volunteer-training-rate")).GetProperty("value").GetDecimal());

        // 李志愿 trained today: 3 of 3.
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/programmes/volunteers/{ids[1]}/trained", new { on = "2026-11-25" }, Ct));
        Assert.Equal(100m, (await IndicatorAsync(coordinator, "programme.volunteer-training-rate")).GetProperty("value").GetDecimal());

        // Activities: refused without evidence or a known kind; 3 held this year ÷ 11 months begun = 0.3 场/月 (half even).
        var badActivity = await officer.PostAsJsonAsync("/api/v1/programmes/publicity", new { regionCode = town, kind = "Lecture", title = "宣传", heldOn = "2026-06-01", place = "社区", participants = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badActivity.StatusCode);
        var aerrors = (await badActivity.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(aerrors.TryGetProperty("evidence", out _) && aerrors.TryGetProperty("participants", out _), aerrors.ToString());
        var unknownKind = await officer.PostAsJsonAsync("/api/v1/programmes/publicity", new { regionCode = town, kind = "Parade", title = "宣传", heldOn = "2026-06-01", place = "社区", participants = 5, evidence = "照片" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.True((await unknownKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("kind", out _));
        foreach (var (kind, held) in new[] { ("SafetyWeek", "2026-06-12"), ("FiveInto", "2026-09-03"), ("Lecture", "2026-11-02"), ("Lecture", "2025-11-02") })
        {
            await JsonAsync(await officer.PostAsJsonAsync("/api/v1/programmes/publicity", new { regionCode = town, kind, title = "食品安全进社区", heldOn = held, place = "彩屯社区", participants = 80, evidence = "签到表与现场照片" }, Ct));
        }

        var perMonth = await IndicatorAsync(coordinator, "programme.publicity-events");
        Assert.Equal(0.3m, perMonth.GetProperty("value").GetDecimal());
        Assert.Equal(3m, perMonth.GetProperty("numerator").GetDecimal());
        Assert.Equal(11m, perMonth.GetProperty("denominator").GetDecimal());

        // Computed now: an office can no longer enter a figure for them.
        var entered = await coordinator.PostAsJsonAsync("/api/v1/indicators/programme.volunteers/entries", new { regionCode = District, year = 2026, value = 10000, evidence = "名册" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, entered.StatusCode);

        // Another district sees none of them.
        var other = await factory.ClientAsAsync("officer@210503");
        Assert.DoesNotContain("张志愿", await other.GetStringAsync("/api/v1/programmes/volunteers", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/programmes/volunteers/{ids[0]}/left", new { on = "2026-11-25" }, Ct)).StatusCode);

        // The page shows the team and the activities.
        var (browser, _) = await factory.BrowserAsAsync("officer@210505");
        var page = await browser.GetStringAsync($"/programmes?region={District}", Ct);
        Assert.Contains("<span class=\"kpi\" data-active>3</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"kpi\" data-rate>100%</span>", page, StringComparison.Ordinal);
        Assert.Contains("data-volunteer=\"赵志愿\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegulatorsTraining_AddsUpPerPerson_IntoHoursPerRegulator()
    {
        var coordinator = await factory.ClientAsAsync("coordinator@210505");
        const string url = "/api/v1/programmes/training";

        // Refused whole: no hours, a non-regulator and another district's inspector named.
        var bad = await coordinator.PostAsJsonAsync(url, new { regionCode = District, title = "食品安全法律法规培训", heldOn = "2026-03-10", hours = 0.3, evidence = "南芬市监发〔2026〕3号", attendees = new[] { "officer@210505", "coordinator@210505", "inspector@210503" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("0.5", errors.GetProperty("hours")[0].GetString());
        var named = errors.GetProperty("attendees")[0].GetString();
        Assert.Contains("coordinator@210505", named);
        Assert.Contains("inspector@210503", named);
        Assert.DoesNotContain("officer@210505", named);

        // 16 h for both regulators of 南芬区, then 8 h for the officer: 40 h over 2 people = 20 h each.
        (await coordinator.PostAsJsonAsync(url, new { regionCode = District, title = "食品安全法律法规培训", heldOn = "2026-03-10", hours = 16, evidence = "南芬市监发〔2026〕3号 签到表", attendees = new[] { "officer@210505", "INSPECTOR@210505" } }, Ct)).EnsureSuccessStatusCode();
        (await coordinator.PostAsJsonAsync(url, new { regionCode = District, title = "抽样检验实务", heldOn = "2026-09-02", hours = 8, evidence = "课件与签到表", attendees = new[] { "officer@210505" } }, Ct)).EnsureSuccessStatusCode();
        var list = await JsonAsync(await coordinator.GetAsync($"{url}?regionCode={District}", Ct));
        Assert.Equal([1, 2], list.EnumerateArray().Select(x => x.GetProperty("attendees").GetInt32()).Order());

        var hours = await IndicatorAsync(coordinator, "training.regulator-hours");
        Assert.Equal(40m, hours.GetProperty("numerator").GetDecimal());
        Assert.Equal(2m, hours.GetProperty("denominator").GetDecimal());
        Assert.Equal(20m, hours.GetProperty("value").GetDecimal());
    }
}

public sealed class ProgrammesSqliteTests(SqliteShianFactory factory) : ProgrammesTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class ProgrammesPostgresTests(PostgresShianFactory factory) : ProgrammesTests(factory), IClassFixture<PostgresShianFactory>;
