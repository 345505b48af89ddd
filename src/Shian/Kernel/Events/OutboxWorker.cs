using Microsoft.Extensions.Options;

namespace Shian.Kernel.Events;

/// <summary>
/// The background dispatcher: every few seconds it delivers what is due — retries, and events whose commit was not
/// followed by a dispatch (a crash, kill -9, a lease that ran out). Runs on every instance; claims keep them apart.
/// </summary>
internal sealed partial class OutboxWorker(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                // Drain: a full batch means there may be more.
                while (await dispatcher.DispatchDueAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception e);
}
