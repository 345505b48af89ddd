using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Risk;

/// <summary>Risk grades: computed when a business is registered, explained factor by factor, re-graded on a new scheme with history.</summary>
public abstract class RiskTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegisteredBusiness_IsGradedAtOnce_WithItsReasons_AndANewProvincialSchemeRegradesItKeepingHistory()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await RegistryTests.RegisterAsync(officer, "210503001000", "风险测试小学食堂", "学校食堂");

        var grade = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{id}", Ct);
        // 25 (学校食堂) + 3 (80 ㎡, 6 人) + 5 (特殊人群) static; 10 dynamic: no full inspection within two years (Order 49 第二十二条).
        Assert.Equal("B", grade.GetProperty("grade").GetString());
        Assert.Equal(43, grade.GetProperty("total").GetInt32());
        Assert.Equal(1, grade.GetProperty("inspectionsPerYear").GetProperty("min").GetInt32());
        Assert.Contains(grade.GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "服务特殊人群");

        // 辽宁 adopts stricter cut-offs (A ≤ 20, B ≤ 30): the canteen becomes C, the B grade stays in the history.
        var admin = await factory.ClientAsAsync("admin");
        var scheme = await admin.PostAsJsonAsync("/api/v1/admin/risk-schemes", new
        {
            code = "LN-TEST-" + Guid.NewGuid().ToString("N")[..6], version = 1, name = "辽宁测试方案", province = "21", effectiveFrom = "2020-01-01",
            definition = new { maxA = 20, maxB = 30, maxC = 60 }, basis = "测试",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, scheme.StatusCode);
        var coordinator = await factory.ClientAsAsync("coordinator@210503");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync("/api/v1/risk/recompute", new { regionCode = "210503000000" }, Ct)).StatusCode);
        grade = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/risk/businesses/{id}", Ct);
        Assert.Equal("C", grade.GetProperty("grade").GetString());
        Assert.Contains(grade.GetProperty("history").EnumerateArray(), h => h.GetProperty("grade").GetString() == "B");

        var summary = await officer.GetFromJsonAsync<JsonElement>("/api/v1/risk/summary?regionCode=210503000000", Ct);
        Assert.True(summary.GetProperty("C").GetInt32() >= 1);
    }

    [Fact]
    public async Task ASchemeWithBadThresholds_IsRefused_AndOnlyAnAdministratorAddsSchemes()
    {
        var admin = await factory.ClientAsAsync("admin");
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/risk-schemes", new { code = "BAD", version = 1, name = "x", province = "21", effectiveFrom = "2020-01-01", definition = new { maxA = 50, maxB = 40 }, basis = "" }, Ct);
        Assert.Equal("risk.scheme-invalid", await bad.ProblemCodeAsync(Ct));
        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/v1/admin/risk-schemes", new { code = "X", version = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("officer@210503")).PostAsJsonAsync("/api/v1/risk/recompute", new { regionCode = "210503000000" }, Ct)).StatusCode);
    }
}

public sealed class RiskSqliteTests(SqliteShianFactory factory) : RiskTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class RiskPostgresTests(PostgresShianFactory factory) : RiskTests(factory), IClassFixture<PostgresShianFactory>;
