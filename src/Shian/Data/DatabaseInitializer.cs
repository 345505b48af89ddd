using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Kernel.Calendar;

namespace Shian.Data;

/// <summary>Applies migrations and reference data when the host starts (Database:MigrateOnStartup).</summary>
internal sealed partial class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        if (options.Value.MigrateOnStartup)
        {
            LogMigrating(logger, options.Value.Provider);
            await db.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
            foreach (var seeder in scope.ServiceProvider.GetServices<Shian.Kernel.Reference.IReferenceDataSeeder>())
            {
                await seeder.SeedAsync(cancellationToken);
            }

            await scope.ServiceProvider.GetRequiredService<Shian.Kernel.Users.DemoSeeder>().SeedAsync(cancellationToken);
            if (scope.ServiceProvider.GetRequiredService<IOptions<Shian.Kernel.Users.DemoOptions>>().Value.SeedsIn(scope.ServiceProvider.GetRequiredService<IHostEnvironment>()))
            {
                foreach (var seeder in scope.ServiceProvider.GetServices<Shian.Kernel.Users.IDemoDataSeeder>())
                {
                    await seeder.SeedAsync(cancellationToken);
                }
            }
        }

        await scope.ServiceProvider.GetRequiredService<WorkingDayCalendarProvider>().ReloadAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, DatabaseProvider provider);
}
