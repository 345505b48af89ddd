using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Calendar;
using Shian.Kernel.Units;

namespace Shian.IntegrationTests.Kernel;

/// <summary>The kernel's reference data through HTTP and its services, on each database.</summary>
public abstract class KernelApiTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_WithAMigratedDatabase_Is200()
    {
        var res = await factory.CreateClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("Healthy", await res.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Schema_MatchesTheModel_WithEveryMigrationApplied()
    {
        factory.CreateClient(); // starts the host, which migrates
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration for both providers.");
        Assert.Equal(factory.Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }

    [Fact]
    public async Task ReferenceData_IsLoadedOnce_AndAnAdministratorsChangeSurvivesARestartOfTheSeeder()
    {
        factory.CreateClient();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        Assert.Equal(768 + 4, await db.Regions.CountAsync(Ct));
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(Ct);
        Assert.Subset(years.ToHashSet(), Enumerable.Range(2016, 11).ToHashSet()); // another test of this class may import 2027
        Assert.True(await db.Units.AnyAsync(u => u.Key == "210500:market-regulation", Ct));

        var region = await db.Regions.SingleAsync(r => r.Code == "330300901000", Ct);
        region.Name = "浙南产业集聚区（温州经济技术开发区）";
        await db.SaveChangesAsync(Ct);

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(Ct);
        db.ChangeTracker.Clear();
        Assert.Equal(768 + 4, await db.Regions.CountAsync(Ct));
        Assert.Equal("浙南产业集聚区（温州经济技术开发区）", (await db.Regions.SingleAsync(r => r.Code == "330300901000", Ct)).Name);
    }

    [Fact]
    public async Task AddWorkingDays_OverNationalDay_SkipsHolidaysAndCountsTheMakeUpSunday()
    {
        var json = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?start=2024-09-27&days=5", Ct);
        Assert.Equal("2024-10-10", json.GetProperty("date").GetString());
        Assert.False(json.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task AddWorkingDays_IntoAnUnannouncedYear_IsProvisionalWithTheNotice()
    {
        var json = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?start=2028-12-28&days=10", Ct);
        Assert.True(json.GetProperty("provisional").GetBoolean());
        Assert.Equal(WorkingDayResult.ProvisionalNotice, json.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task ImportingANewYearsNotice_MakesItsDeadlinesFinal_AndABadFileChangesNothing()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        await using var scope = factory.Scope();
        var import = scope.ServiceProvider.GetRequiredService<CalendarImport>();

        var bad = await import.ImportYearAsync(2027, "国办发明电〔2026〕x号", new StringReader("date,kind,name,source\n2027-01-01,off,元旦,n\n2027-02-30,off,春节,n\n"), Ct);
        Assert.False(bad.Succeeded);
        Assert.Contains(bad.Errors, e => e.Contains("第 3 行", StringComparison.Ordinal));
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/days/2027-01-01", Ct)).GetProperty("isWorkingDay").GetBoolean());

        // A hypothetical 2027 notice (test data): 元旦 Friday 01-01 off, Saturday 01-09 a make-up working day.
        var good = await import.ImportYearAsync(2027, "国办发明电〔2026〕x号", new StringReader("date,kind,name,source\n2027-01-01,off,元旦,n\n2027-01-09,work,元旦,n\n"), Ct);
        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        var day = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/days/2027-01-01", Ct);
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
        Assert.True(day.GetProperty("covered").GetBoolean());
        var deadline = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?start=2027-01-04&days=5", Ct);
        Assert.Equal("2027-01-09", deadline.GetProperty("date").GetString());
        Assert.False(deadline.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task Region_WithAncestorsAndPopulation_AndErrorsAsProblemDetails()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var xihu = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions/210503000000", Ct);
        Assert.Equal("溪湖区", xihu.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(["辽宁省", "本溪市"], xihu.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(204660, xihu.GetProperty("populations")[0].GetProperty("population").GetInt64());

        var missing = await client.GetAsync("/api/v1/regions/210599000000", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("region.not-found", await missing.ProblemCodeAsync(Ct));

        var invalid = await client.GetAsync("/api/v1/regions/2105", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("region.code-invalid", await invalid.ProblemCodeAsync(Ct));
    }

    [Fact]
    public async Task CityPopulation_WithoutFiguresForEveryDistrict_NamesTheMissingDistricts()
    {
        var json = await (await factory.ClientAsAsync("officer@210503")).GetFromJsonAsync<JsonElement>("/api/v1/regions/210500000000/population", Ct);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("population").ValueKind);
        Assert.Equal(["平山区", "本溪满族自治县", "桓仁满族自治县"], json.GetProperty("missingRegions").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ResolveUnits_ASeedCell_GivesGroupsAliasesAndTheRule()
    {
        var res = await (await factory.ClientAsAsync("officer@210503")).PostAsJsonAsync("/api/v1/units/resolve",
            new { text = "县（区）政府，市食品安全监管部门、市食品药品监管局等", contextRegion = "210500000000" }, Ct);
        res.EnsureSuccessStatusCode();
        var items = (await res.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        Assert.Equal(["Group", "Group", "Alias"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(6, items[0].GetProperty("units").GetArrayLength());
        Assert.Equal(9, items[1].GetProperty("units").GetArrayLength());
        Assert.Equal("本溪市市场监督管理局", items[2].GetProperty("units")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task MappingAnUnresolvedName_IsStoredAsAnAlias_AndResolvesNextTime()
    {
        var client = await factory.ClientAsAsync("officer@210503");
        var body = new { text = "市食安协调小组办公室", contextRegion = "210500000000" };
        var before = (await (await client.PostAsJsonAsync("/api/v1/units/resolve", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal("Unresolved", before.GetProperty("kind").GetString());

        await using (var scope = factory.Scope())
        {
            var alias = await scope.ServiceProvider.GetRequiredService<UnitCatalogService>().MapAsync("市食安协调小组办公室", "210500000000", "fso:210500000000", Ct);
            Assert.Equal("食安协调小组办公室", alias.Alias);
            Assert.Equal(UnitAliasOrigin.Mapped, alias.Origin);
        }

        var after = (await (await client.PostAsJsonAsync("/api/v1/units/resolve", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal("Alias", after.GetProperty("kind").GetString());
        Assert.Equal("fso:210500000000", after.GetProperty("units")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task ResolveUnits_WithoutText_IsAValidationProblem()
    {
        var res = await (await factory.ClientAsAsync("officer@210503")).PostAsJsonAsync("/api/v1/units/resolve", new { contextRegion = "210500000000" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
    }
}

public sealed class KernelApiSqliteTests(SqliteShianFactory factory) : KernelApiTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class KernelApiPostgresTests(PostgresShianFactory factory) : KernelApiTests(factory), IClassFixture<PostgresShianFactory>;
