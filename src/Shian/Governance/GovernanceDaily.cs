using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Rules;
using Shian.Kernel.Calendar;
using Shian.Kernel.Inbox;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;

namespace Shian.Governance;

/// <summary>Configuration section <c>Governance</c>.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>Remind a unit this many working days before each milestone.</summary>
    public List<int> ReminderWorkingDays { get; set; } = [5, 1];

    /// <summary>Beijing-time hour at which the daily job runs.</summary>
    public int DailyRunHour { get; set; } = 1;
}

/// <summary>
/// The daily pass over open assignments: re-evaluates each status (marking overdue ones), and sends each reminder
/// (N working days before a milestone, on the statutory calendar) and each overdue notice once, to the officers and
/// coordinators of the unit's district. Runs as system work (no request, unrestricted scope).
/// </summary>
public sealed partial class GovernanceDaily(ShianDb db, Notifier notifier, DistrictRecipients districtRecipients, WorkingDayCalendarProvider calendar, IOptions<GovernanceOptions> options, TimeProvider clock, ILogger<GovernanceDaily> logger)
{
    public sealed record Outcome(int StatusesChanged, int Reminders, int OverdueNotices);

    public async Task<Outcome> RunAsync(DateOnly today, CancellationToken ct)
    {
        var open = await db.TaskAssignments.Where(a => a.Status != WorkStatus.Completed).ToListAsync(ct);
        var taskIds = open.Select(a => a.TaskId).Distinct().ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var milestones = (await db.Milestones.AsNoTracking().Where(m => taskIds.Contains(m.TaskId)).ToListAsync(ct)).ToLookup(m => m.TaskId);
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).ToListAsync(ct)).ToLookup(r => (r.TaskId, r.UnitKey));
        var latest = reports.ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReportedAtUtc).First());
        var sent = (await db.SentReminders.AsNoTracking().Where(s => taskIds.Count > 0).ToListAsync(ct)).Select(s => (s.AssignmentId, s.MilestoneId, s.Kind)).ToHashSet();
        var recipients = await districtRecipients.LoadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int changed = 0, reminders = 0, overdue = 0;

        foreach (var a in open)
        {
            if (!tasks.TryGetValue(a.TaskId, out var task))
            {
                continue;
            }

            var ms = WorkStatusRule.OpenMilestones(milestones[a.TaskId].OrderBy(m => m.Date), m => m.Id, reports[(a.TaskId, a.UnitKey)].Select(r => r.MilestoneId));
            var report = latest.GetValueOrDefault((a.TaskId, a.UnitKey));
            var status = WorkStatusRule.Evaluate([.. ms.Select(m => m.Date)], task.Recurring, report is null ? null : (report.Percent, report.Completed), today);
            if (status != a.Status)
            {
                a.Status = status;
                changed++;
            }

            var users = recipients(a.RegionCode);
            var label = task.Number is null ? Shorten(task.Text) : $"第 {task.Number} 项";
            if (status == WorkStatus.Overdue && ms.LastOrDefault(m => m.Date < today) is { } passed && sent.Add((a.Id, passed.Id, "overdue")))
            {
                notifier.Notify(users, $"任务已逾期：{label}", $"{a.UnitName} · 节点 {passed.Date:yyyy-MM-dd}：{passed.Text}", $"/governance/tasks/{task.Id}");
                db.SentReminders.Add(new SentReminder { AssignmentId = a.Id, MilestoneId = passed.Id, Kind = "overdue", SentAtUtc = now });
                overdue++;
            }

            foreach (var m in ms.Where(m => m.Date >= today))
            {
                var left = calendar.Current.WorkingDaysBetween(today, m.Date).Days;
                if (options.Value.ReminderWorkingDays.Contains(left) && sent.Add((a.Id, m.Id, $"due-{left}")))
                {
                    notifier.Notify(users, $"任务将到期：{label}（剩余 {left} 个工作日）", $"{a.UnitName} · 节点 {m.Date:yyyy-MM-dd}：{m.Text}", $"/governance/tasks/{task.Id}");
                    db.SentReminders.Add(new SentReminder { AssignmentId = a.Id, MilestoneId = m.Id, Kind = $"due-{left}", SentAtUtc = now });
                    reminders++;
                }
            }
        }

        // 督办 notices past their reply date without a reply.
        foreach (var notice in await db.SupervisionNotices.Where(n => n.Status == SupervisionStatus.Open && n.ReplyDue < today).ToListAsync(ct))
        {
            notice.Status = SupervisionStatus.Overdue;
            notifier.Notify(recipients(notice.IssuerRegionCode), $"督办逾期未回复：{notice.UnitName}", notice.Reason, $"/governance/tasks/{notice.TaskId}#supervision");
            overdue++;
        }

        await db.SaveChangesAsync(ct);
        LogRun(logger, today, changed, reminders, overdue);
        return new Outcome(changed, reminders, overdue);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Governance daily pass for {Today}: {Changed} statuses changed, {Reminders} reminders, {Overdue} overdue notices")]
    private static partial void LogRun(ILogger logger, DateOnly today, int changed, int reminders, int overdue);
}

/// <summary>Runs <see cref="GovernanceDaily"/> every day at the configured Beijing hour and when an instance starts (Quartz: once across instances).</summary>
internal sealed class GovernanceDailyJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GovernanceDailyJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "governance-daily";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<GovernanceDaily>().RunAsync(ChinaTime.Today(Clock), ct);
        return $"状态变更 {outcome.StatusesChanged} 项，到期提醒 {outcome.Reminders} 条，逾期通知 {outcome.OverdueNotices} 条";
    }
}
