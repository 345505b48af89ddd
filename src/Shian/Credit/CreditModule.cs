using Shian.Enforcement.Contracts;
using Shian.Kernel.Events;
using Shian.Kernel.Jobs;

namespace Shian.Credit;

internal static class CreditModule
{
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CreditOptions>().BindConfiguration(CreditOptions.Section);
        builder.Services.AddScoped<CreditMine>();
        builder.Services.AddScoped<Registry.Contracts.IBusinessPortalSection, BusinessPortalCredit>();
        builder.Services.AddScoped<CreditLedger>();
        builder.Services.AddScoped<IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, CreditDeadlines>();
        builder.Services.AddScoped<IDomainEventHandler<PenaltyDecided>>(sp => sp.GetRequiredService<CreditLedger>());
        builder.Services.AddScoped<IDomainEventHandler<PenaltyRevoked>>(sp => sp.GetRequiredService<CreditLedger>());
        builder.Services.AddScoped<IDomainEventHandler<CaseClueRaised>>(sp => sp.GetRequiredService<CreditLedger>());
        builder.Services.AddScoped<Publications>();
        builder.Services.AddScoped<Listings>();
        builder.Services.AddScoped<CreditRecords>();
        builder.Services.AddScoped<BarredPersons>();
        builder.Services.AddScoped<Contracts.IBarredPersons>(sp => sp.GetRequiredService<BarredPersons>());
        builder.Services.AddScoped<CreditExchange>();
        builder.Services.AddScoped<CreditQueries>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, CreditWorkbench>();
        builder.Services.AddScoped<Risk.Contracts.IRiskEvidenceSource, CreditEvidence>();
        builder.Services.AddScoped<Registry.Contracts.IBusinessProfileSection, BusinessCreditSection>();
        builder.Services.AddScoped<Registry.Contracts.IPublicBusinessSection, PublicBusinessCredit>();
        builder.Services.AddScoped<CreditPublic>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, PenaltiesPublicSection>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, ListingsPublicSection>();
        if (builder.Configuration.GetValue("Credit:DailyJob", true))
        {
            builder.Services.AddDailyJob<CreditDailyJob>(CreditDailyJob.Key, new TimeOnly(2, 0));
        }

        return builder;
    }

    public static WebApplication MapCredit(this WebApplication app)
    {
        app.MapCreditApi();
        return app;
    }
}
