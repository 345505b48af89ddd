namespace Shian.Sampling;

internal static class SamplingModule
{
    public static WebApplicationBuilder AddSampling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StandardsCache>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, SamplingMeasures>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, SamplingWorkbench>();
        builder.Services.AddScoped<Standards>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, SamplingDeadlines>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, SamplingPublicSection>();
        builder.Services.AddScoped<Kernel.Reference.IReferenceDataSeeder, StandardsSeeder>();
        builder.Services.AddScoped<SamplingPlans>();
        builder.Services.AddScoped<Samples>();
        builder.Services.AddScoped<BusinessNotices>();
        builder.Services.AddScoped<Dispositions>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Enforcement.Contracts.CaseClueDecided>, CaseDecisions>();
        builder.Services.AddScoped<RapidTests>();
        builder.Services.AddScoped<Announcements>();
        builder.Services.AddScoped<Contracts.ILotResults, LotResults>();
        builder.Services.AddScoped<Contracts.ISampleLookup, SampleLookup>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IBusinessProfileSection, BusinessSamplesSection>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IPublicBusinessSection, PublicBusinessSamples>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IBusinessPortalSection, BusinessPortalSamples>();
        builder.Services.AddScoped<SamplingStats>();
        builder.Services.AddScoped<LimitImport>();
        builder.Services.AddScoped<Risk.Contracts.IRiskEvidenceSource, SamplingEvidence>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.SamplingDemoSeeder>();
        return builder;
    }

    public static WebApplication MapSampling(this WebApplication app)
    {
        app.MapSamplingApi();
        return app;
    }
}
