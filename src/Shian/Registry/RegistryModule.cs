using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Shian.Registry.Contracts;
using Shian.Kernel.Jobs;
using Shian.Registry.Import;

namespace Shian.Registry;

internal static class RegistryModule
{
    /// <summary>The limiter policy of self-registration (codes by text message).</summary>
    public const string RegistrationLimit = "business-registration";

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
        builder.Services.AddScoped<SelfRegistration>();
        // Self-registration sends text messages: per client address at most this many attempts an hour (GETs are free),
        // beside the per-business and per-phone limits of the codes themselves.
        var perHour = builder.Configuration.GetValue("Registry:SelfRegistration:PerClientPerHour", 20);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(RegistrationLimit, http =>
            http.User.Identity?.IsAuthenticated == true || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.MapRegistryApi();
        return app;
    }
}
