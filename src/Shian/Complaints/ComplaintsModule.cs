using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Shian.Complaints;

internal static class ComplaintsModule
{
    /// <summary>The limiter policy of anonymous filings: per client address, <see cref="ComplaintsOptions.PerClientPerHour"/> an hour.</summary>
    public const string IntakeLimit = "complaint-intake";

    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplaintsOptions>().Bind(builder.Configuration.GetSection(ComplaintsOptions.Section));
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, ComplaintMeasures>();
        builder.Services.AddScoped<Intake>();
        builder.Services.AddScoped<Handling>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, ComplaintDeadlines>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Enforcement.Contracts.CaseClueDecided>>(sp => sp.GetRequiredService<Handling>());
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Emergencies.Contracts.IncidentOpenedFromComplaint>>(sp => sp.GetRequiredService<Handling>());
        builder.Services.AddScoped<Contracts.IComplaintTips, ComplaintTipLookup>();
        builder.Services.AddScoped<PublicTracking>();
        builder.Services.AddScoped<ComplaintQueries>();
        builder.Services.AddScoped<Open311Clients>();
        builder.Services.AddScoped<Open311Requests>();
        builder.Services.AddScoped<HotlineImport>();
        builder.Services.AddScoped<ComplaintStats>();
        builder.Services.AddScoped<Rewards>();
        builder.Services.AddScoped<RespondentDesk>();
        builder.Services.AddScoped<Registry.Contracts.IBusinessPortalSection, BusinessPortalComplaints>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.ComplaintsDemoSeeder>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, ComplaintsWorkbench>();
        builder.Services.AddScoped<Risk.Contracts.IRiskEvidenceSource, ComplaintsEvidence>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, ComplaintsPublicSection>();
        var perHour = builder.Configuration.GetValue($"{ComplaintsOptions.Section}:PerClientPerHour", 20);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(IntakeLimit, http =>
            http.User.Identity?.IsAuthenticated == true || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapComplaints(this WebApplication app)
    {
        app.MapComplaintsApi();
        app.MapOpen311();
        return app;
    }
}
