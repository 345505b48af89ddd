using Shian.Registry.Contracts;
using Shian.Kernel.Jobs;
using Shian.Registry.Import;

namespace Shian.Registry;

internal static class RegistryModule
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, RegistryWorkbench>();
        builder.Services.AddScoped<RegistryService>();
        builder.Services.AddScoped<Duties>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, RegistryMeasures>();
        builder.Services.AddScoped<RenewalReminders>();
        if (builder.Configuration.GetValue("Registry:RenewalJob", true))
        {
            builder.Services.AddDailyJob<RenewalReminderJob>(RenewalReminderJob.Key, new TimeOnly(1, 30));
        }

        builder.Services.AddScoped<BusinessDirectory>();
        builder.Services.AddScoped<Contracts.IBusinessDirectory>(sp => sp.GetRequiredService<BusinessDirectory>());
        builder.Services.AddScoped<Kernel.Scoping.IOwnBusinessRegions>(sp => sp.GetRequiredService<BusinessDirectory>());
        builder.Services.AddScoped<Contracts.IPublicRegister, PublicRegister>();
        builder.Services.AddScoped<PublicBusinessPage>();
        builder.Services.AddScoped<IPublicBusinessSection, PublicBusinessRating>();
        builder.Services.AddScoped<RegistryImport>();
        builder.Services.AddSingleton<RegistryImportQueue>();
        builder.Services.AddOnDemandJob<RegistryImportJob>(RegistryImportJob.Key);
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.RegistryDemoSeeder>();
        return builder;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.MapRegistryApi();
        return app;
    }
}
