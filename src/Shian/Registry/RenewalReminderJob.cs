using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Inbox;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry;

/// <summary>
/// Licence renewal reminders on the working-day calendar, per licence kind (<see cref="Rules.RenewalWindows"/>: 经营许可 90
/// and 15, 生产许可 30 working days before expiry; configurable). Tells the district's officers once per licence and mark.
/// </summary>
public sealed partial class RenewalReminders(ShianDb db, WorkingDayCalendarProvider calendar, Notifier notifier, DistrictRecipients recipients, Kernel.Users.People people, IConfiguration configuration, TimeProvider clock, ILogger<RenewalReminders> logger)
{
    /// <summary>The reminder marks of a licence kind in working days before expiry: configured, else the law's (<see cref="Rules.RenewalWindows.Defaults"/>).</summary>
    public static IReadOnlyList<int> MarksOf(IConfiguration configuration, LicenceKind kind) =>
        configuration.GetSection($"Registry:RenewalReminderWorkingDays:{kind}").Get<int[]>() is { Length: > 0 } configured ? configured : Rules.RenewalWindows.Defaults(kind);

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        IReadOnlyList<int> Marks(LicenceKind kind) => MarksOf(configuration, kind);
        var horizon = today.AddDays(Enum.GetValues<LicenceKind>().Max(k => Marks(k).Max()) * 2 + 30);
        var due = await (from l in db.Licences.AsNoTracking()
                         join b in db.Businesses.AsNoTracking() on l.BusinessId equals b.Id
                         where l.Status == LicenceStatus.Valid && l.ValidTo != null && l.ValidTo >= today && l.ValidTo <= horizon && b.Status != BusinessStatus.Closed
                         select new { l.Id, l.Number, l.Kind, ValidTo = l.ValidTo!.Value, b.Name, b.RegionCode, BusinessId = b.Id, b.Uscc }).ToListAsync(ct);
        var ids = due.Select(d => d.Id).ToList();
        var sent = (await db.SentRenewalReminders.AsNoTracking().Where(s => ids.Contains(s.LicenceId)).ToListAsync(ct)).Select(s => (s.LicenceId, s.Kind)).ToHashSet();
        var who = await recipients.LoadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var l in due)
        {
            var left = calendar.Current.WorkingDaysBetween(today, l.ValidTo).Days;
            if (Rules.RenewalWindows.Mark(Marks(l.Kind), left) is not int mark || !sent.Add((l.Id, $"due-{mark}")))
            {
                continue;
            }

            notifier.Notify(who(l.RegionCode), $"许可证即将到期：{l.Name}",
                $"{RegistryLabels.LicenceKinds[l.Kind]} {l.Number} 于 {l.ValidTo:yyyy-MM-dd} 到期（剩余 {left} 个工作日）。{Rules.RenewalWindows.Advice(l.Kind)}。", $"/registry/{l.BusinessId}");
            // The business itself is told too (its 我的企业 shows the last day to apply).
            notifier.Notify(await people.OfBusinessAsync(l.Uscc, ct), $"许可证即将到期：{RegistryLabels.LicenceKinds[l.Kind]} {l.Number}",
                $"于 {l.ValidTo:yyyy-MM-dd} 到期（剩余 {left} 个工作日）。{Rules.RenewalWindows.AdviceToBusiness(l.Kind)}。", "/business#sites");
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
