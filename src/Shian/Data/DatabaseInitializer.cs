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
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            await CheckConnectionBudgetAsync(db, cancellationToken);
        }
    }

    private async Task CheckConnectionBudgetAsync(ShianDb db, CancellationToken ct)
    {
        var pool = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxPoolSize;
        var max = int.Parse(await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_connections') AS \"Value\"").SingleAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var reserved = int.Parse(await db.Database.SqlQueryRaw<string>("SELECT current_setting('superuser_reserved_connections') AS \"Value\"").SingleAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (ConnectionBudget.Problem(pool, options.Value.Instances, max, reserved) is { } problem)
        {
            LogBudget(logger, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogBudget(ILogger logger, string problem);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, DatabaseProvider provider);
}
