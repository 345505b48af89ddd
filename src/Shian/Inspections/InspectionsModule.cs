namespace Shian.Inspections;

internal static class InspectionsModule
{
    public static WebApplicationBuilder AddInspections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Draws>();
        return builder;
    }

    public static WebApplication MapInspections(this WebApplication app)
    {
        app.MapInspectionsApi();
        return app;
    }
}
