using Microsoft.EntityFrameworkCore;
using Quartz;
using Shian.Data;
using Shian.Kernel.Scoping;
using Shian.Kernel.Users;

namespace Shian.Kernel.Jobs;

/// <summary>What administrators see of the scheduled jobs (page <c>/admin/jobs</c>, API <c>/api/v1/admin/jobs</c>).</summary>
public sealed class JobRuns(ShianDb db, ISchedulerFactory schedulers, ScheduledJobs scheduled, TimeProvider clock)
{
    public sealed record JobState(string Job, DateTime? NextRunUtc, JobRun? Last, JobRun? LastSucceeded, int FailuresIn30Days);

    /// <summary>Every job the scheduler knows, with its next firing and its last runs.</summary>
    public async Task<IReadOnlyList<JobState>> JobsAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var next = new Dictionary<string, DateTime?>();
        foreach (var key in scheduled.Keys)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(JobsSetup.DailyTrigger(key)), ct);
            next[key] = trigger?.NextFireTimeUtc?.UtcDateTime;
        }

        var runs = await RecentAsync(null, 500, ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        return [.. next.Keys.Union(runs.Select(r => r.Job)).Distinct().Order(StringComparer.Ordinal).Select(job =>
        {
            var mine = runs.Where(r => r.Job == job).ToList();
            return new JobState(job, next.GetValueOrDefault(job), mine.FirstOrDefault(), mine.FirstOrDefault(r => r.Outcome == JobOutcome.Succeeded),
                mine.Count(r => r.Outcome == JobOutcome.Failed && r.StartedAtUtc >= since));
        })];
    }

    /// <summary>Runs newest first, of one job or all.</summary>
    public async Task<List<JobRun>> RecentAsync(string? job, int take, CancellationToken ct)
    {
        var q = db.Set<JobRun>().AsNoTracking();
        if (job is not null)
        {
            q = q.Where(r => r.Job == job);
        }

        return await q.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }
}

/// <summary>The keys of the recurring jobs (filled by <see cref="JobsSetup.AddDailyJob{TJob}"/>).</summary>
public sealed class ScheduledJobs
{
    public List<string> Keys { get; } = [];
}

internal static class JobsAdminApi
{
    public static IEndpointRouteBuilder MapJobsAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/jobs").WithTags("Admin 管理").AdminOnly("定时任务的运行情况，仅系统管理员", KernelPermissions.AdminOperations);
        group.MapGet("/", async (JobRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.JobsAsync(ct)))
            .WithSummary("定时任务：下次运行时间、最近一次运行及其结果");
        group.MapGet("/{job}/runs", async (string job, JobRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.RecentAsync(job, 100, ct)))
            .WithSummary("某个定时任务最近的运行记录（运行实例、开始与结束时间、结果）");
        return app;
    }
}
