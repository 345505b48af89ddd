using Shian.Data;
using Shian.Kernel.Calendar;

namespace Shian.Kernel.Caching;

/// <summary>
/// Keeps this instance's in-memory working-day calendar in step with the database: every <c>Caching:RefreshInterval</c>
/// (30 s) it compares the calendar's stamp and reloads after another instance imported a year. Per instance by design
/// (every instance holds its own copy), so a hosted service rather than a scheduled job; the standards library checks
/// its stamp on each use instead.
/// </summary>
internal sealed partial class CacheRefresher(IServiceScopeFactory scopes, WorkingDayCalendarProvider calendar, IConfiguration configuration, ILogger<CacheRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Caching:RefreshInterval", TimeSpan.FromSeconds(30)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await calendar.RefreshIfChangedAsync(scope.ServiceProvider.GetRequiredService<ShianDb>(), stoppingToken))
                {
                    LogReloaded(logger);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working-day calendar reloaded: another instance changed it")]
    private static partial void LogReloaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache refresh failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
