using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.IntegrationTests.Infrastructure;

namespace Shian.IntegrationTests.Sampling;

/// <summary>Review D-12: the 2292 ban (ofloxacin, norfloxacin in food animals) is in force from 2016-12-31, and a corrected shipped row reaches an installation that loaded it before.</summary>
public abstract class StandardsCorrectionTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> VerdictAsync(string sampledOn)
    {
        var res = await factory.CreateClient().PostAsJsonAsync("/api/v1/standards/judge", new
        {
            categoryCode = "ANIMAL.EGG.CHICKEN", sampledOn, items = new[] { new { analyte = "OFLX", value = 2.1m, unit = "μg/kg", lod = 0.5m } },
        }, Ct);
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0].GetProperty("label").GetString()!;
    }

    [Fact]
    public async Task TheBan_AppliesFromItsInForceDate_AndAnOldInstallationIsCorrected()
    {
        factory.CreateClient();
        await using (var scope = factory.Scope())
        {
            // An installation that loaded the row with the announcement's publication date…
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var rows = await db.Set<Shian.Sampling.Domain.Limit>().Where(l => l.AnalyteCode == "OFLX" && l.CategoryCode == "ANIMAL.EGG.CHICKEN").ToListAsync(Ct);
            Assert.Single(rows);
            rows[0].EffectiveFrom = new DateOnly(2015, 9, 1);
            await db.SaveChangesAsync(Ct);

            // …gets the in-force date when the shipped library is loaded again (at start-up).
            foreach (var seeder in scope.ServiceProvider.GetServices<Shian.Kernel.Reference.IReferenceDataSeeder>())
            {
                await seeder.SeedAsync(Ct);
            }
        }

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shian.Data.ShianDb>();
            var row = await db.Set<Shian.Sampling.Domain.Limit>().AsNoTracking().SingleAsync(l => l.AnalyteCode == "OFLX" && l.CategoryCode == "ANIMAL.EGG.CHICKEN", Ct);
            Assert.Equal(new DateOnly(2016, 12, 31), row.EffectiveFrom);
        }

        Assert.Equal("不合格", await VerdictAsync("2016-12-31"));
        Assert.NotEqual("不合格", await VerdictAsync("2016-12-30")); // before the ban was in force: no limit applies
    }
}

public sealed class StandardsCorrectionSqliteTests(SqliteShianFactory factory) : StandardsCorrectionTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class StandardsCorrectionPostgresTests(PostgresShianFactory factory) : StandardsCorrectionTests(factory), IClassFixture<PostgresShianFactory>;
