using Quartz;
using Shian.Data;
using Shian.Kernel.Calendar;

namespace Shian.Kernel.Jobs;

/// <summary>
/// The job scheduler (ADR 0006): Quartz.NET with its persistent store in the platform's database (SQLite or PostgreSQL),
/// clustered, so that every instance sharing the database runs each firing once, and a job whose instance dies is
/// recovered by another. Quartz creates its own tables (<c>qrtz_*</c>) when they are missing.
/// </summary>
internal static class JobsSetup
{
    public static IServiceCollection AddShianJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = DatabaseSetup.FromConfiguration(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Shian";
                o.GenerateInstanceId = true;
            });
            // Quartz keeps time on the system clock, not the application's TimeProvider (which tests fix): check-ins,
            // failure detection and cron firings are wall-clock matters. Jobs take "today" from the application's clock.
            q.UseTimeProvider(TimeProvider.System);
            if (provider != DatabaseProvider.Postgres)
            {
                // SQLite has one writer: jobs run one at a time (three start-up passes at once made the nightly
                // re-grade wait past the busy timeout — "database is locked").
                q.UseDefaultThreadPool(1);
            }

            q.UsePersistentStore(s =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    // Several instances on one PostgreSQL: clustered. A node that stops checking in is declared dead
                    // after the threshold and the jobs it was running are recovered by another.
                    s.UsePostgres(connectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = configuration.GetValue("Jobs:CheckinInterval", TimeSpan.FromSeconds(15));
                        c.CheckinMisfireThreshold = configuration.GetValue("Jobs:CheckinMisfireThreshold", TimeSpan.FromSeconds(60));
                    });
                }
                else
                {
                    // SQLite is the single-instance database (Quartz refuses to cluster on it); a job interrupted by a
                    // crash is recovered when the instance starts again.
                    s.UseSqlite(connectionString);
                }

                s.ProvisionSchema();
                s.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddScoped<JobRuns>();
        Scheduled(services);
        return services;
    }

    /// <summary>
    /// A job fired on demand (<c>scheduler.TriggerJob(key, data)</c>): one firing at a time across instances, and a
    /// firing whose instance dies is run again by another (recovery), so the job must be safe to start over.
    /// </summary>
    public static IServiceCollection AddOnDemandJob<TJob>(this IServiceCollection services, string key) where TJob : ShianJob
    {
        services.ConfigureAllQuartzSchedulers(q => q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery().DisallowConcurrentExecution()));
        return services;
    }

    public static string DailyTrigger(string jobKey) => jobKey + "-daily";

    private static ScheduledJobs Scheduled(IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(ScheduledJobs))?.ImplementationInstance as ScheduledJobs ?? Register(services);

    private static ScheduledJobs Register(IServiceCollection services)
    {
        var jobs = new ScheduledJobs();
        services.AddSingleton(jobs);
        return jobs;
    }

    /// <summary>A job on a Quartz cron schedule (Beijing time), and once when an instance starts.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string key, string cron) where TJob : ShianJob
    {
        Scheduled(services).Keys.Add(key);
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
            q.AddTrigger(t => t.ForJob(key).WithIdentity(key + "-schedule").WithCronSchedule(cron, c => c.InTimeZone(ChinaTime.Zone)));
            q.RunAtStartup(new JobKey(key));
        });
        return services;
    }

    /// <summary>A job that runs every day at a Beijing time, and once when an instance starts (as the old passes did).</summary>
    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services, string key, TimeOnly at) where TJob : ShianJob
    {
        Scheduled(services).Keys.Add(key);
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
            q.AddTrigger(t => t.ForJob(key).WithIdentity(DailyTrigger(key))
                .WithCronSchedule($"0 {at.Minute} {at.Hour} * * ?", c => c.InTimeZone(ChinaTime.Zone)));
            q.RunAtStartup(new JobKey(key));
        });
        return services;
    }
}
