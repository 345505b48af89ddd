namespace Shian.Traceability;

internal static class TraceabilityModule
{
    public static WebApplicationBuilder AddTraceability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TraceOptions>().BindConfiguration(TraceOptions.Section);
        builder.Services.AddScoped<Capture>();
        builder.Services.AddScoped<EventQueries>();
        builder.Services.AddScoped<Gs1Prefixes>();
        builder.Services.AddScoped<Traces>();
        return builder;
    }

    public static WebApplication MapTraceability(this WebApplication app)
    {
        app.MapEpcisApi();
        return app;
    }
}
