using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Inbox;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry;

/// <summary>
/// Licence renewal reminders on the working-day calendar: 食品生产许可 must be renewed at least 30 working days before
/// expiry (食品生产许可管理办法, P); the 食品经营许可 window is unconfirmed (U), so the days are configurable
/// (<c>Registry:RenewalReminderWorkingDays</c>, default 40 and 30). Tells the district's officers once per licence and mark.
/// </summary>
public sealed partial class RenewalReminders(ShianDb db, WorkingDayCalendarProvider calendar, Notifier notifier, DistrictRecipients recipients, IConfiguration configuration, TimeProvider clock, ILogger<RenewalReminders> logger)
{
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var marks = configuration.GetSection("Registry:RenewalReminderWorkingDays").Get<int[]>() is { Length: > 0 } configured ? configured : [40, 30];
        var horizon = today.AddDays(marks.Max() * 2 + 30);
        var due = await (from l in db.Licences.AsNoTracking()
                         join b in db.Businesses.AsNoTracking() on l.BusinessId equals b.Id
                         where l.Status == LicenceStatus.Valid && l.ValidTo != null && l.ValidTo >= today && l.ValidTo <= horizon && b.Status != BusinessStatus.Closed
                         select new { l.Id, l.Number, l.Kind, ValidTo = l.ValidTo!.Value, b.Name, b.RegionCode, BusinessId = b.Id }).ToListAsync(ct);
        var ids = due.Select(d => d.Id).ToList();
        var sent = (await db.SentRenewalReminders.AsNoTracking().Where(s => ids.Contains(s.LicenceId)).ToListAsync(ct)).Select(s => (s.LicenceId, s.Kind)).ToHashSet();
        var who = await recipients.LoadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var l in due)
        {
            var left = calendar.Current.WorkingDaysBetween(today, l.ValidTo).Days;
            var mark = marks.Where(m => left <= m).OrderBy(m => m).FirstOrDefault();
            if (mark == 0 || !sent.Add((l.Id, $"due-{mark}")))
            {
                continue;
            }

            notifier.Notify(who(l.RegionCode), $"许可证即将到期：{l.Name}",
                $"{RegistryLabels.LicenceKinds[l.Kind]} {l.Number} 于 {l.ValidTo:yyyy-MM-dd} 到期（剩余 {left} 个工作日），请提醒经营者申请延续。", $"/registry/{l.BusinessId}");
            db.SentRenewalReminders.Add(new SentRenewalReminder { LicenceId = l.Id, Kind = $"due-{mark}", SentAtUtc = now });
            count++;
        }

        await db.SaveChangesAsync(ct);
        LogRun(logger, today, count);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence renewal reminders for {Today}: {Count} sent")]
    private static partial void LogRun(ILogger logger, DateOnly today, int count);
}

/// <summary>Runs <see cref="RenewalReminders"/> daily at 01:30 Beijing time and when an instance starts (Quartz: once across instances).</summary>
internal sealed class RenewalReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RenewalReminderJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "registry-renewal-reminders";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<RenewalReminders>().RunAsync(ChinaTime.Today(Clock), ct);
        return $"许可证到期提醒 {sent} 条";
    }
}
