using Microsoft.EntityFrameworkCore;
using Quartz;
using Shian.Data;

namespace Shian.Kernel.Jobs;

/// <summary>
/// A scheduled job of the platform (ADR 0006). Quartz fires it — once across all instances sharing the database, and
/// again on another instance if the one running it dies (recovery) — and this base records each run in
/// <c>kernel_job_runs</c> for administrators. The job itself runs as system work (no request: unrestricted scope,
/// audited as "system") unless it acts for a user.
/// </summary>
public abstract partial class ShianJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IJob
{
    /// <summary>For the job's own scopes (one per unit of work).</summary>
    protected IServiceScopeFactory Scopes => scopes;

    /// <summary>The application's clock (Beijing "today" comes from it).</summary>
    protected TimeProvider Clock => clock;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        var run = new JobRun
        {
            Job = job, Instance = context.Scheduler.SchedulerInstanceId, StartedAtUtc = clock.GetUtcNow().UtcDateTime, Outcome = JobOutcome.Running,
            Recovering = context.Recovering,
        };
        await SaveAsync(run, add: true, CancellationToken.None);
        try
        {
            run.Summary = Trim(await RunAsync(context, cancellationToken));
            run.Outcome = JobOutcome.Succeeded;
        }
        catch (Exception e)
        {
            run.Outcome = JobOutcome.Failed;
            run.Summary = Trim($"{e.GetType().Name}: {e.Message}");
            LogFailed(logger, e, job);
        }

        run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(run, add: false, CancellationToken.None);
    }

    /// <summary>The job's work; returns a one-line summary in Chinese for the administrators' page.</summary>
    protected abstract Task<string> RunAsync(IJobExecutionContext context, CancellationToken ct);

    private static string Trim(string text) => text.Length > 2000 ? text[..2000] : text;

    private async Task SaveAsync(JobRun run, bool add, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        if (add)
        {
            db.Set<JobRun>().Add(run);
        }
        else
        {
            db.Set<JobRun>().Attach(run).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string job);
}
