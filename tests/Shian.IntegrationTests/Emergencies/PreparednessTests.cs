using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Emergencies;

/// <summary>
/// 应急准备 through HTTP (today 2026-11-25): a county records its plan, a revision supersedes it, a drill without its
/// evaluation is refused, a drill and a training move the next due dates; another county sees none of it.
/// </summary>
public abstract class PreparednessTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res)
    {
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {await res.Content.ReadAsStringAsync(Ct)}");
        return await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task APlanIsRevised_ADrillAndATraining_MoveTheDueDates()
    {
        var officer = await factory.ClientAsAsync("officer@210521");
        static JsonElement Of(JsonElement status) => status.EnumerateArray().Single(s => s.GetProperty("regionCode").GetString() == "210521000000").GetProperty("status");

        // Bad input named by field; a street is not an office.
        var bad = await officer.PostAsJsonAsync("/api/v1/emergencies/plans", new { regionCode = "210521100000", kind = "Plan", title = "", version = "", approvedOn = "2027-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "regionCode", "title", "version", "approvedOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var first = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/plans", new
        {
            regionCode = "210521000000", kind = "Plan", title = "本溪满族自治县食品安全事故应急预案", version = "2023 年版", documentNumber = "本政办发〔2023〕8号", approvedOn = "2023-06-15",
        }, Ct));
        Assert.Equal("2026-06-15", first.GetProperty("reviewDueOn").GetString());
        var status = Of(await JsonAsync(await officer.GetAsync("/api/v1/emergencies/preparedness-activities/status", Ct)));
        Assert.Equal("2025-06-15", status.GetProperty("drillDue").GetString());
        Assert.True(status.GetProperty("drillOverdue").GetBoolean());
        Assert.True(status.GetProperty("planReviewOverdue").GetBoolean());

        // The revision supersedes the first version; revising the old one again is refused.
        var revised = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/plans", new
        {
            kind = "Plan", supersedesId = first.GetProperty("id").GetString(), version = "2026 年修订版", approvedOn = "2026-09-01",
        }, Ct));
        Assert.Equal(first.GetProperty("lineageId").GetString(), revised.GetProperty("lineageId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/emergencies/plans", new
        {
            kind = "Plan", supersedesId = first.GetProperty("id").GetString(), version = "再版", approvedOn = "2026-10-01",
        }, Ct)).StatusCode);
        var plans = await JsonAsync(await officer.GetAsync("/api/v1/emergencies/plans", Ct));
        Assert.Equal("2026-09-01", plans.EnumerateArray().Single(p => p.GetProperty("id").GetString() == first.GetProperty("id").GetString()).GetProperty("supersededOn").GetString());

        // A drill without its evaluation is refused; with it, the next drill is due two years on; a training one year on.
        var noLessons = await officer.PostAsJsonAsync("/api/v1/emergencies/preparedness-activities", new
        {
            regionCode = "210521000000", kind = "Drill", title = "学校食堂食物中毒应急演练", heldOn = "2026-10-20", participants = 60,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noLessons.StatusCode);
        Assert.Contains("演练评估", await noLessons.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/preparedness-activities", new
        {
            regionCode = "210521000000", kind = "Drill", title = "学校食堂食物中毒应急演练", heldOn = "2026-10-20", form = "实战演练", participants = 60,
            departments = "县市场监管局、县卫健局、县教育局、县疾控中心", lessons = "信息报送比预案规定慢 20 分钟：直报点信息员名单需更新。",
        }, Ct));
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/emergencies/preparedness-activities", new
        {
            regionCode = "210521000000", kind = "Training", title = "食品安全事故应急处置培训", heldOn = "2026-11-02", participants = 45,
        }, Ct));
        status = Of(await JsonAsync(await officer.GetAsync("/api/v1/emergencies/preparedness-activities/status", Ct)));
        Assert.Equal("2028-10-20", status.GetProperty("drillDue").GetString());
        Assert.Equal("2027-11-02", status.GetProperty("trainingDue").GetString());
        Assert.Equal("2029-09-01", status.GetProperty("planReviewDue").GetString());
        Assert.False(status.GetProperty("drillOverdue").GetBoolean());

        // Another county's officer sees none of it and cannot record for this county.
        var other = await factory.ClientAsAsync("officer@210503");
        Assert.DoesNotContain("本溪满族自治县食品安全事故应急预案", await (await other.GetAsync("/api/v1/emergencies/plans", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/emergencies/preparedness-activities", new
        {
            regionCode = "210521000000", kind = "Training", title = "x", heldOn = "2026-11-02", participants = 5,
        }, Ct)).StatusCode);
    }
}

public sealed class PreparednessSqliteTests(SqliteShianFactory factory) : PreparednessTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class PreparednessPostgresTests(PostgresShianFactory factory) : PreparednessTests(factory), IClassFixture<PostgresShianFactory>;
