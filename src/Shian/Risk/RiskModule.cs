using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Registry.Contracts;

namespace Shian.Risk;

internal static class RiskModule
{
    public static WebApplicationBuilder AddRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RiskGrading>();
        builder.Services.AddScoped<IBusinessProfileSection, BusinessRiskSection>();
        builder.Services.AddScoped<Contracts.IRiskGrades, RiskGradesQuery>();
        builder.Services.AddScoped<IDomainEventHandler<BusinessChanged>, RiskEventHandlers>();
        builder.Services.AddScoped<IDomainEventHandler<RegisterImported>, RiskEventHandlers>();
        builder.Services.AddScoped<IDomainEventHandler<Contracts.RiskEvidenceChanged>, RiskEventHandlers>();
        builder.Services.AddHostedService<RiskNightlyJob>();
        return builder;
    }

    public static WebApplication MapRisk(this WebApplication app)
    {
        app.MapRiskApi();
        return app;
    }
}

/// <summary>Re-grades a business when the register says it changed, and an import's businesses when it committed.</summary>
internal sealed class RiskEventHandlers(RiskGrading grading, IBusinessDirectory directory) : IDomainEventHandler<BusinessChanged>, IDomainEventHandler<RegisterImported>, IDomainEventHandler<Contracts.RiskEvidenceChanged>
{
    public Task HandleAsync(BusinessChanged e, CancellationToken ct) => grading.RecomputeAsync([e.BusinessId], ct);

    public Task HandleAsync(Contracts.RiskEvidenceChanged e, CancellationToken ct) => grading.RecomputeAsync([e.BusinessId], ct);

    public async Task HandleAsync(RegisterImported e, CancellationToken ct) => await grading.RecomputeAsync(await directory.OfImportAsync(e.ImportId, ct), ct);
}

/// <summary>Ensures the default scheme exists, then re-grades every business at start-up and nightly (Risk:NightlyHour, Beijing time).</summary>
internal sealed partial class RiskNightlyJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RiskNightlyJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            if (!await db.RiskSchemes.AnyAsync(s => s.Code == RiskGrading.NationalScheme, stoppingToken))
            {
                db.RiskSchemes.Add(RiskGrading.DefaultScheme(clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(stoppingToken);
            }
        }

        if (!configuration.GetValue("Risk:NightlyJob", true))
        {
            return;
        }

        var hour = configuration.GetValue("Risk:NightlyHour", 2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<RiskGrading>().RecomputeRegionAsync(null, stoppingToken);
                LogPass(logger, outcome.Graded, outcome.Changed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            var today = ChinaTime.Today(clock);
            var next = new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
            await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk grading pass: {Graded} businesses graded, {Changed} grades changed")]
    private static partial void LogPass(ILogger logger, int graded, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk grading pass failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
