using Microsoft.Extensions.Options;

namespace Shian.Emergencies;

internal static class EmergenciesModule
{
    public static WebApplicationBuilder AddEmergencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmergenciesOptions>().Bind(builder.Configuration.GetSection(EmergenciesOptions.Section))
            .Validate(o => !o.Grading.Problems().Any() && !o.Reporting.Problems().Any() && o.MaxPhotos is >= 0 and <= 20,
                "Emergencies 配置有误：分级标准或报告时限不在允许范围（见 docs/operations.md）")
            .ValidateOnStart();
        builder.Services.AddScoped<Incidents>();
        builder.Services.AddScoped<IncidentQueries>();
        builder.Services.AddScoped<ReportingNetwork>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, EmergenciesWorkbench>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.EmergenciesDemoSeeder>();
        return builder;
    }

    public static WebApplication MapEmergencies(this WebApplication app)
    {
        app.MapEmergenciesApi();
        return app;
    }
}
