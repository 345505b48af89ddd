using Shian.Registry.Import;

namespace Shian.Registry;

internal static class RegistryModule
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegistryService>();
        builder.Services.AddScoped<Duties>();
        builder.Services.AddScoped<RenewalReminders>();
        builder.Services.AddHostedService<RenewalReminderJob>();
        builder.Services.AddScoped<Contracts.IBusinessDirectory, BusinessDirectory>();
        builder.Services.AddScoped<Contracts.IPublicRegister, PublicRegister>();
        builder.Services.AddScoped<RegistryImport>();
        builder.Services.AddSingleton<RegistryImportQueue>();
        builder.Services.AddHostedService<RegistryImportWorker>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.RegistryDemoSeeder>();
        return builder;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.MapRegistryApi();
        return app;
    }
}
