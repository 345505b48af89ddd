using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Jobs;

namespace Shian.IntegrationTests.Kernel;

/// <summary>Scheduled jobs (ADR 0006): Quartz with its store in the platform's database; each run recorded for administrators.</summary>
public abstract class JobsTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] DailyJobs = ["governance-daily", "registry-renewal-reminders", "risk-nightly", "credit-daily"];

    internal static async Task<List<JobRun>> RunsAsync(ShianFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ShianDb>().Set<JobRun>().AsNoTracking().ToListAsync(Ct);
    }


    [Fact]
    public async Task TheDailyJobs_RunWhenAnInstanceStarts_AndAdministratorsSeeTheirRunsAndNextFiring()
    {
        _ = factory.Services;
        await Eventually.TrueAsync(async () => (await RunsAsync(factory)).Count(r => DailyJobs.Contains(r.Job) && r.Outcome == JobOutcome.Succeeded) >= 3, "the start-up runs");

        var admin = await factory.ClientAsAsync("admin");
        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs", Ct);
        foreach (var name in DailyJobs)
        {
            var job = jobs.EnumerateArray().Single(j => j.GetProperty("job").GetString() == name);
            Assert.Equal("Succeeded", job.GetProperty("last").GetProperty("outcome").GetString());
            Assert.False(string.IsNullOrEmpty(job.GetProperty("last").GetProperty("summary").GetString()));

            // Daily at a Beijing hour: the next firing is within a day, on the hour or half hour.
            var next = job.GetProperty("nextRunUtc").GetDateTime();
            Assert.InRange(next - factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.Zero, TimeSpan.FromDays(1)); // on the app's (fixed) clock
            Assert.Contains(next.Minute, new[] { 0, 30 });
        }

        var governance = jobs.EnumerateArray().Single(j => j.GetProperty("job").GetString() == "governance-daily");
        Assert.Equal(17, governance.GetProperty("nextRunUtc").GetDateTime().Hour); // 01:00 Beijing time

        var page = await admin.GetStringAsync("/admin/jobs", Ct);
        Assert.Contains("工作任务日检", page, StringComparison.Ordinal);
        Assert.Contains("许可证到期提醒", page, StringComparison.Ordinal);

        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/admin/jobs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/jobs", Ct)).StatusCode);
    }
}

public sealed class JobsSqliteTests(SqliteShianFactory factory) : JobsTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class JobsPostgresTests(PostgresShianFactory factory) : JobsTests(factory), IClassFixture<PostgresShianFactory>;

/// <summary>Two instances on one PostgreSQL form one Quartz cluster: both check in, and an on-demand job fires once.</summary>
public sealed class JobsTwoInstancesTests(PostgresShianFactory first) : IClassFixture<PostgresShianFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstances_JoinOneCluster_AndAnImportRunsOnceOnOneOfThem()
    {
        _ = first.Services;
        await using var second = new SecondPostgresInstance(first);
        await second.InitializeAsync();
        _ = second.Services;

        await Eventually.TrueAsync(async () =>
        {
            await using var scope = first.Scope();
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var nodes = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync(Ct);
            return nodes.Distinct().Count() >= 2;
        }, "both instances checking in to the cluster");

        // An import started on the second instance runs once, on whichever instance the cluster gives it to.
        var officer = await second.ClientAsAsync("officer@210500");
        using var form = new MultipartFormDataContent();
        var xlsx = new ByteArrayContent(await officer.GetByteArrayAsync("/api/v1/business-template.xlsx", Ct));
        form.Add(xlsx, "file", "名录.xlsx");
        var started = await officer.PostAsync("/api/v1/business-imports", form, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        await Eventually.TrueAsync(async () =>
            (await JobsTests.RunsAsync(first)).Any(r => r.Job == "registry-import" && r.Outcome != JobOutcome.Running && r.Summary!.Contains("名录.xlsx", StringComparison.Ordinal)),
            "the import's run");
        var runs = (await JobsTests.RunsAsync(first)).Where(r => r.Job == "registry-import" && r.Summary != null && r.Summary.Contains("名录.xlsx", StringComparison.Ordinal)).ToList();
        Assert.Single(runs);
        var status = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/business-imports/{id}", Ct);
        Assert.NotEqual("Queued", status.GetProperty("status").GetString());
    }
}

/// <summary>In-memory caches follow the database on every instance (the stamps of kernel_cache_stamps).</summary>
public sealed class CacheStampsTwoInstancesTests(PostgresShianFactory first) : IClassFixture<PostgresShianFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACalendarChangedOnOneInstance_IsReloadedByTheOther_WhenItsStampChanges()
    {
        _ = first.Services;
        await using var second = new SecondPostgresInstance(first);
        await second.InitializeAsync();
        var calendar = second.Services.GetRequiredService<Shian.Kernel.Calendar.WorkingDayCalendarProvider>();
        var day = new DateOnly(2026, 12, 2); // a Wednesday
        Assert.True(calendar.Current.IsWorkingDay(day));

        // Instance one records a day off (as an import of the year does) and touches the calendar's stamp.
        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            db.CalendarDays.Add(new Shian.Kernel.Calendar.CalendarDay { Date = day, Kind = Shian.Kernel.Calendar.CalendarDayKind.Off, Name = "测试", Source = "test" });
            await Shian.Kernel.Caching.CacheStamps.TouchAsync(db, Shian.Kernel.Caching.CacheStamps.Calendar, DateTime.UtcNow, Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = second.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            Assert.True(await calendar.RefreshIfChangedAsync(db, Ct));
            Assert.False(await calendar.RefreshIfChangedAsync(db, Ct)); // unchanged since: no reload
        }

        Assert.False(calendar.Current.IsWorkingDay(day));
    }

    [Fact]
    public async Task TheStandardsLibraryOfOneInstance_IsRebuiltWhenAnotherChangesTheLibrary()
    {
        _ = first.Services;
        await using var second = new SecondPostgresInstance(first);
        await second.InitializeAsync();
        Guid? before;
        await using (var scope = second.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Shian.Sampling.Standards>().LibraryAsync(Ct);
            before = second.Services.GetRequiredService<Shian.Sampling.StandardsCache>().Stamp;
        }

        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            await Shian.Kernel.Caching.CacheStamps.TouchAsync(db, Shian.Kernel.Caching.CacheStamps.Standards, DateTime.UtcNow, Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = second.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Shian.Sampling.Standards>().LibraryAsync(Ct);
            Assert.NotEqual(before, second.Services.GetRequiredService<Shian.Sampling.StandardsCache>().Stamp);
        }
    }
}
