using Shian.Kernel.Calendar;

namespace Shian.Credit;

/// <summary>
/// Every day at 02:00 Beijing time and when an instance starts (Quartz: once across instances): listings past their three
/// years removed, publications past their period ended; and, where <c>Credit:ExchangeFolder</c> is set, yesterday's 失信
/// changes written there as the push file for the city credit-exchange platform (docs/credit-exchange.md).
/// </summary>
internal sealed class CreditDailyJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CreditDailyJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "credit-daily";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var today = ChinaTime.Today(Clock);
        var (removed, ended) = await scope.ServiceProvider.GetRequiredService<Listings>().ExpireAsync(today, ct);
        var result = $"移出失信名单 {removed} 条，公示期满 {ended} 条";
        if (configuration["Credit:ExchangeFolder"] is { Length: > 0 } folder)
        {
            var day = today.AddDays(-1);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"shian-credit-{day:yyyyMMdd}.csv");
            var csv = await scope.ServiceProvider.GetRequiredService<CreditExchange>().ExchangeFileAsync(day, day, ct);
            await File.WriteAllTextAsync(file + ".tmp", csv, new System.Text.UTF8Encoding(false), ct);
            File.Move(file + ".tmp", file, overwrite: true);
            result += $"；推送文件 {Path.GetFileName(file)}";
        }

        return result;
    }
}
