namespace Shian.Traceability;

internal static class TraceabilityModule
{
    public static WebApplicationBuilder AddTraceability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TraceOptions>().BindConfiguration(TraceOptions.Section);
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, TraceMeasures>();
        builder.Services.AddScoped<Capture>();
        builder.Services.AddScoped<MasterData>();
        builder.Services.AddScoped<EventQueries>();
        builder.Services.AddScoped<Gs1Prefixes>();
        builder.Services.AddScoped<Traces>();
        builder.Services.AddScoped<Recalls>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, RecallDeadlines>();
        builder.Services.AddScoped<Contracts.IRecallLookup, RecallLookup>();
        builder.Services.AddScoped<Contracts.ITradePartners, TradePartnerFinder>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Sampling.Contracts.SupervisionSampleFailed>>(sp => sp.GetRequiredService<Recalls>());
        builder.Services.AddScoped<PublicTrace>();
        builder.Services.AddScoped<Registry.Contracts.IPublicBusinessSection, PublicBusinessRecalls>();
        builder.Services.AddScoped<Registry.Contracts.IBusinessPortalSection, BusinessPortalTrace>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.TraceabilityDemoSeeder>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, RecallPublicSection>();
        return builder;
    }

    public static WebApplication MapTraceability(this WebApplication app)
    {
        app.MapEpcisApi();
        app.MapRecallsApi();
        return app;
    }
}
