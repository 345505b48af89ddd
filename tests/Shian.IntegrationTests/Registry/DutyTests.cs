using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;
using Shian.Registry;

namespace Shian.IntegrationTests.Registry;

/// <summary>主体责任 records and their rates; licence renewal reminders on the working-day calendar.</summary>
public abstract class DutyTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewBusinessAsync(HttpClient officer, string kind = "餐饮服务经营者", string validTo = "2029-02-28")
    {
        var body = RegistryTests.Business("210503001000", "责任测试店" + Guid.NewGuid().ToString("N")[..6], RegistryTests.NextIds(), kind);
        var json = JsonSerializer.SerializeToNode(body, JsonSerializerOptions.Web)!;
        json["licenceValidTo"] = validTo;
        var res = await officer.PostAsJsonAsync("/api/v1/businesses", json, Ct);
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task DutiesAreRecordedWithDates_AndTheRatesCountOnlyWhatMeetsTheSeedsRules()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var id = await NewBusinessAsync(officer);
        var before = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/businesses/duty-rates?regionCode=210503000000", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "SafetyManager").GetProperty("meeting").GetInt32();

        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/duties", new { kind = "SafetyManager", value = "48", since = "2026-01-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/duties", new { kind = "LiabilityInsurance", value = "PICC-2026-0001", since = "2026-01-01", until = "2026-12-31" }, Ct)).StatusCode);
        Assert.Equal("registry.duty-invalid", await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/duties", new { kind = "QuantifiedRating", value = "D" }, Ct)).ProblemCodeAsync(Ct));
        Assert.Equal("registry.duty-invalid", await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/duties", new { kind = "LiabilityInsurance", value = "x" }, Ct)).ProblemCodeAsync(Ct));

        var rates = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/businesses/duty-rates?regionCode=210503000000", Ct)).EnumerateArray().ToList();
        var manager = rates.Single(r => r.GetProperty("kind").GetString() == "SafetyManager");
        Assert.Equal(before + 1, manager.GetProperty("meeting").GetInt32());
        Assert.True(manager.GetProperty("applicable").GetInt32() >= manager.GetProperty("meeting").GetInt32());
        Assert.Equal(2, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}/duties", Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("officer@210504")).GetAsync($"/api/v1/businesses/{id}/duties", Ct)).StatusCode);
    }

    [Fact]
    public async Task ABusiness_RecordsItsOwnDeclarations_ButNotTheRegulatorsDesignations()
    {
        var business = await factory.ClientAsAsync("business@210503");
        var own = await RegistryTests.DemoBusinessAsync(factory);
        Assert.Contains(own, await business.GetStringAsync("/api/v1/businesses", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await business.PostAsJsonAsync($"/api/v1/businesses/{own}/duties", new { kind = "LiabilityInsurance", value = "PICC-2026-0099", since = "2026-01-01", until = "2026-12-31" }, Ct)).StatusCode);

        foreach (var designation in new object[] { new { kind = "QuantifiedRating", value = "A" }, new { kind = "ModelStore", value = "放心示范店" } })
        {
            var res = await business.PostAsJsonAsync($"/api/v1/businesses/{own}/duties", designation, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
            Assert.Equal("registry.designation-forbidden", await res.ProblemCodeAsync(Ct));
        }

        var duties = await business.GetStringAsync($"/api/v1/businesses/{own}/duties", Ct);
        Assert.DoesNotContain("QuantifiedRating", duties, StringComparison.Ordinal);

        // The officer rates it.
        var officer = await factory.ClientAsAsync("officer@210503");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/businesses/{own}/duties", new { kind = "QuantifiedRating", value = "A" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ALicenceNearExpiry_RemindsTheDistrictOnce()
    {
        var officer = await factory.ClientAsAsync("officer@210503");
        var today = factory.Today;
        await NewBusinessAsync(officer, "食品销售经营者", today.AddDays(20).ToString("yyyy-MM-dd"));
        await using (var scope = factory.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<RenewalReminders>().RunAsync(today, Ct) >= 1);
        }

        var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/v1/inbox", Ct);
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("title").GetString()!.StartsWith("许可证即将到期", StringComparison.Ordinal));
        await using (var scope = factory.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RenewalReminders>().RunAsync(today, Ct));
        }
    }
}

public sealed class DutySqliteTests(SqliteShianFactory factory) : DutyTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class DutyPostgresTests(PostgresShianFactory factory) : DutyTests(factory), IClassFixture<PostgresShianFactory>;
