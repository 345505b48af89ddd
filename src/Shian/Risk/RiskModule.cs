using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Events;
using Shian.Kernel.Jobs;
using Shian.Registry.Contracts;

namespace Shian.Risk;

internal static class RiskModule
{
    public static WebApplicationBuilder AddRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, RiskMeasures>();
        builder.Services.AddScoped<RiskGrading>();
        builder.Services.AddScoped<IBusinessProfileSection, BusinessRiskSection>();
        builder.Services.AddScoped<RiskSchemes>();
        builder.Services.AddScoped<Contracts.IRiskGrades, RiskGradesQuery>();
        builder.Services.AddScoped<IDomainEventHandler<BusinessChanged>, RiskEventHandlers>();
        builder.Services.AddScoped<IDomainEventHandler<RegisterImported>, RiskEventHandlers>();
        builder.Services.AddScoped<IDomainEventHandler<Contracts.RiskEvidenceChanged>, RiskEventHandlers>();
        builder.Services.AddScoped<Kernel.Reference.IReferenceDataSeeder, RiskSchemeSeeder>();
        if (builder.Configuration.GetValue("Risk:NightlyJob", true))
        {
            builder.Services.AddDailyJob<RiskNightlyJob>(RiskNightlyJob.Key, new TimeOnly(builder.Configuration.GetValue("Risk:NightlyHour", 2), 0));
        }

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

/// <summary>The default grading scheme (Shian simplified, on the 2016 scale) exists from the start (reference data; a province adds its own).</summary>
internal sealed class RiskSchemeSeeder(ShianDb db, TimeProvider clock) : Kernel.Reference.IReferenceDataSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.RiskSchemes.FirstOrDefaultAsync(s => s.Code == RiskGrading.NationalScheme && s.Version == 1, ct) is not { } shipped)
        {
            db.RiskSchemes.Add(RiskGrading.DefaultScheme(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        else if (shipped.Name != RiskGrading.DefaultSchemeName || shipped.Basis != RiskGrading.DefaultSchemeBasis)
        {
            // Installations seeded before review D-14 called it the national 2016 scheme: the label is corrected (audited).
            (shipped.Name, shipped.Basis) = (RiskGrading.DefaultSchemeName, RiskGrading.DefaultSchemeBasis);
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Re-grades every business nightly (Risk:NightlyHour, Beijing time) and when an instance starts (Quartz: once across instances).</summary>
internal sealed class RiskNightlyJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RiskNightlyJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "risk-nightly";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RiskGrading>().RecomputeRegionAsync(null, ct);
        return $"评定 {outcome.Graded} 户，等级变化 {outcome.Changed} 户";
    }
}
