using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Governance;

/// <summary>暗访检查 records: coordinators record them for regions in their scope; districts see their own.</summary>
public abstract class IncognitoCheckTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Check(string region, string place) => new
    {
        regionCode = region, checkedOn = "2026-11-20", place, findings = "后厨未落实明厨亮灶，留样记录缺失。", problems = 2, rating = "Poor",
    };

    [Fact]
    public async Task TheCityOffice_RecordsACheckInADistrict_WhichThatDistrictSeesAndOthersDoNot()
    {
        var city = await factory.ClientAsAsync("coordinator@210500");
        var res = await city.PostAsJsonAsync("/api/v1/incognito-checks", Check("210503001000", "河东街道某学校食堂"), Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var xihu = await factory.ClientAsAsync("officer@210503");
        Assert.Contains(id!, await xihu.GetStringAsync("/api/v1/incognito-checks", Ct), StringComparison.Ordinal);
        var mingshan = await factory.ClientAsAsync("officer@210504");
        Assert.DoesNotContain(id!, await mingshan.GetStringAsync("/api/v1/incognito-checks", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mingshan.GetAsync($"/api/v1/incognito-checks/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task OfficersCannotRecord_CoordinatorsOnlyInTheirScope_AndBadInputNamesTheField()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("officer@210503")).PostAsJsonAsync("/api/v1/incognito-checks", Check("210503000000", "x"), Ct)).StatusCode);

        var xihu = await factory.ClientAsAsync("coordinator@210503");
        var other = await xihu.PostAsJsonAsync("/api/v1/incognito-checks", Check("210504000000", "明山区某市场"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("scope.region-forbidden", await other.ProblemCodeAsync(Ct));

        var bad = await xihu.PostAsJsonAsync("/api/v1/incognito-checks", new { regionCode = "210503000000", checkedOn = "2099-01-01", place = "", findings = "", problems = -1, rating = "Good" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "place", "findings", "problems", "checkedOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}

public sealed class IncognitoCheckSqliteTests(SqliteShianFactory factory) : IncognitoCheckTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class IncognitoCheckPostgresTests(PostgresShianFactory factory) : IncognitoCheckTests(factory), IClassFixture<PostgresShianFactory>;
