using Shian.Enforcement.Contracts;
using Shian.Kernel.Events;

namespace Shian.Enforcement;

internal static class EnforcementModule
{
    public static WebApplicationBuilder AddEnforcement(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, EnforcementMeasures>();
        builder.Services.AddScoped<Clues>();
        builder.Services.AddScoped<IDomainEventHandler<CaseClueRaised>>(sp => sp.GetRequiredService<Clues>());
        builder.Services.AddScoped<Cases>();
        builder.Services.AddScoped<Benchmarks>();
        builder.Services.AddScoped<IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, EnforcementDeadlines>();
        builder.Services.AddScoped<PartyCases>();
        builder.Services.AddScoped<Registry.Contracts.IBusinessPortalSection, BusinessPortalCases>();
        builder.Services.AddScoped<Transfers>();
        builder.Services.AddOptions<Rules.AssistanceOptions>().Bind(builder.Configuration.GetSection(Rules.AssistanceOptions.Section))
            .Validate(o => !o.Problems().Any(), "Enforcement:Assistance 配置有误：协查期限不在允许范围（见 docs/operations.md）").ValidateOnStart();
        builder.Services.AddOptions<Rules.HearingOptions>().Bind(builder.Configuration.GetSection(Rules.HearingOptions.Section))
            .Validate(o => !o.Problems().Any(), "Enforcement:Hearing 配置有误：听证金额应为正数，且不高于《市场监督管理行政处罚听证办法》的金额（见 docs/operations.md）").ValidateOnStart();
        builder.Services.AddOptions<Rules.SummaryOptions>().Bind(builder.Configuration.GetSection(Rules.SummaryOptions.Section))
            .Validate(o => !o.Problems().Any(), "Enforcement:Summary 配置有误：当场处罚备案期限应为 1–30 个工作日（见 docs/operations.md）").ValidateOnStart();
        builder.Services.AddScoped<SummaryPenalties>();
        builder.Services.AddScoped<PaymentPlanDesk>();
        builder.Services.AddScoped<AssistanceDesk>();
        builder.Services.AddScoped<IDomainEventHandler<CaseClueDecided>>(sp => sp.GetRequiredService<AssistanceDesk>());
        builder.Services.AddScoped<Evidence>();
        builder.Services.AddScoped<CaseDocuments>();
        builder.Services.AddScoped<EnforcementQueries>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, EnforcementWorkbench>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.EnforcementDemoSeeder>();
        builder.Services.AddScoped<Risk.Contracts.IRiskEvidenceSource, EnforcementEvidence>();
        builder.Services.AddScoped<IPenaltyFacts, PenaltyFactsSource>();
        return builder;
    }

    public static WebApplication MapEnforcement(this WebApplication app)
    {
        app.MapEnforcementApi();
        return app;
    }
}
