using System.Text.Json.Serialization;
using Shian.Data;
using Shian.Kernel.Attachments;
using Shian.Kernel.Audit;
using Shian.Kernel.Calendar;
using Shian.Kernel.Inbox;
using Shian.Kernel.Messaging;
using Shian.Kernel.Errors;
using Shian.Kernel.Health;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

using Shian.Kernel.Privacy;

namespace Shian.Kernel;

internal static class KernelModule
{
    public static WebApplicationBuilder AddKernel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Enums by name only (StrictEnums); a body or parameter that cannot be read is refused with a Chinese error
        // naming the field (ThrowOnBadRequest hands it to ProblemDetailsExceptionHandler in every environment).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Errors.StrictEnumConverterFactory()));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpRequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<HttpRequestContext>());
        services.AddScoped<IActOnBehalf>(sp => sp.GetRequiredService<HttpRequestContext>());
        services.AddShianDatabase(builder.Configuration);
        services.AddSingleton<WorkingDayCalendarProvider>();
        services.AddScoped<CalendarImport>();
        services.AddScoped<Populations>();
        services.AddMemoryCache();
        services.AddScoped<Users.People>();
        services.AddScoped<UnitCatalogService>();
        services.AddScoped<UnitAdmin>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Events.DomainEvents>();
        services.AddSingleton<Events.DomainEventHandlers>();
        services.AddScoped<Events.OutboxAdmin>();
        services.AddSingleton<Events.OutboxDispatcher>();
        services.AddSingleton<Events.OutboxInterceptor>();
        services.AddOptions<Events.OutboxOptions>().BindConfiguration(Events.OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Notifier>();
        services.AddScoped<DistrictRecipients>();
        services.AddScoped<InboxReader>();
        services.AddSms(builder.Configuration, builder.Environment);
        services.AddScoped<Messaging.PhoneChallenges>();
        services.AddSingleton<IAttachmentStore, LocalFolderAttachmentStore>();
        services.AddScoped<AttachmentWriter>();
        services.AddSingleton<Audit.SecurityAudit>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Audit.DenialAuditHandler>();

        // The audit chain's keys and anchors live outside the database, in the data folder unless configured (security.md).
        string DataDir(IServiceProvider sp) => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShianOptions>>().Value.DataDirFullPath;
        services.AddSingleton(sp => Audit.AuditKeys.Load(builder.Configuration["Audit:KeyFile"] is { Length: > 0 } k ? k : Path.Combine(DataDir(sp), "keys", "audit.keys")));
        services.AddSingleton(sp => new Audit.AuditAnchors(sp.GetRequiredService<Audit.AuditKeys>(),
            builder.Configuration["Audit:AnchorFile"] is { Length: > 0 } a ? a : Path.Combine(DataDir(sp), "audit-anchors", "anchors.log")));
        Jobs.JobsSetup.AddRecurringJob<Audit.AuditCheckpointJob>(services, Audit.AuditCheckpointJob.Key, "0 0 * * * ?");
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 1024L * 1024 * 1024);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddShianDataProtection(builder.Configuration);
        services.AddShianAuth(builder.Configuration);
        // Hosted services start in this order: the database is migrated before the outbox and the scheduler use it.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<Events.OutboxWorker>();
        services.AddSingleton<GroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        services.AddHostedService<Caching.CacheRefresher>();
        Jobs.JobsSetup.AddShianJobs(services, builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddValidation();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapKernel(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAuthApi();
        app.MapKernelApi();
        app.MapAdminApi();
        Events.OutboxAdminApi.MapOutboxAdminApi(app);
        Jobs.JobsAdminApi.MapJobsAdminApi(app);
        app.MapAuditApi();
        app.MapAttachmentsApi();
        app.MapInboxApi();
        return app;
    }
}
