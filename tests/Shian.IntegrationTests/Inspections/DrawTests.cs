using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Inspections;
using Shian.IntegrationTests.Infrastructure;
using Shian.IntegrationTests.Registry;

namespace Shian.IntegrationTests.Inspections;

/// <summary>双随机一公开 through HTTP: the draw, its verification by anyone, publication, recusal.</summary>
public abstract class DrawTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<string>> RegisterAsync(string officer, string town, int n)
    {
        var client = await factory.ClientAsAsync(officer);
        var ids = new List<string>();
        for (var i = 0; i < n; i++)
        {
            ids.Add(await RegistryTests.RegisterAsync(client, town, $"抽查测试店{Guid.NewGuid().ToString("N")[..6]}"));
        }

        return ids;
    }

    [Fact]
    public async Task ADistrictDraws20Percent_WithTwoInspectorsEach_AnyoneCanVerifyIt_OncePublished()
    {
        await RegisterAsync("officer@210503", "210503001000", 12);
        var officer = await factory.ClientAsAsync("officer@210503");
        var res = await officer.PostAsJsonAsync("/api/v1/inspections/draws", new { regionCode = "210503000000", percent = 20 }, Ct);
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var created = await res.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetString();
        var pool = created.GetProperty("poolSize").GetInt32();
        Assert.True(pool >= 12);
        Assert.Equal((int)Math.Ceiling(pool * 0.2m), created.GetProperty("drawn").GetInt32());
        Assert.Equal("shian-draw-v1", created.GetProperty("algorithm").GetString());

        var draw = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/draws/{id}", Ct);
        Assert.All(draw.GetProperty("visits").EnumerateArray(), v =>
        {
            var inspectors = v.GetProperty("inspectors").EnumerateArray().Select(x => x.GetString()).ToList();
            Assert.Equal(2, inspectors.Distinct().Count());
            Assert.All(inspectors, i => Assert.EndsWith("@210503", i, StringComparison.Ordinal));
        });
        // Staff re-verification is queued (a city draw costs seconds of CPU): asked, pending, then stored.
        var fresh = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/draws/{id}/verify", Ct);
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("verifiedAtUtc").ValueKind);
        Assert.True((await VerifiedAsync(officer, id!)).GetProperty("matches").GetBoolean());

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/draws/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/draws/{id}/verify", Ct)).StatusCode);
        Assert.DoesNotContain($"/public/draws/{id}", await anonymous.GetStringAsync("/public/draws", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/inspections/draws/{id}/publish", null, Ct)).StatusCode);

        // Published: on the public list of draws and among the latest on the public home, without signing in.
        var list = await anonymous.GetAsync("/public/draws", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"/public/draws/{id}", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var home = await anonymous.GetStringAsync("/public", Ct);
        Assert.Contains($"/public/draws/{id}", home, StringComparison.Ordinal);
        foreach (var link in new[] { "/public/businesses", "/public/draws", "/public/sampling", "/public/assessments", "/account/signin" })
        {
            Assert.Contains($"href=\"{link}\"", home, StringComparison.Ordinal);
        }

        var open = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/draws/{id}", Ct);
        Assert.Equal(created.GetProperty("drawn").GetInt32(), open.GetProperty("businesses").GetArrayLength());
        Assert.DoesNotContain("officer@", open.ToString(), StringComparison.Ordinal);
        var stored = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/draws/{id}/verify", Ct);
        Assert.True(stored.GetProperty("matches").GetBoolean());

        // The public reads the verification stored at publication (no re-run per anonymous call); staff re-run it and a
        // tampered list is caught, and from then on the public sees that too.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/draws/{id}/verify", Ct);
        Assert.Equal(stored.GetProperty("verifiedAtUtc").GetString(), again.GetProperty("verifiedAtUtc").GetString());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var drawId = Guid.Parse(id!);
            var victim = await db.PlannedVisits.IgnoreQueryFilters().Where(v => v.DrawId == drawId).Select(v => v.Id).FirstAsync(Ct);
            await db.PlannedVisits.IgnoreQueryFilters().Where(v => v.Id == victim).ExecuteDeleteAsync(Ct);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await VerifiedAsync(officer, id!)).GetProperty("matches").GetBoolean());
        Assert.False((await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/draws/{id}/verify", Ct)).GetProperty("matches").GetBoolean());
    }

    /// <summary>Asks for a re-verification (202, pending) and waits for the job's stored answer.</summary>
    private async Task<JsonElement> VerifiedAsync(HttpClient staff, string id)
    {
        var asked = await staff.PostAsync($"/api/v1/inspections/draws/{id}/verify", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.True((await asked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("pending").GetBoolean());
        JsonElement result = default;
        await Eventually.TrueAsync(async () =>
        {
            result = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/draws/{id}/verify", Ct);
            return !result.GetProperty("pending").GetBoolean();
        }, "the queued verification to finish", TimeSpan.FromSeconds(30));
        return result;
    }

    [Fact]
    public async Task ADeclaredConflict_LeavesTooFewInspectors_AndTheDrawIsRefusedWithAReason()
    {
        var ids = await RegisterAsync("officer@210505", "210505001000", 1);
        var inspector = await factory.ClientAsAsync("inspector@210505");
        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/v1/inspections/businesses/{ids[0]}/conflicts", new { reason = "经营者为本人亲属" }, Ct)).StatusCode);
        var officer = await factory.ClientAsAsync("officer@210505");
        var refused = await officer.PostAsJsonAsync("/api/v1/inspections/draws", new { regionCode = "210505000000", percent = 100 }, Ct);
        Assert.Equal("inspections.draw-refused", await refused.ProblemCodeAsync(Ct));
        Assert.Contains("回避后可派执法人员不足", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var tooMuch = await officer.PostAsJsonAsync("/api/v1/inspections/draws", new { regionCode = "210505000000", percent = 150 }, Ct);
        Assert.Equal("inspections.draw-invalid", await tooMuch.ProblemCodeAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/v1/inspections/draws", new { regionCode = "210505000000", percent = 20 }, Ct)).StatusCode);
    }
}

public sealed class DrawSqliteTests(SqliteShianFactory factory) : DrawTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class DrawPostgresTests(PostgresShianFactory factory) : DrawTests(factory), IClassFixture<PostgresShianFactory>;
