using Shian.Governance.Import;
using Shian.Kernel.Jobs;

namespace Shian.Governance;

internal static class GovernanceModule
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, GovernanceMeasures>();
        builder.Services.AddScoped<Contracts.IPlanTargets, PlanTargets>();
        builder.Services.AddScoped<TargetIndicators>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, SupervisionDeadlines>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, GovernanceWorkbench>();
        builder.Services.AddScoped<PlanImport>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, GovernancePublicSection>();
        builder.Services.AddScoped<GovernanceQueries>();
        builder.Services.AddScoped<Tracking>();
        builder.Services.AddScoped<Supervision>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<AssessmentRanking>();
        builder.Services.AddScoped<AssessmentPublication>();
        builder.Services.AddScoped<Interviews>();
        builder.Services.AddScoped<GovernanceDaily>();
        builder.Services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section);
        if (builder.Configuration.GetValue("Governance:DailyJob", true))
        {
            builder.Services.AddDailyJob<GovernanceDailyJob>(GovernanceDailyJob.Key, new TimeOnly(builder.Configuration.GetValue("Governance:DailyRunHour", 1), 0));
        }
        return builder;
    }

    public static WebApplication MapGovernance(this WebApplication app)
    {
        app.MapGovernanceApi();
        app.MapIncognitoChecksApi();
        app.MapAssessmentsApi();
        return app;
    }
}
